import Foundation

/// Runs programs for tests and captures what they print.
public enum Shell {
    public struct Result: Sendable {
        public let status: Int32
        /// stdout and stderr, interleaved.
        public let output: String
        public let standardOutput: String
        public let standardError: String
    }

    /// Runs `executable` with `arguments` in `directory`, with `environment` added. A program
    /// still running after `timeout` is terminated (then killed), so a hang fails its test
    /// instead of holding CI until its own limit; the result then says so.
    public static func run(
        _ executable: String,
        _ arguments: [String],
        in directory: URL? = nil,
        environment: [String: String] = [:],
        removingEnvironment: [String] = [],
        timeout: Duration = .seconds(30 * 60)
    ) throws -> Result {
        // A test that runs a program must say so (`.enabled(if: TestEnvironment.runsProcessTests, …)`),
        // so the fast lane stays fast and needs nothing but the package's own build.
        guard TestEnvironment.runsProcessTests else { throw FastLaneViolation(executable: executable) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var merged = ProcessInfo.processInfo.environment
        for key in removingEnvironment { merged.removeValue(forKey: key) }
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let timedOut = TimeoutFlag()
        let seconds = Double(timeout.components.seconds)
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
            guard process.isRunning else { return }
            timedOut.set()
            process.terminate()
            DispatchQueue.global().asyncAfter(deadline: .now() + 10) {
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            }
        }
        // Read both pipes concurrently so neither fills up and blocks the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errorData = Data()
        group.enter()
        DispatchQueue.global().async {
            errorData = stderr.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        let out = String(decoding: outputData, as: UTF8.self)
        var err = String(decoding: errorData, as: UTF8.self)
        if timedOut.isSet { err += "\nShell: \(executable) was still running after \(timeout) and was stopped\n" }
        return Result(status: process.terminationStatus, output: out + err, standardOutput: out, standardError: err)
    }

    /// The `codegen` executable built alongside the tests.
    public static var codegenExecutable: String {
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [
            products.appendingPathComponent("codegen").path,
            TestEnvironment.packageRoot.appendingPathComponent(".build/debug/codegen").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[1]
    }
}

/// Whether a run's watchdog stopped it; set on a dispatch queue, read after the run.
private final class TimeoutFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}

/// A program run by a test the fast lane should have skipped: give the test or its suite
/// `.enabled(if: TestEnvironment.runsProcessTests, "fast lane: …")`.
public struct FastLaneViolation: Error, CustomStringConvertible {
    public let executable: String

    public var description: String {
        "this test runs \(executable) in the fast lane: enable it only if TestEnvironment.runsProcessTests"
    }
}
