import Foundation
import SchemaModel
import Testing
import TestSupport

/// The example package that takes its models from the build plugin (Examples/PluginConsumer).
@Suite("Build plugin in a consumer package", .serialized,
       .enabled(if: TestEnvironment.runsProcessTests, "fast lane: builds a consumer package; run scripts/test or TEST_LANE=full swift test"))
struct PluginConsumerTests {
    private let generating = "Generating Swift entities from schema.snapshot.json"

    @Test func exampleSnapshotIsTheReferenceSnapshot() throws {
        let example = try Data(contentsOf: TestEnvironment.packageRoot.appendingPathComponent("Examples/PluginConsumer/Sources/Models/schema.snapshot.json"))
        let reference = try Data(contentsOf: TestEnvironment.packageRoot.appendingPathComponent("Schema/snapshot.json"))
        #expect(example == reference, "Examples/PluginConsumer's snapshot is stale: run scripts/regenerate-reference")
    }

    @Test func regeneratesWhenTheSnapshotChangesAndOnlyThen() throws {
        try PluginConsumerPackage.prepare()
        let first = try PluginConsumerPackage.build()
        try #require(first.status == 0, "the example does not build:\n\(first.output.suffix(4000))")
        for module in ["PostgresNIO", "EntityKitPostgres", "CatalogIntrospection", "NIOCore"] {
            #expect(PluginConsumerPackage.objectFiles(of: module) == 0, "a build-plugin consumer compiled \(module)")
        }
        #expect(PluginConsumerPackage.generatedFiles()["GeneratedEntities0.swift"]?.contains("@_exported import EntityKit") == true)

        // SwiftPM relinks a plugin's tool once more on the build after a clean one, which re-runs
        // the command (swiftlang/swift-package-manager#6596); the run must change no file.
        let settling = try PluginConsumerPackage.build()
        #expect(settling.status == 0)
        if settling.output.contains(generating) {
            #expect(settling.output.contains("added 0, modified 0, removed 0"), "a re-run with nothing changed rewrote files:\n\(settling.output)")
        }
        let noOp = try PluginConsumerPackage.build()
        #expect(noOp.status == 0)
        #expect(!noOp.output.contains(generating), "a build with nothing changed ran the generator:\n\(noOp.output)")
        #expect(!noOp.output.contains("Compiling Models"), "a build with nothing changed recompiled the models")

        let snapshotFile = PluginConsumerPackage.modelsFolder.appendingPathComponent("schema.snapshot.json")
        var snapshot = try SchemaSnapshot.decode(from: Data(contentsOf: snapshotFile))
        snapshot.relations.append(Relation(
            schema: "public", name: "audit_log", kind: .table,
            columns: [Column(name: "id", type: QualifiedName(schema: "pg_catalog", name: "int8"), sqlType: "bigint", isNullable: false)],
            primaryKey: KeyConstraint(name: "audit_log_pkey", columns: ["id"])))
        snapshot.relations.sort { $0.qualifiedName < $1.qualifiedName }
        try snapshot.encodedJSON().write(to: snapshotFile)
        let changed = try PluginConsumerPackage.build()
        #expect(changed.status == 0, "\(changed.output.suffix(4000))")
        #expect(changed.output.contains(generating))
        #expect(PluginConsumerPackage.generatedFiles().values.contains { $0.contains("public struct AuditLog: KeyedEntity") })

        let tests = try PluginConsumerPackage.test()
        #expect(tests.status == 0, "the example's tests failed:\n\(tests.output.suffix(4000))")
    }

    @Test func misconfigurationFailsTheBuildWithWhatToDo() throws {
        try PluginConsumerPackage.prepare()
        let models = PluginConsumerPackage.modelsFolder
        let snapshot = models.appendingPathComponent("schema.snapshot.json")
        let manager = FileManager.default

        try manager.copyItem(at: snapshot, to: models.appendingPathComponent("other.snapshot.json"))
        try expectFailure(mentioning: "has 2 snapshots")
        try manager.removeItem(at: models.appendingPathComponent("other.snapshot.json"))

        let original = try Data(contentsOf: snapshot)
        try manager.removeItem(at: snapshot)
        try expectFailure(mentioning: "has no *.snapshot.json")
        try original.write(to: snapshot)

        let configuration = models.appendingPathComponent("codegen.json")
        let configurationText = try Data(contentsOf: configuration)
        try Data(#"{"schemas": ["public"], "acessLevel": "public"}"#.utf8).write(to: configuration)
        try expectFailure(mentioning: "unknown key \"acessLevel\"")
        try configurationText.write(to: configuration)

        try Data(String(decoding: original, as: UTF8.self).replacingOccurrences(of: "\"formatVersion\" : 1", with: "\"formatVersion\" : 7").utf8)
            .write(to: snapshot)
        try expectFailure(mentioning: "format version 7")
        try original.write(to: snapshot)
    }

    private func expectFailure(mentioning phrase: String) throws {
        let result = try PluginConsumerPackage.build()
        #expect(result.status != 0)
        #expect(result.output.contains(phrase), "expected the build to say \"\(phrase)\":\n\(result.output.suffix(3000))")
    }
}
