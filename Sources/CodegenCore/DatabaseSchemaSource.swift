import CatalogIntrospection
import EntityGenerator
import Foundation
import SchemaModel

/// A live database, read through libpq: the CLI's source for ``GenerationJob``.
public struct DatabaseSchemaSource: SchemaSource {
    public let target: ConnectionTarget

    public init(target: ConnectionTarget) {
        self.target = target
    }

    public var displayName: String { "database \(target.displayName)" }
    public var isLiveDatabase: Bool { true }

    public func load(schemas: [String]) throws -> LoadedSchema {
        try load(schemas: schemas, whenColumnsRead: nil)
    }

    /// Reads the catalog, handing the relations, columns and types to `whenColumnsRead` while the
    /// server still answers the constraints and indexes queries.
    public func load(schemas: [String], whenColumnsRead: @escaping @Sendable (SchemaSnapshot) -> Void) throws -> LoadedSchema {
        try load(schemas: schemas, whenColumnsRead: .some(whenColumnsRead))
    }

    private func load(schemas: [String], whenColumnsRead: (@Sendable (SchemaSnapshot) -> Void)?) throws -> LoadedSchema {
        let result = try CatalogReader(target: target).snapshotWithTimings(schemas: schemas, whenColumnsRead: whenColumnsRead)
        return LoadedSchema(
            snapshot: result.snapshot,
            timings: [
                StageTiming(stage: "connect", duration: result.timings.connect),
                StageTiming(stage: "catalog queries", duration: result.timings.queries),
                StageTiming(stage: "snapshot assembly", duration: result.timings.assemble),
            ],
            statements: result.timings.statements)
    }
}

/// `codegen snapshot`: read a schema (from a live database or the package's migrations) and
/// write the snapshot JSON (or check it is current).
public struct SnapshotJob: Sendable {
    public var source: any SchemaSource
    public var schemas: [String]
    public var outputFile: URL
    public var checkOnly: Bool

    public init(source: any SchemaSource, schemas: [String], outputFile: URL, checkOnly: Bool = false) {
        self.source = source
        self.schemas = schemas
        self.outputFile = outputFile
        self.checkOnly = checkOnly
    }

    public init(target: ConnectionTarget, schemas: [String], outputFile: URL, checkOnly: Bool = false) {
        self.init(source: DatabaseSchemaSource(target: target), schemas: schemas, outputFile: outputFile, checkOnly: checkOnly)
    }

    /// Returns true when the file changed (or, when checking, would change), and the stages.
    @discardableResult
    public func run() throws -> Bool {
        try runWithTimings().changed
    }

    public func runWithTimings() throws -> (changed: Bool, timings: [StageTiming]) {
        let loaded = try source.load(schemas: schemas)
        let data = try loaded.snapshot.encodedJSON()
        if FileManager.default.contents(atPath: outputFile.path) == data { return (false, loaded.timings) }
        if checkOnly { return (true, loaded.timings) }
        // Staged and renamed inside the folder's own transaction, so a killed run leaves the old
        // file and, at most, a staging folder that the next run in that folder removes.
        let transaction = try FileTransaction(root: outputFile.deletingLastPathComponent())
        let staged = try transaction.stage(data, slot: 0)
        try transaction.commit(writes: [(staged, outputFile.lastPathComponent)], removals: [])
        return (true, loaded.timings)
    }
}
