import CatalogIntrospection
import EntityGenerator
import Foundation
import SchemaModel

/// `codegen diff`: the differences between a live database and a snapshot.
public struct DiffJob: Sendable {
    public var target: ConnectionTarget
    public var snapshotFile: URL
    /// Schemas to compare; empty means the snapshot's.
    public var schemas: [String]

    public init(target: ConnectionTarget, snapshotFile: URL, schemas: [String] = []) {
        self.target = target
        self.snapshotFile = snapshotFile
        self.schemas = schemas
    }

    /// Changes from the snapshot to the database, in a stable order.
    public func run() throws -> [SchemaChange] {
        let committed = try SnapshotFileSource.read(snapshotFile)
        let compared = schemas.isEmpty ? committed.schemas.map(\.name) : schemas
        let live = try CatalogReader(target: target).snapshot(schemas: compared)
        return SchemaDiff.changes(from: committed, to: live)
    }
}
