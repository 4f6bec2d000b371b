@testable import CatalogIntrospection
import CodegenCore
import EntityGenerator
import Foundation
import SchemaModel
import Testing
import LiveTestSupport
import TestSupport

@Suite("Introspecting the reference schema", .serialized, .enabled(if: TestEnvironment.runsLiveTests, Comment(rawValue: TestEnvironment.liveTestsSkipReason)))
final class ReferenceSchemaTests {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase.create("reference")
        try database.loadReferenceSchema()
    }

    deinit {
        database.drop()
    }

    private var root: URL { TestEnvironment.packageRoot }

    @Test func snapshotOfTheLoadedSchemaIsTheCommittedSnapshot() throws {
        let target = try ConnectionTarget(connectionString: database.url, source: .argument)
        let snapshot = try CatalogReader(target: target).snapshot(schemas: ["public"])
        let committed = try Data(contentsOf: root.appendingPathComponent("Schema/snapshot.json"))
        #expect(try snapshot.encodedJSON() == committed, "Schema/snapshot.json differs from Schema/*.sql: run scripts/regenerate-reference")
    }

    @Test func columnsAreHandedOverBeforeKeysAndTheSnapshotIsTheSame() throws {
        let target = try ConnectionTarget(connectionString: database.url, source: .argument)
        let handedOver = HandedOver()
        let streamed = try CatalogReader(target: target).snapshotWithTimings(schemas: ["public"]) { partial in
            handedOver.append(partial)
        }
        let plain = try CatalogReader(target: target).snapshot(schemas: ["public"])
        #expect(streamed.snapshot == plain)
        #expect(streamed.timings.statements == CatalogReader.catalogQueryCount + 2)
        let partials = handedOver.snapshots
        let partial = try #require(partials.first)
        #expect(partials.count == 1)
        // Everything but keys and indexes, already in the final order.
        #expect(partial.schemas == plain.schemas && partial.types == plain.types)
        #expect(partial.relations.map(\.qualifiedName) == plain.relations.map(\.qualifiedName))
        #expect(partial.relations.map(\.columns) == plain.relations.map(\.columns))
        #expect(plain.relations.contains { $0.primaryKey != nil } && plain.relations.contains { !$0.foreignKeys.isEmpty })
        #expect(partial.relations.allSatisfy { $0.primaryKey == nil && $0.foreignKeys.isEmpty && $0.uniqueConstraints.isEmpty && $0.indexes.isEmpty })
    }

    @Test func roundTripFixtureSnapshotIsCurrent() throws {
        let fixture = try TestDatabase.create("round_trip_snapshot")
        defer { fixture.drop() }
        let fixtures = root.appendingPathComponent("Tests/Fixtures")
        try fixture.execute(String(contentsOf: fixtures.appendingPathComponent("round_trip.sql"), encoding: .utf8))
        let target = try ConnectionTarget(connectionString: fixture.url, source: .argument)
        let snapshot = try CatalogReader(target: target).snapshot(schemas: ["public"])
        let committed = try Data(contentsOf: fixtures.appendingPathComponent("round_trip.snapshot.json"))
        #expect(try snapshot.encodedJSON() == committed, "Tests/Fixtures/round_trip.snapshot.json is stale: run scripts/regenerate-reference")
    }

    @Test func liveGenerationEqualsSnapshotGenerationEqualsGenerated() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codegen-live-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let live = try Shell.run(Shell.codegenExecutable, ["entity", "-u", database.url, "-o", folder.path])
        #expect(live.status == 0, "\(live.output)")
        let check = try Shell.run(Shell.codegenExecutable,
                                  ["entity", "--snapshot", root.appendingPathComponent("Schema/snapshot.json").path, "-o", folder.path, "--check"])
        #expect(check.status == 0, "generating from the snapshot differs from generating from the database: \(check.output)")
        let generated = try Shell.run(Shell.codegenExecutable, ["entity", "-u", database.url, "-o", root.appendingPathComponent("Generated").path, "--check"])
        #expect(generated.status == 0, "Generated/ is out of date: \(generated.output)")
    }

    @Test func checkExitsOneWhenTheDatabaseChanged() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codegen-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Shell.run(Shell.codegenExecutable, ["entity", "-u", database.url, "-o", folder.path]).status == 0)
        try database.execute("CREATE TABLE check_added (id int PRIMARY KEY)")
        defer { try? database.execute("DROP TABLE check_added") }
        let check = try Shell.run(Shell.codegenExecutable, ["entity", "-u", database.url, "-o", folder.path, "--check"])
        #expect(check.status == 1)
        #expect(check.standardOutput.contains("+ CheckAdded.swift"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("CheckAdded.swift").path))
    }

    @Test func catalogQueriesAreAFixedNumberWhateverTheTableCount() throws {
        let target = try ConnectionTarget(connectionString: database.url, source: .argument)
        let small = try CatalogReader(target: target).snapshotWithTimings(schemas: ["public"])
        try database.execute((1...200).map { "CREATE TABLE many_\($0) (id int PRIMARY KEY, parent int REFERENCES many_1 (id), note text);" }
            .joined(separator: "\n"))
        defer { try? database.execute((1...200).reversed().map { "DROP TABLE many_\($0);" }.joined(separator: "\n")) }
        let large = try CatalogReader(target: target).snapshotWithTimings(schemas: ["public"])
        #expect(large.snapshot.relations.count == small.snapshot.relations.count + 200)
        #expect(small.timings.statements == CatalogReader.catalogQueryCount + 2)
        #expect(large.timings.statements == small.timings.statements)
    }

    @Test func dotEnvSuppliesTheURLWhenNothingElseDoes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codegen-dotenv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "# local settings\nexport DATABASE_URL=\"\(database.url)\"\nPORT=3000\n"
            .write(to: folder.appendingPathComponent(".env"), atomically: true, encoding: .utf8)
        let result = try Shell.run(Shell.codegenExecutable, ["entity", "-o", "Models"], in: folder, removingEnvironment: ["DATABASE_URL"])
        #expect(result.status == 0, "\(result.output)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Models/User.swift").path))
    }
}

/// Snapshots handed over on the reader's background thread.
private final class HandedOver: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [SchemaSnapshot] = []

    func append(_ snapshot: SchemaSnapshot) {
        lock.lock()
        collected.append(snapshot)
        lock.unlock()
    }

    var snapshots: [SchemaSnapshot] {
        lock.lock()
        defer { lock.unlock() }
        return collected
    }
}
