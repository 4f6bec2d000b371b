import Foundation
import PostgresConnectionInfo
import Testing
import TestSupport

/// Our resolution (defaults, service file, `PG*` variables, password file, host and port
/// pairing, value checks) against libpq's `PQconnectStart`, which resolves the same way before
/// it opens a socket. Each case runs `libpq-probe` in a child process with exactly the case's
/// environment, so nothing leaks between cases or into other tests.
///
/// Hosts are `127.0.0.1` on port 1: libpq starts a connection that can only be refused, and
/// reports what it resolved in the meantime.
@Suite("Differential: resolution against libpq's PQconnectStart",
       .enabled(if: LibPQProbe.isAvailable, "libpq-probe is not built: run swift build --build-tests"),
       .enabled(if: TestEnvironment.runsProcessTests, "fast lane: runs libpq-probe; run scripts/test or TEST_LANE=full swift test"))
struct LibPQResolutionDifferentialTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let connectionString: String
        let variables: [String: String]
        var testDescription: String { "\(connectionString) with \(variables.keys.sorted())" }
        init(_ connectionString: String, _ variables: [String: String] = [:]) {
            self.connectionString = connectionString
            self.variables = variables
        }
    }

    static let cases: [Case] = [
        Case("host=127.0.0.1 port=1"),
        Case("postgres://127.0.0.1:1"),
        Case("host=127.0.0.1 port=1 dbname=app user=alice"),
        Case("", ["PGHOST": "127.0.0.1", "PGPORT": "1"]),
        Case("", ["PGHOST": "127.0.0.1", "PGPORT": "1", "PGUSER": "bob", "PGDATABASE": "bobdb", "PGAPPNAME": "envapp"]),
        Case("host=127.0.0.1 port=1", ["PGUSER": "alice", "PGDATABASE": "app"]),
        Case("host=127.0.0.1 port=1 user=carol", ["PGUSER": "alice"]),
        Case("host=127.0.0.1", ["PGPORT": "1", "PGSSLMODE": "require", "PGCONNECT_TIMEOUT": "9", "PGOPTIONS": "-c a=b"]),
        Case("host=127.0.0.1 port=1 sslmode=disable", ["PGSSLMODE": "require"]),
        Case("host=127.0.0.1 port=1", ["PGREQUIRESSL": "1"]),
        Case("host=127.0.0.1 port=1", ["PGTARGETSESSIONATTRS": "read-write", "PGSSLROOTCERT": "/nonexistent/root.crt"]),
        Case("host=127.0.0.1 port=1 user=alice dbname=app"),   // .pgpass: exact line
        Case("host=127.0.0.1 port=1 user=bob"),                // .pgpass: wildcard line with escapes
        Case("host=127.0.0.1 port=1 user=alice dbname=app password=given"),
        Case("host=127.0.0.1 port=1 user=alice dbname=app", ["PGPASSWORD": "fromenv"]),
        Case("host=127.0.0.1 port=1 user=alice dbname=app", ["PGPASSFILE": "{HOME}/other-pgpass"]),
        Case("host=127.0.0.1 port=1 user=alice dbname=app passfile={HOME}/other-pgpass"),
        Case("host=127.0.0.1 port=1 user=alice dbname=app passfile={HOME}/world-readable"),
        Case("service=probe"),
        Case("service=probe port=1 dbname=fromstring"),
        Case("", ["PGSERVICE": "probe"]),
        Case("", ["PGSERVICE": "probe", "PGSERVICEFILE": "{HOME}/services.conf"]),
        Case("service=missing", ["PGHOST": "127.0.0.1"]),
        Case("service=broken"),
        Case("host=127.0.0.1 port=1 sslmode=requir"),
        Case("host=127.0.0.1 port=1", ["PGSSLMODE": "bogus"]),
        Case("host=127.0.0.1 port=1 target_session_attrs=master"),
        Case("host=127.0.0.1 port=1 channel_binding=maybe"),
        Case("host=127.0.0.1 port=1 gssencmode=sometimes"),
        Case("host=127.0.0.1 port=1 ssl_min_protocol_version=TLSv9"),
        Case("host=127.0.0.1 port=1 ssl_min_protocol_version=TLSv1.3 ssl_max_protocol_version=TLSv1.2"),
        Case("host=127.0.0.1 port=1 ssl_min_protocol_version=tlsv1.2 ssl_max_protocol_version=TLSV1.3"),
        Case("host=127.0.0.1 port=abc"),
        Case("host=127.0.0.1 port=70000"),
        Case("host=127.0.0.1,127.0.0.1 port=1,1,1"),
        Case("host=127.0.0.1,127.0.0.1 hostaddr=127.0.0.1"),
        Case("host=localhost hostaddr=127.0.0.1 port=1 user=alice dbname=app"),
        Case("hostaddr=127.0.0.1 port=1 user=alice dbname=app"),
        Case("host=127.0.0.1 port=1 connect_timeout=x"),
        Case("postgres://dave@127.0.0.1:1/app?application_name=a&fallback_application_name=b"),
        Case("postgres://127.0.0.1:1/?dbname=", ["PGDATABASE": "envdb"]),
        Case("postgres://127.0.0.1:1", ["PGUSER": "", "PGDATABASE": ""]),
    ]

    /// The keywords compared; `password` is compared through `PQpass`, per host.
    static let keywords = ["host", "hostaddr", "port", "sslmode", "application_name", "fallback_application_name", "options",
                           "connect_timeout", "target_session_attrs", "sslrootcert", "channel_binding", "gssencmode"]

    /// Environments for `PQconndefaults`, which fills every keyword from the service file,
    /// `PG*` variables and built-in defaults, with no string at all.
    static let defaultsCases: [[String: String]] = [
        [:],
        ["PGHOST": "h", "PGPORT": "6000", "PGUSER": "u", "PGDATABASE": "d", "PGPASSWORD": "p", "PGAPPNAME": "a"],
        ["PGSSLMODE": "verify-full", "PGSSLROOTCERT": "/r", "PGCONNECT_TIMEOUT": "5", "PGOPTIONS": "-c x=1", "PGCLIENTENCODING": "UTF8"],
        ["PGREQUIRESSL": "1"], ["PGREQUIRESSL": "1", "PGSSLMODE": "allow"], ["PGPORT": "", "PGUSER": ""],
        ["PGSERVICE": "probe"], ["PGSERVICE": "probe", "PGSERVICEFILE": "{HOME}/services.conf", "PGHOST": "envhost"],
        ["PGTARGETSESSIONATTRS": "read-only", "PGGSSENCMODE": "disable", "PGKRBSRVNAME": "k", "PGSSLSNI": "0"],
    ]

    @Test(arguments: defaultsCases)
    func sameDefaultsAsPQconndefaults(_ variables: [String: String]) throws {
        let home = try LibPQProbe.homeFolder()
        let variables = variables.mapValues { $0.replacingOccurrences(of: "{HOME}", with: home.path) }
        let libpq = try LibPQProbe.defaults(variables: variables, home: home.path)
        let environment = ConnectionEnvironment(
            variables: variables.merging(["HOME": home.path]) { _, new in new },
            userName: ConnectionEnvironment.current.userName,
            socketDirectories: ["/var/run/postgresql"])
        let ours = try ConnectionParameters().withDefaults(from: environment, knownKeywords: LibPQParseDifferentialTests.libpqKeywords)
        #expect(ours.values == libpq)
    }

    @Test(arguments: cases)
    func sameResolutionAsLibpq(_ testCase: Case) throws {
        let home = try LibPQProbe.homeFolder()
        let variables = testCase.variables.mapValues { $0.replacingOccurrences(of: "{HOME}", with: home.path) }
        let connectionString = testCase.connectionString.replacingOccurrences(of: "{HOME}", with: home.path)
        let libpq = try LibPQProbe.start(connectionString, variables: variables, home: home.path)

        let environment = ConnectionEnvironment(
            variables: variables.merging(["HOME": home.path]) { _, new in new },
            userName: ConnectionEnvironment.current.userName,
            socketDirectories: ["/var/run/postgresql"],
            systemConfigurationDirectory: "/etc/postgresql-common")
        let ours = Result { () throws(ConnectionInfoError) in try ResolvedConnection(connectionString, environment: environment) }

        switch (libpq, ours) {
        case let (.rejected(message), .failure(error)):
            #expect(!message.isEmpty, "libpq rejected it; we said: \(error)")
        case let (.rejected(message), .success):
            Issue.record("libpq rejected it (\(message)), we accepted it")
        case let (.resolved, .failure(error)):
            Issue.record("libpq accepted it, we rejected it: \(error)")
        case let (.resolved(values, password), .success(resolved)):
            #expect(resolved.user == values["user"])
            #expect(resolved.database == values["dbname"])
            for keyword in Self.keywords {
                #expect(resolved.parameters[keyword] == values[keyword], "\(keyword)")
            }
            #expect((resolved.primaryHost.password ?? "") == password, "password")
        }
    }
}

/// Runs the `libpq-probe` executable built with the tests.
enum LibPQProbe {
    enum Verdict {
        case resolved([String: String], password: String)
        case rejected(String)
    }

    static var executable: String {
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [
            products.appendingPathComponent("libpq-probe").path,
            TestEnvironment.packageRoot.appendingPathComponent(".build/debug/libpq-probe").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[1]
    }

    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: executable) }

    static func start(_ connectionString: String, variables: [String: String], home: String) throws -> Verdict {
        // Only the case's variables: no PG* from the machine running the tests.
        let inherited = ProcessInfo.processInfo.environment.keys.filter { $0.hasPrefix("PG") || $0 == "HOME" }
        let result = try Shell.run(executable, ["start", connectionString],
                                   environment: variables.merging(["HOME": home]) { _, new in new }, removingEnvironment: inherited)
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any] ?? [:]
        let error = object["error"] as? String ?? result.output
        // A refused connection is a resolved one; any other failure (even one libpq words as a
        // failed connection, such as a bad connect_timeout) is libpq rejecting the settings.
        if error.contains("Connection refused") {
            return .resolved(object["values"] as? [String: String] ?? [:], password: object["password"] as? String ?? "")
        }
        return .rejected(error)
    }

    static func defaults(variables: [String: String], home: String) throws -> [String: String] {
        let inherited = ProcessInfo.processInfo.environment.keys.filter { $0.hasPrefix("PG") || $0 == "HOME" }
        let result = try Shell.run(executable, ["defaults"],
                                   environment: variables.merging(["HOME": home]) { _, new in new }, removingEnvironment: inherited)
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any] ?? [:]
        return object["values"] as? [String: String] ?? [:]
    }

    /// A home folder with the password and service files the cases refer to, made once.
    static func homeFolder() throws -> URL {
        try home.get()
    }

    private static let homePath = FileManager.default.temporaryDirectory.appendingPathComponent("libpq-probe-home-\(getpid())")

    private static let home: Result<URL, any Error> = Result {
        let folder = homePath
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Tests have no suite-wide teardown: remove the folder when the test process exits.
        atexit { try? FileManager.default.removeItem(at: LibPQProbe.homePath) }
        func write(_ name: String, _ text: String, permissions: Int) throws {
            let path = folder.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: path)
        }
        try write(".pgpass", "# comment\n127.0.0.1:1:app:alice:exact\n*:*:*:bob:wild\\:card\\\\pw\nlocalhost:1:app:alice:bylocalhost\n", permissions: 0o600)
        try write("other-pgpass", "*:*:*:*:other\n", permissions: 0o600)
        try write("world-readable", "*:*:*:*:world\n", permissions: 0o644)
        try write(".pg_service.conf", "[probe]\nhost=127.0.0.1\nport=1\nuser=svcuser\ndbname=svcdb\n[broken]\nhots=x\n", permissions: 0o644)
        try write("services.conf", "[probe]\nhost=127.0.0.1\nport=1\napplication_name=fromfile\n", permissions: 0o644)
        return folder
    }
}
