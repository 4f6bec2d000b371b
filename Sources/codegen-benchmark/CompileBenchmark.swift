import CatalogIntrospection
import CodegenCore
import EntityGenerator
import Foundation

/// The debug compile time of generated code, in a consumer package that depends on EntityKit.
struct CompileBenchmark {
    let url: String
    let entities: Int

    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    func run() throws -> String {
        let folder = Self.root.appendingPathComponent(".build-benchmark")
        let package = folder.appendingPathComponent("package")
        let scratch = folder.appendingPathComponent("build")
        let models = package.appendingPathComponent("Sources/Models")
        try FileManager.default.createDirectory(at: models, withIntermediateDirectories: true)
        let manifest = """
            // swift-tools-version:6.1
            import PackageDescription
            let package = Package(
                name: "BenchmarkModels",
                dependencies: [.package(name: "swift-postgres-codegen", path: "\(Self.root.path)")],
                targets: [.target(name: "Models", dependencies: [.product(name: "EntityKit", package: "swift-postgres-codegen")])]
            )
            """
        try manifest.write(to: package.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        let target = try ConnectionTarget(connectionString: url, source: .argument)
        let report = try GenerationJob(source: DatabaseSchemaSource(target: target), options: GeneratorOptions(), outputDirectory: models).run()

        let swift = "/usr/bin/env"
        let build = ["swift", "build", "--package-path", package.path, "--scratch-path", scratch.path, "--target", "Models"]
        progress("compiling the \(entities)-table models (debug)…")
        let warm = try ChildProcess.run(swift, build, captureErrors: true)
        guard warm.status == 0 else { throw BenchmarkError("the generated models did not compile (status \(warm.status)): \(warm.errors.suffix(2000))") }
        // Only the models are rebuilt in the timed build (every file touched); EntityKit stays compiled.
        let now = Date()
        for name in try FileManager.default.contentsOfDirectory(atPath: models.path) {
            try FileManager.default.setAttributes([.modificationDate: now], ofItemAtPath: models.appendingPathComponent(name).path)
        }
        let timed = try ChildProcess.run(swift, build, captureErrors: true)
        guard timed.status == 0 else { throw BenchmarkError("the generated models did not compile: \(timed.errors.suffix(2000))") }
        return String(format: "debug compile of the %d-entity models: %@ in all, %.1f ms per entity (%d files)",
                      report.entityCount, format(timed.milliseconds), timed.milliseconds / Double(max(1, report.entityCount)), report.fileCount)
    }
}
