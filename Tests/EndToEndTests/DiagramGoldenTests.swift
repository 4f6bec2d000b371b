import Foundation
import Testing
import LiveTestSupport
import TestSupport

/// `codegen diagram` on a real multi-schema database (adventureworks, from ../shared/schemas,
/// loaded in place): the output matches the committed golden files, and reads back with every
/// generated entity and every relation exactly once.
@Suite("Diagram of a real schema", .serialized,
       .enabled(if: TestEnvironment.runsSharedSchemaTests, Comment(rawValue: TestEnvironment.sharedSchemasSkipReason)))
struct DiagramGoldenTests {
    /// Its schemas in the order the golden files were made with (the first keeps plain names).
    static let schemas = ["production", "sales", "pr", "sa", "person", "pe", "humanresources", "purchasing", "hr", "pu"]

    @Test func adventureworksMatchesItsGoldenFilesAndReadsBackWhole() throws {
        let database = try TestDatabase.create("diagram_adventureworks")
        defer { database.drop() }
        try database.loadSharedSchema("adventureworks")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codegen-diagram-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let schemaArguments = Self.schemas.flatMap { ["-s", $0] }

        let drawn = try Shell.run(Shell.codegenExecutable, ["diagram", "-u", database.url, "-o", folder.path, "--name", "adventureworks"] + schemaArguments)
        try #require(drawn.status == 0, "\(drawn.output)")
        let golden = TestEnvironment.packageRoot.appendingPathComponent("Tests/Fixtures/Diagrams")
        for name in ["adventureworks.mmd", "adventureworks.dot"] {
            let made = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(made == (try? String(contentsOf: golden.appendingPathComponent(name), encoding: .utf8)),
                    "\(name) differs from Tests/Fixtures/Diagrams/\(name): if the change is intended, copy \(folder.path)/\(name) there")
        }

        let entities = folder.appendingPathComponent("Models")
        let generated = try Shell.run(Shell.codegenExecutable, ["entity", "-u", database.url, "-o", entities.path] + schemaArguments)
        try #require(generated.status == 0, "\(generated.output)")
        let entityTypes = try FileManager.default.contentsOfDirectory(atPath: entities.path).filter { name in
            (try? String(contentsOf: entities.appendingPathComponent(name), encoding: .utf8))?.contains("static let tableName = ") == true
        }.map { String($0.dropLast(".swift".count)) }

        let parsed = MermaidER(try String(contentsOf: folder.appendingPathComponent("adventureworks.mmd"), encoding: .utf8))
        #expect(parsed.unrecognized.isEmpty, "\(parsed.unrecognized.prefix(5))")
        #expect(parsed.declarations.count == parsed.entityNames.count, "an entity is declared twice")
        #expect(parsed.entityNames == Set(entityTypes), "the diagram's entities are not the generated ones")
        #expect(Set(parsed.relationships).count == parsed.relationships.count, "a relation is drawn twice")
        #expect(parsed.relationships.allSatisfy { parsed.entityNames.contains($0.left) && parsed.entityNames.contains($0.right) })
        #expect(parsed.declarations.contains { $0.alias?.hasSuffix("(view)") == true }, "no view is marked")
        #expect(parsed.relationships.count > 60)
    }
}
