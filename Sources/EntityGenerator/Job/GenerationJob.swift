import Foundation
import SchemaModel

/// The one way entities are generated: read a schema, translate it, render it, write (or check)
/// the folder. `codegen entity`, the build plugin's tool, the command plugin and the benchmark
/// all run this job; they differ only in where the schema comes from and how files are laid out.
public struct GenerationJob: Sendable {
    /// How generated declarations are spread over files.
    public enum Layout: Sendable, Equatable {
        /// One file per type plus the prelude; stale generated files are removed.
        case filePerType
        /// Exactly `count` files named `<prefix>0.swift`…, as a build plugin must declare its
        /// outputs before it knows the schema.
        case shards(count: Int, prefix: String)
    }

    public var source: any SchemaSource
    public var options: GeneratorOptions
    public var outputDirectory: URL
    public var layout: Layout
    /// Write nothing; report what would change.
    public var checkOnly: Bool
    /// Generate even when no table or view is found (only the prelude; earlier entities go).
    public var allowEmpty: Bool

    public init(
        source: any SchemaSource, options: GeneratorOptions, outputDirectory: URL,
        layout: Layout = .filePerType, checkOnly: Bool = false, allowEmpty: Bool = false
    ) {
        self.source = source
        self.options = options
        self.outputDirectory = outputDirectory
        self.layout = layout
        self.checkOnly = checkOnly
        self.allowEmpty = allowEmpty
    }

    /// What a run did.
    public struct Report: Sendable {
        public var changes: OutputChanges
        public var diagnostics: [Diagnostic]
        public var fileCount: Int
        public var entityCount: Int
        /// Every stage, in order: reading the schema, translating, rendering and writing.
        public var timings: [StageTiming]
        /// Statements sent to the server (zero when reading a snapshot).
        public var statements: Int
    }

    /// The stage that translates columns on its own thread while a live database still answers
    /// the key queries (see ``SchemaSource/load(schemas:whenColumnsRead:)``). It is off the
    /// critical path: only a wait for it, if it outlasts those queries, shows in "translate".
    public static let earlyTranslationStage = "translate columns (during catalog queries)"

    public func run() throws -> Report {
        let clock = ContinuousClock()
        var timings: [StageTiming] = []
        var statements = 0
        // The snapshot is released as soon as the plan exists: a large schema need not hold both.
        // Both are freed off the critical path (see BackgroundRelease).
        let plan: GenerationPlan = try {
            // A live database hands over its columns before its keys: their half of translation
            // runs while the server still reads constraints and indexes.
            let early = EarlyTranslation(options: options)
            let loaded = try source.load(schemas: options.schemas) { partial in early.start(partial) }
            timings += loaded.timings
            statements = loaded.statements
            let start = clock.now
            let columns = early.wait()
            if let columns {
                timings.append(StageTiming(stage: Self.earlyTranslationStage, duration: columns.duration))
            }
            let plan = try Translator(snapshot: loaded.snapshot, options: options).plan(reusing: columns?.translation)
            timings.append(StageTiming(stage: "translate", duration: clock.now - start))
            BackgroundRelease.release(consume loaded)
            return plan
        }()
        if plan.entities.isEmpty && !allowEmpty {
            throw GenerationError.nothingToGenerate(source: source.displayName, schemas: options.schemas)
        }
        let directory = OutputDirectory(url: outputDirectory)
        let start = clock.now
        let changes: OutputChanges
        let fileCount: Int
        switch layout {
        case .filePerType:
            // Files are rendered as they are compared and written, so the two stages are one.
            let files = Renderer.files(plan)
            changes = checkOnly ? try directory.changes(for: files) : try directory.write(files)
            fileCount = files.count
        case let .shards(count, prefix):
            let files = Renderer.renderShards(plan, count: count, prefix: prefix)
            changes = checkOnly ? try directory.changes(for: files) : try directory.write(files)
            fileCount = files.count
        }
        timings.append(StageTiming(stage: checkOnly ? "render and check" : "render and write", duration: clock.now - start))
        let report = Report(changes: changes, diagnostics: plan.diagnostics, fileCount: fileCount, entityCount: plan.entities.count,
                            timings: timings, statements: statements)
        BackgroundRelease.release(consume plan)
        return report
    }
}
