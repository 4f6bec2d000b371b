import CatalogIntrospection
import CodegenCore
import EntityGenerator
import Foundation
import SchemaModel

/// The figures for one schema size.
struct SizeResult {
    var tables = 0
    var columns = 0
    var statements = 0
    var serverVersion = ""
    /// Median milliseconds by stage.
    var stages: [String: Double] = [:]
    var filesFirstRun = 0
    var filesWrittenLater = 0
    var cliMilliseconds = 0.0
    var cliPeakMegabytes = 0.0
    var snapshotBytes = 0
}

/// Times every stage of `codegen entity` on one database, and the catalog-only floor, in the
/// same process, alternating so that neither gets a warmer cache.
struct SizeBenchmark {
    let tables: Int
    let url: String
    let runs: Int

    static let stageOrder = [
        "connect", "catalog queries", "snapshot assembly",
        SnapshotCodingBenchmark.encodeFoundation, SnapshotCodingBenchmark.encodeOurs,
        SnapshotCodingBenchmark.decodeFoundation, SnapshotCodingBenchmark.decodeOurs,
        earlyTranslate, "translate", "render (all files, in memory)", "write (nothing changed)", "end to end", "floor (catalog only)",
    ]

    /// The job's first half of translation, on its own thread while the server reads keys.
    static let earlyTranslate = GenerationJob.earlyTranslationStage

    func run() throws -> SizeResult {
        let target = try ConnectionTarget(connectionString: url, source: .argument)
        let reader = CatalogReader(target: target)
        let options = GeneratorOptions()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("codegen-benchmark-\(tables)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let directory = OutputDirectory(url: output)
        let clock = ContinuousClock()

        var result = SizeResult(tables: tables)
        result.serverVersion = (try? SQLSession(url).execute("SHOW server_version")) ?? "?"
        let first = try directory.write(Renderer.render(try Translator(snapshot: reader.snapshot(schemas: ["public"]), options: options).plan()))
        result.filesFirstRun = first.added.count

        var samples: [String: [Double]] = [:]
        for run in 0...runs {
            let floorStart = clock.now
            _ = try reader.readCatalogOnly(schemas: ["public"])
            let floor = (clock.now - floorStart).milliseconds

            // End to end: the job `codegen entity` runs.
            let start = clock.now
            let report = try GenerationJob(source: DatabaseSchemaSource(target: target), options: options, outputDirectory: output).run()
            let end = clock.now
            let changes = report.changes
            func stage(_ name: String) -> Double { report.timings.first { $0.stage == name }?.duration.milliseconds ?? 0 }

            // The stages apart, for the table.
            let snapshot = try reader.snapshot(schemas: ["public"])
            let plan = try Translator(snapshot: snapshot, options: options).plan()

            // The same two stages apart: every file rendered into memory, then written.
            let renderStart = clock.now
            let files = Renderer.render(plan)
            let rendered = clock.now
            _ = try directory.write(files)
            let written = clock.now

            let coding = try SnapshotCodingBenchmark.sample(snapshot)

            result.statements = report.statements
            result.columns = snapshot.relations.reduce(0) { $0 + $1.columns.count }
            result.snapshotBytes = try snapshot.encodedJSON().count
            result.filesWrittenLater += changes.added.count + changes.modified.count + changes.removed.count
            guard run > 0 else { continue }
            samples["connect", default: []].append(stage("connect"))
            samples["catalog queries", default: []].append(stage("catalog queries"))
            samples["snapshot assembly", default: []].append(stage("snapshot assembly"))
            samples[Self.earlyTranslate, default: []].append(stage(Self.earlyTranslate))
            samples["translate", default: []].append(stage("translate"))
            samples["render (all files, in memory)", default: []].append((rendered - renderStart).milliseconds)
            samples["write (nothing changed)", default: []].append((written - rendered).milliseconds)
            samples["end to end", default: []].append((end - start).milliseconds)
            samples["floor (catalog only)", default: []].append(floor)
            for (stage, milliseconds) in coding { samples[stage, default: []].append(milliseconds) }
        }
        result.stages = samples.mapValues(\.median)

        // The CLI as users run it, in its own process: wall time and peak resident size.
        let codegen = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("codegen").path
        var times: [Double] = []
        var peak = 0.0
        for _ in 0..<3 {
            let outcome = try ChildProcess.run(codegen, ["entity", "-u", url, "-o", output.path, "--verbose"], captureErrors: true)
            guard outcome.status == 0 else { throw BenchmarkError("codegen entity failed on \(tables) tables") }
            times.append(outcome.milliseconds)
            // The CLI reports its own high-water mark; see PeakMemory in the codegen target.
            if let line = outcome.errors.split(separator: "\n").first(where: { $0.hasPrefix("peak resident size: ") }),
               let megabytes = Double(line.dropFirst("peak resident size: ".count).split(separator: " ").first ?? "") {
                peak = max(peak, megabytes)
            }
        }
        result.cliMilliseconds = times.median
        result.cliPeakMegabytes = peak
        return result
    }
}
