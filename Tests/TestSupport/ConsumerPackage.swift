import Foundation

/// The package that compiles generated code the way a user's package would, in
/// `.build-consumer/` so that its dependencies are built once and reused.
public enum ConsumerPackage {
    public static let folder = TestEnvironment.packageRoot.appendingPathComponent(".build-consumer")
    public static let packageFolder = folder.appendingPathComponent("package")
    public static let modelsFolder = packageFolder.appendingPathComponent("Sources/Models")
    static let scratchFolder = folder.appendingPathComponent("build")

    /// Writes the consumer's manifest and driver (its Models folder is left to the caller).
    public static func prepare() throws {
        let fixture = TestEnvironment.packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/EntityConsumer")
        let manager = FileManager.default
        try manager.createDirectory(at: modelsFolder, withIntermediateDirectories: true)
        let manifest = try String(contentsOf: fixture.appendingPathComponent("Package.swift.template"), encoding: .utf8)
            .replacingOccurrences(of: "@PACKAGE_ROOT@", with: TestEnvironment.packageRoot.path)
        try writeIfChanged(manifest, to: packageFolder.appendingPathComponent("Package.swift"))
        for driver in ["DecodeAll", "RoundTripAll"] {
            let source = "Sources/\(driver)/main.swift"
            try manager.createDirectory(at: packageFolder.appendingPathComponent("Sources/\(driver)"), withIntermediateDirectories: true)
            try writeIfChanged(String(contentsOf: fixture.appendingPathComponent(source), encoding: .utf8),
                               to: packageFolder.appendingPathComponent(source))
        }
        // The manifest declares the migrations targets; give them minimal sources until a test
        // scaffolds real ones with `codegen migrate init`.
        let registry = migrationsFolder.appendingPathComponent("Migrator.swift")
        if !manager.fileExists(atPath: registry.path) {
            try manager.createDirectory(at: migrationsFolder, withIntermediateDirectories: true)
            try ("import EntityKitMigrations\n\npublic enum Migrator {\n    public static let all: [any Migration] = [\n"
                + "        // codegen:migrations:start\n        // codegen:migrations:end\n    ]\n}\n")
                .write(to: registry, atomically: true, encoding: .utf8)
        }
        let runner = packageFolder.appendingPathComponent("Sources/migrate/main.swift")
        if !manager.fileExists(atPath: runner.path) {
            try manager.createDirectory(at: runner.deletingLastPathComponent(), withIntermediateDirectories: true)
            try "import EntityKitMigrationsCLI\nimport Foundation\nimport Migrations\n\nexit(await MigrationCommandLine.run(Migrator.all))\n"
                .write(to: runner, atomically: true, encoding: .utf8)
        }
    }

    /// The consumer's migrations library folder.
    public static var migrationsFolder: URL { packageFolder.appendingPathComponent("Sources/Migrations") }

    /// The consumer's scratch folder, for `swift run --scratch-path`.
    public static var scratchPath: String { scratchFolder.path }

    /// Builds the consumer; returns the build's output and the warnings in generated files.
    public static func build(product: String = "DecodeAll") throws -> (result: Shell.Result, modelWarnings: [String]) {
        let result = try Shell.run(swiftExecutable, [
            "build", "--package-path", packageFolder.path, "--scratch-path", scratchFolder.path, "--product", product,
        ])
        let warnings = result.output.split(separator: "\n").map(String.init)
            .filter { $0.contains("warning:") && $0.contains("Sources/Models/") }
        return (result, warnings)
    }

    /// Runs `body` while no other test uses the consumer package: tests that fill its Models
    /// folder and build it take turns (also across processes: the lock is `flock` on a file).
    public static func exclusively<T>(_ body: () throws -> T) throws -> T {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let descriptor = open(folder.appendingPathComponent("lock").path, O_CREAT | O_RDWR, 0o644)
        guard descriptor >= 0 else { throw TestDatabaseError("cannot open \(folder.path)/lock") }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw TestDatabaseError("cannot lock \(folder.path)/lock") }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    /// Runs the built RoundTripAll against `url`: a summary per `schema.table`, and failure lines.
    public static func roundTripAll(url: String) throws -> (summaries: [String: String], failures: [String], status: Int32) {
        let result = try Shell.run(scratchFolder.appendingPathComponent("debug/RoundTripAll").path, [url])
        var summaries: [String: String] = [:]
        var failures: [String] = []
        for line in result.standardOutput.split(separator: "\n").map(String.init) {
            if line.hasPrefix("FAILED ") {
                failures.append(line)
            } else {
                let parts = line.split(separator: "\t", maxSplits: 1)
                if parts.count == 2 { summaries[String(parts[0])] = String(parts[1]) }
            }
        }
        if result.status != 0 && failures.isEmpty { failures.append(result.output) }
        return (summaries, failures, result.status)
    }

    /// Runs the built DecodeAll against `url`: rows per `schema.table`, and failure lines.
    public static func decodeAll(url: String) throws -> (counts: [String: Int], failures: [String], status: Int32) {
        let executable = scratchFolder.appendingPathComponent("debug/DecodeAll").path
        let result = try Shell.run(executable, [url])
        var counts: [String: Int] = [:]
        var failures: [String] = []
        for line in result.standardOutput.split(separator: "\n").map(String.init) {
            if line.hasPrefix("FAILED ") {
                failures.append(line)
            } else {
                let parts = line.split(separator: "\t")
                if parts.count == 2, let count = Int(parts[1]) { counts[String(parts[0])] = count }
            }
        }
        if result.status != 0 && failures.isEmpty { failures.append(result.output) }
        return (counts, failures, result.status)
    }

    /// `swift`, from the toolchain running the tests.
    public static var swiftExecutable: String {
        let candidates = ["/opt/swift/usr/bin/swift", "/usr/bin/swift", "/usr/local/bin/swift"]
        if let path = ProcessInfo.processInfo.environment["PATH"] {
            for folder in path.split(separator: ":") {
                let candidate = "\(folder)/swift"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? "swift"
    }

    private static func writeIfChanged(_ text: String, to url: URL) throws {
        if (try? String(contentsOf: url, encoding: .utf8)) == text { return }
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
}
