import Foundation
import Testing

/// The examples build on their own, so they hold copies of the reference schema:
/// `scripts/regenerate-reference` writes the snapshots, and the service's SQL migrations are
/// `Schema/*.sql` file for file. A copy that drifted would test the examples against another
/// schema than the generated models.
@Suite("Example copies of the reference schema")
struct ExampleCopiesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func contents(_ path: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(path))
    }

    @Test(arguments: ["Examples/PluginConsumer/Sources/Models/schema.snapshot.json", "Examples/AuthService/Sources/AuthModels/schema.snapshot.json"])
    func snapshotCopiesAreCurrent(path: String) throws {
        #expect(try Self.contents(path) == Self.contents("Schema/snapshot.json"), "run scripts/regenerate-reference")
    }

    @Test func theServicesUpMigrationsAreTheReferenceSchemaFiles() throws {
        let schema = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Schema").path)
            .filter { $0.hasSuffix(".sql") }.sorted()
        let migrations = try FileManager.default.contentsOfDirectory(
            atPath: Self.root.appendingPathComponent("Examples/AuthService/Sources/AuthMigrations/SQL").path)
        #expect(schema.count >= 6)
        #expect(Set(migrations.filter { $0.hasSuffix(".up.sql") }) == Set(schema.map { $0.replacingOccurrences(of: ".sql", with: ".up.sql") }))
        #expect(Set(migrations.filter { $0.hasSuffix(".down.sql") }).count == schema.count, "every migration has a down file")
        for file in schema {
            let copy = "Examples/AuthService/Sources/AuthMigrations/SQL/" + file.replacingOccurrences(of: ".sql", with: ".up.sql")
            #expect(try Self.contents(copy) == Self.contents("Schema/" + file), "\(copy) differs from Schema/\(file)")
        }
    }
}
