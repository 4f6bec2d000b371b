import EntityGenerator
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program to completion and captures what it prints, for the steps of
/// `--from-migrations` (building and running the migrations, initdb, pg_ctl).
///
/// Not `Foundation.Process`: a program spawned by it inherits ignored signals, and codegen ignores
/// SIGINT/SIGTERM/SIGHUP while its interrupt cleanup runs, so `swift build` or a migration would
/// outlive a Ctrl-C. Here the child gets default signal handling, and a signal that ends codegen
/// terminates a child that is still running.
struct ChildProcess {
    struct Outcome: Sendable {
        var status: Int32
        /// stdout and stderr, interleaved as written.
        var output: String

        var succeeded: Bool { status == 0 }

        /// The first compiler diagnostic (`file:line:column: error: …`), else ``lastError``:
        /// `swift build` ends with summary lines that do not say what is wrong.
        var firstCompilerError: String {
            let lines = output.split(whereSeparator: \.isNewline).map(String.init)
            return lines.first { $0.contains(": error: ") && $0.hasPrefix("/") } ?? lastError
        }

        /// The last line that starts with `error:` (without it), else the last non-empty line.
        var lastError: String {
            let lines = output.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if let line = lines.last(where: { $0.hasPrefix("error: ") }) { return String(line.dropFirst("error: ".count)) }
            if let line = lines.last(where: { $0.contains("error:") }) { return line }
            return lines.last ?? "exit status \(status)"
        }
    }

    var executable: String
    var arguments: [String]
    /// Variables to set (or replace) in the inherited environment.
    var environment: [String: String] = [:]

    /// Runs the program; throws only when it cannot be started.
    func run() throws(ChildProcessError) -> Outcome {
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("codegen-child-\(getpid())-\(UUID().uuidString).log")
        defer { unlink(capture.path) }
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = merged.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, capture.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] { sigaddset(&defaults, number) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var noMask = sigset_t()
        sigemptyset(&noMask)
        posix_spawnattr_setsigmask(&attributes, &noMask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var pid: pid_t = 0
        let spawned = executable.contains("/")
            ? posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
            : posix_spawnp(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw ChildProcessError(executable: executable, reason: String(cString: strerror(spawned)))
        }
        let child = pid
        let token = InterruptCleanup.onInterrupt {
            kill(child, SIGTERM)
            var ignored: Int32 = 0
            waitpid(child, &ignored, 0)
        }
        defer { InterruptCleanup.remove(token) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // A child ended by the signal that ends codegen is not a failure to report.
        InterruptCleanup.yieldIfInterrupted()
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let output = (try? String(contentsOf: capture, encoding: .utf8)) ?? ""
        return Outcome(status: exitStatus, output: output)
    }

    /// The absolute path of `name` on PATH, if it is there.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// A program that could not be started at all.
struct ChildProcessError: Error, CustomStringConvertible {
    var executable: String
    var reason: String

    var description: String { "cannot run \(executable) (\(reason))" }
}
