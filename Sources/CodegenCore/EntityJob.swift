import CatalogIntrospection
import EntityGenerator
import Foundation
import SchemaModel

/// Where a schema comes from: a live database or a snapshot file.
public enum SchemaSource: Sendable {
    case database(ConnectionTarget)
    case snapshotFile(URL)
}

/// A stage of a run and how long it took.
public struct StageTiming: Sendable {
    public var stage: String
    public var duration: Duration
}

/// `codegen entity`: read a schema, generate entity files, write (or check) them.
public struct EntityJob: Sendable {
    public var source: SchemaSource
    public var options: GeneratorOptions
    public var outputDirectory: URL
    /// Write nothing; report what would change.
    public var checkOnly: Bool
    /// Generate even when no table or view is found (only the prelude; earlier entities go).
    public var allowEmpty: Bool

    public init(source: SchemaSource, options: GeneratorOptions, outputDirectory: URL, checkOnly: Bool = false, allowEmpty: Bool = false) {
        self.source = source
        self.options = options
        self.outputDirectory = outputDirectory
        self.checkOnly = checkOnly
        self.allowEmpty = allowEmpty
    }

    public struct Report: Sendable {
        public var changes: OutputChanges
        public var diagnostics: [Diagnostic]
        public var fileCount: Int
        public var timings: [StageTiming]
        /// Statements sent to the server (zero when reading a snapshot).
        public var statements: Int
    }

    public func run() throws -> Report {
        let clock = ContinuousClock()
        var timings: [StageTiming] = []
        func measure<T>(_ stage: String, _ work: () throws -> T) rethrows -> T {
            let start = clock.now
            let result = try work()
            timings.append(StageTiming(stage: stage, duration: clock.now - start))
            return result
        }
        var statements = 0
        // The snapshot is released as soon as the plan exists: a large schema need not hold both.
        let plan: GenerationPlan = try {
            let snapshot: SchemaSnapshot
            switch source {
            case let .database(target):
                let result = try CatalogReader(target: target).snapshotWithTimings(schemas: options.schemas)
                timings.append(StageTiming(stage: "connect", duration: result.timings.connect))
                timings.append(StageTiming(stage: "catalog queries", duration: result.timings.queries))
                timings.append(StageTiming(stage: "snapshot assembly", duration: result.timings.assemble))
                statements = result.timings.statements
                snapshot = result.snapshot
            case let .snapshotFile(file):
                snapshot = try measure("snapshot decode") { try SnapshotFile.read(file) }
            }
            return try measure("translate") { try Translator(snapshot: snapshot, options: options).plan() }
        }()
        if plan.entities.isEmpty && !allowEmpty {
            switch source {
            case let .database(target):
                throw GenerationError.nothingToGenerate(
                    in: "database \(target.displayName)", schemas: options.schemas,
                    advice: "check the database name in the URL, pass the schema that holds the tables with -s, or pass --allow-empty to generate only the prelude")
            case let .snapshotFile(file):
                throw GenerationError.nothingToGenerate(
                    in: "snapshot \(file.path)", schemas: options.schemas,
                    advice: "take the snapshot from the database that holds the tables (codegen snapshot -s SCHEMA), or pass --allow-empty to generate only the prelude")
            }
        }
        let files = Renderer.files(plan)
        let directory = OutputDirectory(url: outputDirectory)
        // Files are rendered as they are compared and written, so the two stages are one.
        let changes = try measure(checkOnly ? "render and check" : "render and write") {
            checkOnly ? try directory.changes(for: files) : try directory.write(files)
        }
        return Report(changes: changes, diagnostics: plan.diagnostics, fileCount: files.count, timings: timings, statements: statements)
    }
}

/// Reading and writing snapshot files, with messages that say what to do.
public enum SnapshotFile {
    public struct Problem: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    public static func read(_ file: URL) throws -> SchemaSnapshot {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw Problem(description: "cannot read the snapshot \(file.path): check the path, or create it with `codegen snapshot -o \(file.path)`")
        }
        do {
            return try SchemaSnapshot.decode(from: data)
        } catch let problem as SchemaSnapshot.DecodingProblem {
            throw Problem(description: "\(file.path): \(problem)")
        }
    }
}

/// `codegen snapshot`: introspect and write the snapshot JSON (or check it is current).
public struct SnapshotJob: Sendable {
    public var target: ConnectionTarget
    public var schemas: [String]
    public var outputFile: URL
    public var checkOnly: Bool

    public init(target: ConnectionTarget, schemas: [String], outputFile: URL, checkOnly: Bool = false) {
        self.target = target
        self.schemas = schemas
        self.outputFile = outputFile
        self.checkOnly = checkOnly
    }

    /// Returns true when the file changed (or, when checking, would change).
    @discardableResult
    public func run() throws -> Bool {
        let snapshot = try CatalogReader(target: target).snapshot(schemas: schemas)
        let data = try snapshot.encodedJSON()
        if FileManager.default.contents(atPath: outputFile.path) == data { return false }
        if checkOnly { return true }
        // Staged and renamed inside the folder's own transaction, so a killed run leaves the old
        // file and, at most, a staging folder that the next run in that folder removes.
        do {
            let transaction = try FileTransaction(root: outputFile.deletingLastPathComponent())
            let staged = try transaction.stage(data, slot: 0)
            try transaction.commit(writes: [(staged, outputFile.lastPathComponent)], removals: [])
        } catch {
            throw SnapshotFile.Problem(description: error.description.replacingOccurrences(of: "choose a folder you can write to", with: "choose a path you can write to with -o"))
        }
        return true
    }
}
