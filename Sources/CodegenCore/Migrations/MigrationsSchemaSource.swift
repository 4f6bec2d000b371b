import CatalogIntrospection
import EntityGenerator
import Foundation
import SchemaModel

/// The schema a package's migrations define, with no database configured: build the migrations
/// executable, apply every migration to an empty shadow database, introspect it, remove it.
/// Generating from it gives the same bytes as generating from a database the migrations were
/// applied to by hand.
///
/// A folder of SQL migrations only needs no build: codegen applies it itself through libpq.
public struct MigrationsSchemaSource: SchemaSource {
    public var package: MigrationsPackage
    public var shadow: ShadowDatabase
    /// The migrations folder (`Sources/Migrations` in the package unless told otherwise).
    public var folder: MigrationsFolder

    public init(package: MigrationsPackage, shadow: ShadowDatabase = .throwawayCluster, folder: MigrationsFolder? = nil) {
        self.package = package
        self.shadow = shadow
        self.folder = folder ?? MigrationsFolder(URL(fileURLWithPath: package.packagePath).appendingPathComponent("Sources/Migrations"))
    }

    public var displayName: String {
        folder.kind == .sqlOnly ? "the SQL migrations in \(folder.directory.path)" : "the migrations of \(package.executable) in \(package.packagePath)"
    }
    public var isLiveDatabase: Bool { false }

    public func load(schemas: [String]) throws -> LoadedSchema {
        let clock = ContinuousClock()
        var timings: [StageTiming] = []
        func timed<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
            let start = clock.now
            defer { timings.append(StageTiming(stage: stage, duration: clock.now - start)) }
            return try body()
        }
        try shadow.validate()
        let kind = folder.kind
        // Built (or read) before the database exists: a compile error needs no cluster.
        let executable: String?
        if kind == .sqlOnly {
            do {
                _ = try timed("read SQL migrations") { try folder.sqlMigrations() }
            } catch {
                throw MigrationsSourceError.sqlMigrationsInvalid(String(describing: error))
            }
            executable = nil
        } else {
            executable = try timed("build migrations") { try package.build() }
        }
        let database = try timed(shadow == .throwawayCluster ? "start throwaway cluster" : "create shadow database") { try shadow.provision() }
        let result: (snapshot: SchemaSnapshot, timings: CatalogReader.Timings)
        do {
            try timed("apply migrations") {
                if let executable {
                    let sql: URL? = if case let .swiftTarget(sqlDirectory) = kind { sqlDirectory } else { nil }
                    try package.applyAll(executablePath: executable, url: database.url, sqlDirectory: sql)
                } else {
                    try folder.applyAll(url: database.url, schema: package.trackingSchema)
                }
            }
            let target = try ConnectionTarget(connectionString: database.url, source: .argument)
            result = try CatalogReader(target: target).snapshotWithTimings(schemas: schemas)
        } catch {
            database.remove()
            throw error
        }
        timings += [
            StageTiming(stage: "connect", duration: result.timings.connect),
            StageTiming(stage: "catalog queries", duration: result.timings.queries),
            StageTiming(stage: "snapshot assembly", duration: result.timings.assemble),
        ]
        timed(shadow == .throwawayCluster ? "stop throwaway cluster" : "drop shadow database") { database.remove() }
        return LoadedSchema(snapshot: withoutTrackingTable(result.snapshot), timings: timings, statements: result.timings.statements)
    }

    /// The snapshot without the runner's tracking table: it is bookkeeping, which a database
    /// set up from plain SQL does not have, so snapshots compare equal however they were made.
    func withoutTrackingTable(_ snapshot: SchemaSnapshot) -> SchemaSnapshot {
        var snapshot = snapshot
        let tracking = QualifiedName(schema: package.trackingSchema, name: MigrationsPackage.trackingTable)
        snapshot.relations.removeAll { $0.qualifiedName == tracking }
        return snapshot
    }
}
