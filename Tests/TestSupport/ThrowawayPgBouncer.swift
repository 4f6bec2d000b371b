import Foundation

/// PgBouncer in front of a database of a ``ThrowawayServer``, for tests of the runtime through
/// a pooler. It lives in a temporary folder, listens on 127.0.0.1 (and a socket in its
/// folder) on a port of its own, and is stopped and deleted by ``stop()``.
///
/// Clients log in as `postgres` with the server's password, with SCRAM as on the server; the
/// auth file holds the plain password, which lets PgBouncer log in to the server with SCRAM
/// too. `postgres` is also an admin of the `pgbouncer` console (`SHOW POOLS`, `RECONNECT`, …).
/// Startup parameters other than those PgBouncer tracks (`application_name`, `client_encoding`,
/// `DateStyle`, `TimeZone`, …) are refused, `options` among them, as in a default setup.
public final class ThrowawayPgBouncer: @unchecked Sendable {
    /// How long a server connection stays with a client; each mode has a database name of its
    /// own in PgBouncer (``database(_:)``), both for the same server database.
    public enum PoolMode: String, Sendable, CaseIterable {
        /// For the whole session: session state (SET, prepared statements, temp tables) is kept.
        case session
        /// For one transaction: consecutive transactions may run on different server sessions.
        case transaction
    }

    public let folder: URL
    public let port: Int
    public let password: String
    /// The server database both pool modes lead to.
    public let serverDatabase: String

    /// True when the pgbouncer program is installed (Debian: `apt-get install pgbouncer`).
    public static var isAvailable: Bool { executable() != nil }

    public static let unavailableReason = "pgbouncer not found: install pgbouncer"

    /// Starts PgBouncer in front of `database` on `server`, with at most `poolSize` server
    /// connections per pool mode, and waits until it accepts connections.
    public static func start(server: ThrowawayServer, database: String = "postgres", poolSize: Int = 5) throws -> ThrowawayPgBouncer {
        guard let executable = executable() else { throw TestDatabaseError(unavailableReason) }
        return try ThrowawayPgBouncer(executable: executable, server: server, database: database, poolSize: poolSize)
    }

    private init(executable: String, server: ThrowawayServer, database: String, poolSize: Int) throws {
        let manager = FileManager.default
        folder = manager.temporaryDirectory.appendingPathComponent("codegen-pgbouncer-\(UUID().uuidString.prefix(8))")
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        port = try ThrowawayServer.freePort()
        password = server.password
        serverDatabase = database
        // PgBouncer refuses to run as root, like PostgreSQL.
        let owner = getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--"] : []

        let authFile = folder.appendingPathComponent("userlist.txt")
        try "\"postgres\" \"\(password)\"\n".write(to: authFile, atomically: true, encoding: .utf8)
        try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: authFile.path)
        let target = "host=127.0.0.1 port=\(server.port) dbname=\(database)"
        // server_login_retry: after a failed login to the server (it was down), PgBouncer refuses
        // clients for this long, 15 s by default. query_wait_timeout: how long a client waits for
        // a server connection (while the server is down) before it is cut, 120 s by default.
        let configuration = """
            [databases]
            \(self.database(.session)) = \(target) pool_mode=session
            \(self.database(.transaction)) = \(target) pool_mode=transaction

            [pgbouncer]
            listen_addr = 127.0.0.1
            listen_port = \(port)
            unix_socket_dir = \(folder.path)
            auth_type = scram-sha-256
            auth_file = \(authFile.path)
            admin_users = postgres
            max_client_conn = 200
            default_pool_size = \(poolSize)
            server_login_retry = 1
            query_wait_timeout = 10
            logfile = \(logFile.path)
            pidfile = \(pidFile.path)

            """
        let configurationFile = folder.appendingPathComponent("pgbouncer.ini")
        try configuration.write(to: configurationFile, atomically: true, encoding: .utf8)
        if !owner.isEmpty {
            try ThrowawayServer.check(Shell.run("/bin/chown", ["-R", "postgres", folder.path]), "chown")
        }
        // -d: PgBouncer runs in the background, as the server does after pg_ctl, and must not
        // inherit this process's descriptors either.
        try ThrowawayServer.check(Shell.run("/bin/bash", ["-c", ThrowawayServer.closeDescriptorsAndRun, "bash"]
            + owner + [executable, "-d", configurationFile.path]), "pgbouncer")
        let deadline = Date().addingTimeInterval(10)
        while !Self.accepts(port: port) {
            guard Date() < deadline else {
                let log = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
                stop()
                throw TestDatabaseError("pgbouncer did not accept connections within 10 s: \(log)")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    private var logFile: URL { folder.appendingPathComponent("pgbouncer.log") }
    private var pidFile: URL { folder.appendingPathComponent("pgbouncer.pid") }

    /// The database name that leads to ``serverDatabase`` in `poolMode`: `postgres_tx` and
    /// `postgres_session` for `postgres`.
    public func database(_ poolMode: PoolMode) -> String {
        "\(serverDatabase)_\(poolMode == .transaction ? "tx" : "session")"
    }

    /// A `postgres://` URL for ``serverDatabase`` through PgBouncer in `poolMode`, as `postgres`,
    /// without TLS, with further query parameters (`connect_timeout=2`, …).
    public func url(_ poolMode: PoolMode, parameters: String = "") -> String {
        "postgres://postgres:\(password)@127.0.0.1:\(port)/\(database(poolMode))?sslmode=disable" + (parameters.isEmpty ? "" : "&" + parameters)
    }

    /// Stops PgBouncer (its clients are cut), waits until its port is closed, and deletes its folder.
    public func stop() {
        let text = (try? String(contentsOf: pidFile, encoding: .utf8)) ?? ""
        if let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
            // SIGTERM is PgBouncer's immediate shutdown, but a PgBouncer started from the test
            // process inherits its blocked signals and ignores it: SIGKILL after half a second
            // (PgBouncer keeps nothing on disk, and the server sees its connections close).
            kill(pid, SIGTERM)
            let deadline = Date().addingTimeInterval(0.5)
            while Self.accepts(port: port) {
                guard Date() < deadline else {
                    kill(pid, SIGKILL)
                    break
                }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        try? FileManager.default.removeItem(at: folder)
    }

    private static func executable() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map(String.init) ?? []
        return (["/usr/sbin"] + path + ["/usr/local/bin", "/opt/homebrew/bin"])
            .map { "\($0)/pgbouncer" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// True when something accepts TCP connections on 127.0.0.1:`port`.
    private static func accepts(port: Int) -> Bool {
        (try? ThrowawayServer.withLoopbackSocket(port: port) { descriptor, address in
            withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
        }) ?? false
    }
}
