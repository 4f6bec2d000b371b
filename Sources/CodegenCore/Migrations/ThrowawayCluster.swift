import EntityGenerator
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A PostgreSQL cluster that lives for one run: initdb in a temporary folder, a server on
/// 127.0.0.1 and a free port with a random password, stopped and deleted by ``stop()``, by a
/// signal, or (after a SIGKILL) by the next run that starts one.
///
/// PostgreSQL refuses to run as root; as root, the server runs as the `postgres` user, as
/// `scripts/with-postgres` does.
final class ThrowawayCluster: @unchecked Sendable {
    /// A postgres:// URL with the password: hand it to children through the environment only.
    private(set) var url = ""
    private let folder: URL
    private let binaries: ServerBinaries
    private let owner: Owner?
    private var token: InterruptCleanup.CleanupToken?
    private let lock = NSLock()
    private var stopped = false

    /// Temporary folders are named `codegen-shadow-PID-…`, so a later run can tell a dead run's.
    static let folderPrefix = "codegen-shadow-"

    /// The user the server runs as when codegen runs as root.
    struct Owner {
        var uid: uid_t
        var gid: gid_t
        var runuser: String
    }

    /// Starts a cluster, removing first any that a killed run left.
    static func start() throws(MigrationsSourceError) -> ThrowawayCluster {
        guard let binaries = ServerBinaries.find() else { throw .noServerBinaries(searched: ServerBinaries.searchedPlaces) }
        let owner = try rootOwner()
        removeAbandoned(binaries: binaries, owner: owner)
        let folder = try makeFolder(owner: owner)
        let password = (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        let cluster = ThrowawayCluster(folder: folder, binaries: binaries, owner: owner)
        do {
            try cluster.initialize(password: password)
            var lastFailure = ""
            for _ in 0..<3 {
                let port = try freePort()
                if let failure = try cluster.startServer(port: port) {
                    lastFailure = failure
                    // Another program may have taken the port between choosing and binding it.
                    if failure.contains("could not bind") || failure.contains("in use") { continue }
                    throw MigrationsSourceError.clusterFailed(step: "pg_ctl start", detail: failure)
                }
                cluster.url = "postgres://postgres:\(password)@127.0.0.1:\(port)/postgres"
                return cluster
            }
            throw MigrationsSourceError.clusterFailed(step: "pg_ctl start", detail: lastFailure)
        } catch let error as MigrationsSourceError {
            cluster.stop()
            throw error
        } catch {
            cluster.stop()
            throw .clusterFailed(step: "start", detail: "\(error)")
        }
    }

    private init(folder: URL, binaries: ServerBinaries, owner: Owner?) {
        self.folder = folder
        self.binaries = binaries
        self.owner = owner
        token = InterruptCleanup.onInterrupt { [folder, binaries, owner] in
            Self.stop(folder: folder, binaries: binaries, owner: owner)
        }
    }

    deinit { stop() }

    /// Stops the server and deletes the folder; safe to call more than once.
    func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        Self.stop(folder: folder, binaries: binaries, owner: owner)
        if let token { InterruptCleanup.remove(token) }
    }

    private static func stop(folder: URL, binaries: ServerBinaries, owner: Owner?) {
        let data = folder.appendingPathComponent("data").path
        if FileManager.default.fileExists(atPath: data + "/postmaster.pid") {
            _ = try? command(binaries.pgCtl, ["-D", data, "-m", "immediate", "-w", "stop"], owner: owner).run()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    // MARK: - Steps

    private func initialize(password: String) throws(MigrationsSourceError) {
        let passwordFile = folder.appendingPathComponent("pwfile")
        guard FileManager.default.createFile(atPath: passwordFile.path, contents: Data((password + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
            throw .clusterFailed(step: "initdb", detail: "cannot write to \(folder.path)")
        }
        if let owner { chown(passwordFile.path, owner.uid, owner.gid) }
        defer { unlink(passwordFile.path) }
        let base = ["-D", folder.appendingPathComponent("data").path, "-U", "postgres", "--auth=scram-sha-256",
                    "--pwfile=\(passwordFile.path)", "--encoding=UTF8", "--no-sync"]
        var outcome = try run(binaries.initdb, base + ["--locale=C.UTF-8"])
        if !outcome.succeeded {
            // Systems without the C.UTF-8 locale.
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("data"))
            outcome = try run(binaries.initdb, base + ["--no-locale"])
        }
        guard outcome.succeeded else { throw .clusterFailed(step: "initdb", detail: outcome.lastError) }
    }

    /// Starts the server; returns the log's reason when it does not start.
    private func startServer(port: Int) throws(MigrationsSourceError) -> String? {
        let log = folder.appendingPathComponent("server.log")
        // Durability is pointless for a cluster deleted in a minute.
        let settings = "-c listen_addresses=127.0.0.1 -p \(port) -k '\(folder.path)' -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        let outcome = try run(binaries.pgCtl, ["-D", folder.appendingPathComponent("data").path, "-l", log.path, "-w", "-t", "60", "-o", settings, "start"])
        if outcome.succeeded { return nil }
        let logText = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        let reason = logText.split(whereSeparator: \.isNewline).last { $0.contains("FATAL") || $0.contains("could not") }
        return reason.map(String.init) ?? outcome.lastError
    }

    private func run(_ executable: String, _ arguments: [String]) throws(MigrationsSourceError) -> ChildProcess.Outcome {
        do {
            return try Self.command(executable, arguments, owner: owner).run()
        } catch {
            throw .clusterFailed(step: URL(fileURLWithPath: executable).lastPathComponent, detail: error.reason)
        }
    }

    private static func command(_ executable: String, _ arguments: [String], owner: Owner?) -> ChildProcess {
        guard let owner else { return ChildProcess(executable: executable, arguments: arguments) }
        return ChildProcess(executable: owner.runuser, arguments: ["-u", "postgres", "--", executable] + arguments)
    }

    // MARK: - Set-up

    /// As root: the existing `postgres` user, and runuser to act as it.
    private static func rootOwner() throws(MigrationsSourceError) -> Owner? {
        guard geteuid() == 0 else { return nil }
        guard let entry = getpwnam("postgres") else { throw .rootWithoutPostgresUser }
        let runuser = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let runuser else { throw .rootWithoutPostgresUser }
        return Owner(uid: entry.pointee.pw_uid, gid: entry.pointee.pw_gid, runuser: runuser)
    }

    private static var temporaryFolder: String {
        let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        return folder.hasSuffix("/") ? String(folder.dropLast()) : folder
    }

    private static func makeFolder(owner: Owner?) throws(MigrationsSourceError) -> URL {
        var template = Array("\(temporaryFolder)/\(folderPrefix)\(getpid())-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw .clusterFailed(step: "mkdtemp", detail: "cannot create a folder in \(temporaryFolder): \(String(cString: strerror(errno)))")
        }
        let path = String(cString: made)
        if let owner {
            chown(path, owner.uid, owner.gid)
            chmod(path, 0o700)
        }
        return URL(fileURLWithPath: path)
    }

    /// Stops and deletes clusters whose run is gone (killed with SIGKILL, which cannot be handled).
    private static func removeAbandoned(binaries: ServerBinaries, owner: Owner?) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: temporaryFolder)) ?? []
        for name in entries where name.hasPrefix(folderPrefix) {
            let pidText = name.dropFirst(folderPrefix.count).prefix { $0 != "-" }
            guard let pid = pid_t(pidText), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            stop(folder: URL(fileURLWithPath: "\(temporaryFolder)/\(name)"), binaries: binaries, owner: owner)
        }
    }

    /// A port on 127.0.0.1 that nothing listens on now.
    private static func freePort() throws(MigrationsSourceError) -> Int {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw .clusterFailed(step: "socket", detail: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, length) == 0 && getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        guard bound else { throw .clusterFailed(step: "bind", detail: String(cString: strerror(errno))) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
