import Foundation

/// A second PostgreSQL cluster for tests that need what the shared one does not have: TLS with
/// a self-signed certificate, and a known Unix-socket folder. It lives in a temporary folder,
/// listens on 127.0.0.1 and a socket there, and is deleted by ``stop()``.
///
/// The certificate is self-signed for `localhost` only (no IP address), so `verify-full` to
/// `127.0.0.1` fails while `verify-ca` succeeds; ``otherCertificate`` is an unrelated one.
///
/// It is also ready to be a primary: initdb's defaults already have `wal_level=replica`,
/// `max_wal_senders=10`, `hot_standby=on` and a pg_hba line for replication connections from
/// 127.0.0.1 with scram-sha-256, so ``startReplica()`` needs no other setting.
public final class ThrowawayServer: @unchecked Sendable {
    public let folder: URL
    public let port: Int
    public let password: String
    /// The server's certificate, which is also its own root.
    public let certificate: URL
    /// A self-signed certificate that did not sign the server's.
    public let otherCertificate: URL
    /// The folder holding the Unix-domain socket.
    public var socketFolder: String { folder.path }

    private let binaries: String
    private let owner: [String]

    /// True when initdb, pg_ctl and openssl are available (scripts/with-postgres installs PostgreSQL).
    public static var isAvailable: Bool {
        binDirectory() != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")
    }

    public static let unavailableReason = "initdb/pg_ctl or openssl not found: install postgresql and openssl"

    /// Creates the cluster with TLS on and starts it.
    public static func start() throws -> ThrowawayServer {
        guard let binaries = binDirectory() else { throw TestDatabaseError(unavailableReason) }
        return try ThrowawayServer(binaries: binaries, primary: nil)
    }

    /// Creates a hot standby of this server and starts it: a copy made with `pg_basebackup -R`
    /// in a folder of its own, on a port of its own, with the same password and certificates,
    /// streaming from this server (`SELECT pg_is_in_recovery()` is true until ``promote()``).
    /// Its ``stop()`` deletes its folder; the two can be stopped in either order.
    public func startReplica() throws -> ThrowawayServer {
        try ThrowawayServer(binaries: binaries, primary: self)
    }

    private init(binaries: String, primary: ThrowawayServer?) throws {
        self.binaries = binaries
        let manager = FileManager.default
        folder = manager.temporaryDirectory.appendingPathComponent("codegen-\(primary == nil ? "tls" : "replica")-\(UUID().uuidString.prefix(8))")
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        // A replica's roles, passwords included, are the primary's.
        password = primary?.password ?? UUID().uuidString.replacingOccurrences(of: "-", with: "")
        port = try Self.freePort()
        certificate = folder.appendingPathComponent("server.crt")
        otherCertificate = folder.appendingPathComponent("other.crt")
        // PostgreSQL refuses to run as root: run it as `postgres`, as scripts/with-postgres does.
        owner = getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--"] : []
        settings = "-c listen_addresses=127.0.0.1 -p \(port) -k \(folder.path) -c ssl=on"
            + " -c ssl_cert_file=\(certificate.path) -c ssl_key_file=\(folder.appendingPathComponent("server.key").path) -c fsync=off"

        if let primary {
            // Copies rather than the primary's files, which its stop() deletes.
            for name in ["server.crt", "server.key", "other.crt", "other.key"] {
                try manager.copyItem(at: primary.folder.appendingPathComponent(name), to: folder.appendingPathComponent(name))
            }
        } else {
            try Self.check(Shell.run("/usr/bin/openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
                "-keyout", folder.appendingPathComponent("server.key").path, "-out", certificate.path]), "openssl (server certificate)")
            try Self.check(Shell.run("/usr/bin/openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
                "-keyout", folder.appendingPathComponent("other.key").path, "-out", otherCertificate.path]), "openssl (other certificate)")
            try password.write(to: folder.appendingPathComponent("pwfile"), atomically: true, encoding: .utf8)
        }
        try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: folder.appendingPathComponent("server.key").path)
        if !owner.isEmpty {
            try Self.check(Shell.run("/bin/chown", ["-R", "postgres", folder.path]), "chown")
        }
        if let primary {
            // -R writes standby.signal and primary_conninfo (password included) into the copy;
            // -c fast checkpoints at once instead of spreading it out.
            try Self.check(runAsOwner("\(binaries)/pg_basebackup", [
                "-D", folder.appendingPathComponent("data").path, "-R", "-X", "stream", "-c", "fast",
                "-h", "127.0.0.1", "-p", "\(primary.port)", "-U", "postgres",
            ], environment: ["PGPASSWORD": password]), "pg_basebackup")
        } else {
            try Self.check(runAsOwner("\(binaries)/initdb", [
                "-D", folder.appendingPathComponent("data").path, "-U", "postgres", "--auth=scram-sha-256",
                "--pwfile=\(folder.appendingPathComponent("pwfile").path)", "--encoding=UTF8", "--no-locale",
            ]), "initdb")
        }
        try startServer()
    }

    private let settings: String

    /// Starts the (stopped) server and waits until it accepts connections.
    public func startServer() throws {
        // The server outlives pg_ctl: close the descriptors it would inherit before pg_ctl runs.
        let pgCtl = "\(binaries)/pg_ctl"
        try Self.check(Shell.run("/bin/bash", ["-c", Self.closeDescriptorsAndRun, "bash"] + owner + [pgCtl,
            "-D", folder.appendingPathComponent("data").path, "-l", folder.appendingPathComponent("server.log").path,
            "-w", "-t", "60", "-o", settings, "start"]), "pg_ctl start")
    }

    /// Stops the server (fast shutdown: sessions are terminated) and waits until it is down;
    /// ``startServer()`` brings it back on the same port.
    public func stopServer() throws {
        try Self.check(pgCtl(["-D", folder.appendingPathComponent("data").path, "-m", "fast", "-w", "-t", "60", "stop"]), "pg_ctl stop")
    }

    /// Stops the server the way a crash would (`pg_ctl stop -m immediate`: no checkpoint, sessions
    /// cut); ``startServer()`` brings it back through crash recovery.
    public func crash() throws {
        try Self.check(pgCtl(["-D", folder.appendingPathComponent("data").path, "-m", "immediate", "-w", "-t", "60", "stop"]), "pg_ctl stop -m immediate")
    }

    /// Turns this standby into a primary that accepts writes, and waits until it does.
    public func promote() throws {
        try Self.check(pgCtl(["-D", folder.appendingPathComponent("data").path, "-w", "-t", "60", "promote"]), "pg_ctl promote")
    }

    /// Restarts the server: every session is terminated.
    public func restart() throws {
        try stopServer()
        try startServer()
    }

    /// A `postgres://` URL for a database of this server over TCP, as its superuser, with
    /// `sslmode` and further query parameters (`connect_timeout=2`, …).
    public func url(database: String = "postgres", sslmode: String = "disable", port: Int? = nil, parameters: String = "") -> String {
        "postgres://postgres:\(password)@127.0.0.1:\(port ?? self.port)/\(database)?sslmode=\(sslmode)" + (parameters.isEmpty ? "" : "&" + parameters)
    }

    /// Stops the server and deletes its folder.
    public func stop() {
        _ = try? pgCtl(["-D", folder.appendingPathComponent("data").path, "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(at: folder)
    }

    private func pgCtl(_ arguments: [String]) throws -> Shell.Result {
        try runAsOwner("\(binaries)/pg_ctl", arguments)
    }

    private func runAsOwner(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Shell.Result {
        try Shell.run(owner.first ?? executable, Array(owner.dropFirst()) + (owner.isEmpty ? [] : [executable]) + arguments, environment: environment)
    }

    /// A bash script that closes every descriptor above 2, then runs its arguments. A daemon
    /// outlives the program that starts it and inherits every descriptor this process leaks (on
    /// Linux, Foundation's Process closes none but the three it sets up), among them other tests'
    /// pipes, which would then never reach end of file.
    static let closeDescriptorsAndRun = #"fd=3; while [ $fd -lt 1024 ]; do eval "exec $fd>&-" 2>/dev/null; fd=$((fd+1)); done; exec "$@""#

    static func check(_ result: Shell.Result, _ step: String) throws {
        guard result.status == 0 else { throw TestDatabaseError("\(step) failed: \(result.output)") }
    }

    private static func binDirectory() -> String? {
        var candidates: [String] = []
        if let output = try? Shell.run("/usr/bin/env", ["pg_config", "--bindir"]), output.status == 0 {
            candidates.append(output.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        candidates += versions.sorted { $0.compare($1, options: .numeric) == .orderedDescending }.map { "/usr/lib/postgresql/\($0)/bin" }
        candidates += ["/usr/local/bin", "/opt/homebrew/bin"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: "\($0)/initdb") && FileManager.default.isExecutableFile(atPath: "\($0)/pg_ctl") }
    }

    /// A port nothing listens on now (the kernel's choice for a socket bound to port 0).
    public static func freePort() throws -> Int {
        try withLoopbackSocket(port: 0) { descriptor, address in
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
            }
            guard bound else { throw TestDatabaseError("bind() failed") }
            return Int(UInt16(bigEndian: address.sin_port))
        }
    }

    /// Runs `body` with a new TCP socket and the address 127.0.0.1:`port`; closes the socket after.
    static func withLoopbackSocket<T>(port: Int, _ body: (Int32, inout sockaddr_in) throws -> T) throws -> T {
        #if canImport(Glibc)
        let streamType = Int32(SOCK_STREAM.rawValue)
        #else
        let streamType = SOCK_STREAM
        #endif
        let descriptor = socket(AF_INET, streamType, 0)
        guard descriptor >= 0 else { throw TestDatabaseError("socket() failed") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return try body(descriptor, &address)
    }
}
