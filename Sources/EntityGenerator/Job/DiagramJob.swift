import Foundation
import SchemaModel

/// `codegen diagram`: the entity-relationship diagram of what `codegen entity` generates from the
/// same schema and options, as `NAME.mmd` (Mermaid) and `NAME.dot` (Graphviz). Files are written
/// only when their bytes change, through a ``FileTransaction``, and only over files that this job
/// wrote before.
public struct DiagramJob: Sendable {
    public var source: any SchemaSource
    public var options: GeneratorOptions
    public var outputDirectory: URL
    /// The files' base name.
    public var name: String
    public var checkOnly: Bool

    public init(source: any SchemaSource, options: GeneratorOptions, outputDirectory: URL, name: String = "schema", checkOnly: Bool = false) {
        self.source = source
        self.options = options
        self.outputDirectory = outputDirectory
        self.name = name
        self.checkOnly = checkOnly
    }

    public struct Report: Sendable {
        public var changes: OutputChanges
        public var diagnostics: [Diagnostic]
        public var diagram: EntityDiagram
        public var files: [GeneratedFile]
        public var timings: [StageTiming]
    }

    public func run() throws -> Report {
        let clock = ContinuousClock()
        let loaded = try source.load(schemas: options.schemas)
        var timings = loaded.timings
        var start = clock.now
        let plan = try Translator(snapshot: loaded.snapshot, options: options).plan()
        if plan.entities.isEmpty {
            throw GenerationError.nothingToGenerate(source: source.displayName, schemas: options.schemas)
        }
        let diagram = EntityDiagram(plan: plan)
        let files = [
            GeneratedFile(name: "\(name).mmd", contents: MermaidRenderer.render(diagram)),
            GeneratedFile(name: "\(name).dot", contents: DOTRenderer.render(diagram)),
        ]
        timings.append(StageTiming(stage: "translate and draw", duration: clock.now - start))
        start = clock.now
        let changes = try write(files)
        timings.append(StageTiming(stage: checkOnly ? "check" : "write", duration: clock.now - start))
        return Report(changes: changes, diagnostics: plan.diagnostics, diagram: diagram, files: files, timings: timings)
    }

    /// True when `data` starts the way this job's files start.
    static func isGenerated(_ data: Data) -> Bool {
        let text = String(decoding: data.prefix(400), as: UTF8.self)
        return text.hasPrefix("erDiagram\n" + MermaidRenderer.headerLine + "\n") || text.hasPrefix(DOTRenderer.headerLine + "\n")
    }

    private func write(_ files: [GeneratedFile]) throws -> OutputChanges {
        var changes = OutputChanges()
        var changed: [GeneratedFile] = []
        var foreign: [String] = []
        for file in files {
            let target = outputDirectory.appendingPathComponent(file.name)
            guard let existing = FileManager.default.contents(atPath: target.path) else {
                changes.added.append(file.name)
                changed.append(file)
                continue
            }
            if existing == Data(file.contents.utf8) {
                changes.unchanged.append(file.name)
            } else if Self.isGenerated(existing) {
                changes.modified.append(file.name)
                changed.append(file)
            } else {
                foreign.append(target.path)
            }
        }
        if !foreign.isEmpty { throw OutputError.notGenerated(paths: foreign) }
        guard !checkOnly, !changed.isEmpty else { return changes }
        let transaction = try FileTransaction(root: outputDirectory)
        var writes: [(file: FileTransaction.StagedFile, target: String)] = []
        for (index, file) in changed.enumerated() {
            writes.append((try transaction.stage(Data(file.contents.utf8), slot: index), file.name))
        }
        try transaction.commit(writes: writes, removals: [])
        return changes
    }
}
