import EntityKitPostgres
import Foundation
import PostgresConnectionInfo
import Testing
import LiveTestSupport
import TestSupport

/// The runtime connects with libpq's semantics: `key=value` strings, `PG*` variables alone, a
/// password from a password file. Each test resolves in its own environment, never the
/// machine's.
@Suite("Runtime connection strings", .enabled(if: TestEnvironment.runsLiveTests, Comment(rawValue: TestEnvironment.liveTestsSkipReason)))
struct ConnectionStringLiveTests {
    /// The test server's parts, from DATABASE_URL.
    private var server: (host: String, port: Int, user: String, password: String, database: String) {
        get throws {
            let resolved = try ResolvedConnection(try #require(TestEnvironment.serverURL), environment: .init(variables: [:], userName: "nobody"))
            guard case let .tcp(host, port) = resolved.primaryHost.endpoint else { throw TestDatabaseError("DATABASE_URL is not TCP") }
            return (host, port, resolved.user, resolved.primaryHost.password ?? "", resolved.database)
        }
    }

    private func currentUserAndDatabase(_ connectionString: String, _ environment: ConnectionEnvironment) async throws -> [String] {
        let client = try PostgresClient(connectionString: connectionString, environment: environment)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            let rows = try await client.query("SELECT current_user, current_database(), current_setting('application_name')")
            var values: [String] = []
            for try await (user, database, application) in rows.decode((String, String, String).self) {
                values = [user, database, application]
            }
            return values
        }
    }

    @Test func keyValueString() async throws {
        let server = try server
        let string = "host=\(server.host) port=\(server.port) user=\(server.user) password=\(ConnectionParameters.quoted(server.password)) "
            + "dbname=\(server.database) application_name='key value test'"
        let values = try await currentUserAndDatabase(string, ConnectionEnvironment(variables: [:], userName: "nobody"))
        #expect(values == [server.user, server.database, "key value test"])
    }

    @Test func variablesAlone() async throws {
        let server = try server
        let environment = ConnectionEnvironment(variables: [
            "PGHOST": server.host, "PGPORT": String(server.port), "PGUSER": server.user, "PGPASSWORD": server.password,
            "PGDATABASE": server.database, "PGAPPNAME": "from PGAPPNAME",
        ], userName: "nobody")
        #expect(try await currentUserAndDatabase("", environment) == [server.user, server.database, "from PGAPPNAME"])
    }

    @Test func passwordFromAPasswordFile() async throws {
        let server = try server
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(".pgpass")
        let escaped = server.password.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ":", with: "\\:")
        try "# test\n\(server.host):\(server.port):*:\(server.user):\(escaped)\n".write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        let base = "host=\(server.host) port=\(server.port) user=\(server.user) dbname=\(server.database)"

        let viaKeyword = try await currentUserAndDatabase("\(base) passfile=\(file.path)", ConnectionEnvironment(variables: [:], userName: "nobody"))
        #expect(viaKeyword.prefix(2) == [server.user, server.database])
        let viaVariable = try await currentUserAndDatabase(base, ConnectionEnvironment(variables: ["PGPASSFILE": file.path], userName: "nobody"))
        #expect(viaVariable.prefix(2) == [server.user, server.database])
        let viaHome = try await currentUserAndDatabase(base, ConnectionEnvironment(variables: [:], homeDirectory: folder.path, userName: "nobody"))
        #expect(viaHome.prefix(2) == [server.user, server.database])

        // Readable by others: ignored, as libpq ignores it, so the server asks for a password in vain.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        let insecure = ConnectionEnvironment(variables: ["PGPASSFILE": file.path], userName: "nobody")
        #expect(try ResolvedConnection(base, environment: insecure).warnings.first?.contains("chmod 0600") == true)
        // A single connection, because a PostgresClient retries a refused login until cancelled.
        await #expect(throws: (any Error).self) {
            let connection = try await PostgresConnection.connect(
                configuration: PostgresConnection.Configuration(connectionString: base, environment: insecure), id: 1, logger: .entityKitSilent)
            try await connection.close()
        }
    }
}
