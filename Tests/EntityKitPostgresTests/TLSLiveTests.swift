import EntityKitPostgres
import Foundation
import PostgresConnectionInfo
import Testing
import TestSupport

/// sslmode with libpq's meanings, against a server with a self-signed certificate for
/// `localhost`; and Unix-domain sockets. One server for all the cases, because starting one
/// takes seconds.
@Suite("Runtime TLS and sockets",
       .enabled(if: TestEnvironment.runsLiveTests && ThrowawayServer.isAvailable, Comment(rawValue: ThrowawayServer.unavailableReason)))
struct TLSLiveTests {
    /// Connects with `connectionString` and returns whether the session uses TLS.
    private func connect(_ connectionString: String, home: String) async throws -> Bool {
        let environment = ConnectionEnvironment(variables: [:], homeDirectory: home, userName: "nobody")
        let connection = try await PostgresConnection.connect(
            configuration: PostgresConnection.Configuration(connectionString: connectionString, environment: environment),
            id: 1, logger: .entityKitSilent)
        defer { Task { try? await connection.close() } }
        let rows = try await connection.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", logger: .entityKitSilent)
        for try await ssl in rows.decode(Bool.self) { return ssl }
        return false
    }

    @Test func sslModesAgainstASelfSignedServer() async throws {
        let server = try ThrowawayServer.start()
        defer { server.stop() }
        // An empty home: no ~/.postgresql/root.crt to change what require means.
        let home = server.folder.appendingPathComponent("home").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let base = "user=postgres password=\(server.password) dbname=postgres port=\(server.port)"

        #expect(try await connect("\(base) host=127.0.0.1 sslmode=disable", home: home) == false)
        #expect(try await connect("\(base) host=127.0.0.1 sslmode=prefer", home: home) == true)
        // require: encrypted, certificate not verified (psql reaches this server the same way).
        #expect(try await connect("\(base) host=127.0.0.1 sslmode=require", home: home) == true)
        #expect(try await connect("postgresql://postgres:\(server.password)@localhost:\(server.port)/postgres?sslmode=require", home: home) == true)

        // verify-ca: the chain against sslrootcert, no host name check (127.0.0.1 is not in the certificate).
        #expect(try await connect("\(base) host=127.0.0.1 sslmode=verify-ca sslrootcert=\(server.certificate.path)", home: home) == true)
        let wrongRoot = await #expect(throws: (any Error).self) {
            try await connect("\(base) host=127.0.0.1 sslmode=verify-ca sslrootcert=\(server.otherCertificate.path)", home: home)
        }
        #expect(wrongRoot.map(ConnectionFailure.describe)?.contains("not signed by a root certificate in sslrootcert") == true)
        // verify-full: the host name too.
        #expect(try await connect("\(base) host=localhost sslmode=verify-full sslrootcert=\(server.certificate.path)", home: home) == true)
        let wrongName = await #expect(throws: (any Error).self) {
            try await connect("\(base) host=127.0.0.1 sslmode=verify-full sslrootcert=\(server.certificate.path)", home: home)
        }
        #expect(wrongName.map(ConnectionFailure.describe)?.contains("does not name the host") == true)
        // hostaddr connects to the address and verifies the name.
        #expect(try await connect("\(base) host=localhost hostaddr=127.0.0.1 sslmode=verify-full sslrootcert=\(server.certificate.path)", home: home) == true)

        // require with a root certificate verifies the chain, as libpq does for compatibility.
        #expect(try await connect("\(base) host=127.0.0.1 sslmode=require sslrootcert=\(server.certificate.path)", home: home) == true)
        await #expect(throws: (any Error).self) {
            try await connect("\(base) host=127.0.0.1 sslmode=require sslrootcert=\(server.otherCertificate.path)", home: home)
        }
    }

    @Test func verifyCAWithoutARootCertificateSaysWhatToDo() throws {
        let environment = ConnectionEnvironment(variables: [:], homeDirectory: "/nonexistent-home", userName: "nobody")
        do {
            _ = try PostgresClient.Configuration(connectionString: "host=localhost sslmode=verify-ca", environment: environment)
            Issue.record("verify-ca without a root certificate was accepted")
        } catch {
            #expect(error == .unreadableFile(keyword: "sslrootcert", path: "/nonexistent-home/.postgresql/root.crt", reason: error.reasonText))
            #expect(error.description.contains("sslrootcert=system, or sslmode=require"), "\(error)")
        }
    }

    @Test func unixSocketFolders() async throws {
        let server = try ThrowawayServer.start()
        defer { server.stop() }
        let home = server.folder.path
        // Sockets never use TLS, even with sslmode=require, as in libpq.
        #expect(
            try await connect(
                "host=\(server.socketFolder) port=\(server.port) user=postgres password=\(server.password) dbname=postgres sslmode=require",
                home: home) == false)
        let encodedFolder = server.socketFolder.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        #expect(try await connect("postgresql://postgres:\(server.password)@\(encodedFolder):\(server.port)/postgres", home: home) == false)
    }
}

private extension ConnectionInfoError {
    var reasonText: String {
        if case let .unreadableFile(_, _, reason) = self { return reason }
        return ""
    }
}
