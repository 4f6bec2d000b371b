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

    /// Runs `executable` with `arguments` in `directory`, with `environment` added.
    public static func run(
        _ executable: String,
        _ arguments: [String],
        in directory: URL? = nil,
        environment: [String: String] = [:],
        removingEnvironment: [String] = []
    ) throws -> Result {
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
        let err = String(decoding: errorData, as: UTF8.self)
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
