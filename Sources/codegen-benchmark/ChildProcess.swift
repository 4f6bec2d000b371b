import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program and reports its exit status and wall time.
enum ChildProcess {
    struct Outcome {
        var status: Int32
        var milliseconds: Double
        /// What the child wrote to stderr, when `captureErrors` was set.
        var errors: String
    }

    static func run(_ executable: String, _ arguments: [String], captureErrors: Bool = false) throws -> Outcome {
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("codegen-benchmark-\(UUID().uuidString).stderr")
        defer { try? FileManager.default.removeItem(at: errorFile) }
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, captureErrors ? errorFile.path : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if captureErrors { posix_spawn_file_actions_adddup2(&actions, 1, 2) }
        if !captureErrors { posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0) }
        let clock = ContinuousClock()
        let start = clock.now
        guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else {
            throw BenchmarkError("cannot start \(executable)")
        }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let elapsed = (clock.now - start).milliseconds
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let errors = captureErrors ? ((try? String(contentsOf: errorFile, encoding: .utf8)) ?? "") : ""
        return Outcome(status: exitStatus, milliseconds: elapsed, errors: errors)
    }
}
