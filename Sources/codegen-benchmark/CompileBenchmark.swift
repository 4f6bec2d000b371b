import CatalogIntrospection
import CodegenCore
import EntityGenerator
import Foundation

/// The debug compile time of generated code, in a consumer package that depends on EntityKit.
/// With a baseline (another checkout of this package, its `codegen` built in `.build/debug`),
/// the baseline's models are compiled against the baseline's EntityKit in a second consumer
/// package, and timed builds of the two alternate.
struct CompileBenchmark {
    let url: String
    let entities: Int
    var runs = 1
    /// Another checkout of this package: its generator and EntityKit are "before".
    var baseline: URL?

    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// A consumer package of `package` with the models of `url`; returns the models folder
    /// and how many entities and files were generated.
    struct Consumer {
        var name: String
        var folder: URL
        var models: URL { folder.appendingPathComponent("package/Sources/Models") }
        var build: [String] {
            ["swift", "build", "--package-path", folder.appendingPathComponent("package").path,
             "--scratch-path", folder.appendingPathComponent("build").path, "--target", "Models"]
        }
    }

    func makeConsumer(name: String, dependingOn package: URL) throws -> Consumer {
        let consumer = Consumer(name: name, folder: Self.root.appendingPathComponent(".build-benchmark").appendingPathComponent(name))
        try? FileManager.default.removeItem(at: consumer.models)
        try FileManager.default.createDirectory(at: consumer.models, withIntermediateDirectories: true)
        let manifest = """
            // swift-tools-version:6.1
            import PackageDescription
            let package = Package(
                name: "BenchmarkModels",
                dependencies: [.package(name: "swift-postgres-codegen", path: "\(package.path)")],
                targets: [.target(name: "Models", dependencies: [.product(name: "EntityKit", package: "swift-postgres-codegen")])]
            )
            """
        try manifest.write(to: consumer.folder.appendingPathComponent("package/Package.swift"), atomically: true, encoding: .utf8)
        return consumer
    }

    func run() throws -> String {
        // The current generator, in process.
        let current = try makeConsumer(name: baseline == nil ? "package-current" : "current", dependingOn: Self.root)
        let target = try ConnectionTarget(connectionString: url, source: .argument)
        let report = try GenerationJob(source: DatabaseSchemaSource(target: target), options: GeneratorOptions(), outputDirectory: current.models).run()
        var consumers = [current]
        if let baseline {
            let before = try makeConsumer(name: "baseline", dependingOn: baseline)
            let codegen = baseline.appendingPathComponent(".build/debug/codegen").path
            let generated = try ChildProcess.run(codegen, ["entity", "-u", url, "-o", before.models.path], captureErrors: true)
            guard generated.status == 0 else { throw BenchmarkError("the baseline's codegen failed: \(generated.errors.suffix(2000))") }
            consumers.append(before)
        }
        for consumer in consumers {
            progress("compiling the \(entities)-table models of \(consumer.name) (debug, warm-up)…")
            let warm = try ChildProcess.run("/usr/bin/env", consumer.build, captureErrors: true)
            guard warm.status == 0 else {
                throw BenchmarkError("the \(consumer.name) models did not compile (status \(warm.status)): \(warm.errors.suffix(2000))")
            }
        }
        // Timed builds rebuild only the models (every file touched); EntityKit stays compiled.
        var samples: [String: [Double]] = [:]
        for run in 0..<runs {
            for consumer in consumers {
                progress("timed build \(run + 1)/\(runs) of \(consumer.name)…")
                let now = Date()
                for name in try FileManager.default.contentsOfDirectory(atPath: consumer.models.path) {
                    try FileManager.default.setAttributes([.modificationDate: now], ofItemAtPath: consumer.models.appendingPathComponent(name).path)
                }
                let timed = try ChildProcess.run("/usr/bin/env", consumer.build, captureErrors: true)
                guard timed.status == 0 else { throw BenchmarkError("the \(consumer.name) models did not compile: \(timed.errors.suffix(2000))") }
                samples[consumer.name, default: []].append(timed.milliseconds)
            }
        }
        let perEntity = { (name: String) in (samples[name] ?? []).median / Double(max(1, report.entityCount)) }
        var lines = [String(format: "debug compile of the %d-entity models: %@ in all (median of %d), %.1f ms per entity (%d files)",
                            report.entityCount, format((samples[current.name] ?? []).median), runs, perEntity(current.name), report.fileCount)]
        if let baseline {
            let ratio = perEntity(current.name) / max(perEntity("baseline"), .leastNonzeroMagnitude)
            lines.append(String(format: "baseline (%@): %.1f ms per entity; current/baseline %.2f× — %@", baseline.lastPathComponent,
                                perEntity("baseline"), ratio, ratio <= 1.3 ? "≤ 1.3×, met" : "NOT ≤ 1.3×"))
            lines.append("  every timed build, ms: " + consumers.map {
                "\($0.name) " + (samples[$0.name] ?? []).map { String(format: "%.0f", $0) }.joined(separator: ", ")
            }.joined(separator: "; "))
        }
        return lines.joined(separator: "\n")
    }
}
