@testable import EntityGenerator
import Foundation
import SchemaModel
import Testing
import TestSupport

/// `codegen diagram`: the reference schema's diagram is current (files and README), it reads back
/// with every entity and relation exactly once, and it draws the plan's relations.
@Suite("Entity-relationship diagrams")
struct DiagramTests {
    private var root: URL { ReferenceSchema.root }

    private func referencePlan(_ options: GeneratorOptions = GeneratorOptions()) throws -> GenerationPlan {
        try Translator(snapshot: ReferenceSchema.snapshot(), options: options).plan()
    }

    @Test func theCommittedReferenceDiagramIsCurrent() throws {
        let diagram = EntityDiagram(plan: try referencePlan())
        let mermaid = MermaidRenderer.render(diagram)
        let dot = DOTRenderer.render(diagram)
        let regenerate = "run: codegen diagram --snapshot Schema/snapshot.json -o docs --name reference-schema"
        #expect(try String(contentsOf: root.appendingPathComponent("docs/reference-schema.mmd"), encoding: .utf8) == mermaid, "\(regenerate)")
        #expect(try String(contentsOf: root.appendingPathComponent("docs/reference-schema.dot"), encoding: .utf8) == dot, "\(regenerate)")
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("```mermaid\n" + mermaid + "```\n"),
                "the README's diagram differs from docs/reference-schema.mmd: copy it into the mermaid block")
    }

    @Test func everyEntityAndRelationAppearsExactlyOnce() throws {
        let plan = try referencePlan()
        let parsed = MermaidER(MermaidRenderer.render(EntityDiagram(plan: plan)))
        #expect(parsed.unrecognized.isEmpty, "\(parsed.unrecognized)")
        #expect(parsed.declarations.map(\.name) == plan.entities.map(\.typeName), "each entity is declared once, in order")
        #expect(Set(parsed.relationships).count == parsed.relationships.count, "no relation is drawn twice")
        let foreignKeys = plan.entities.flatMap { $0.relations.filter { $0.kind == .belongsTo } }
        let pairs = Set(plan.entities.flatMap {
            $0.relations.filter { $0.kind == .manyToMany }.map { [$0.junctionType!, $0.constraint!, $0.junctionConstraint!].sorted() }
        })
        #expect(parsed.relationships.count == foreignKeys.count + pairs.count)
        for key in foreignKeys {
            #expect(parsed.relationships.filter { $0.left == key.targetType && $0.right == key.sourceType && $0.label.hasPrefix("\(key.name) / ") }.count == 1,
                    "\(key.sourceType).\(key.name)")
        }
        for relationship in parsed.relationships {
            #expect(parsed.entityNames.contains(relationship.left) && parsed.entityNames.contains(relationship.right))
        }
    }

    @Test func cardinalitiesViewsAndKeysComeFromThePlan() throws {
        let parsed = MermaidER(MermaidRenderer.render(EntityDiagram(plan: try referencePlan())))
        func edge(_ left: String, _ right: String, _ label: String) -> MermaidER.Relationship? {
            parsed.relationships.first { $0.left == left && $0.right == right && $0.label == label }
        }
        #expect(edge("User", "RefreshToken", "user / refreshTokens")?.marker == "||--o{")
        #expect(edge("User", "User", "invitedBy / usersAsInvitedBy")?.marker == "|o--o{", "a nullable self reference")
        #expect(edge("Tenant", "User", "users / tenants (through TenantMembership)")?.marker == "}o..o{" ||
                edge("User", "Tenant", "tenants / users (through TenantMembership)")?.marker == "}o..o{")
        #expect(edge("TenantMembership", "MembershipEvent", "tenantMembership / membershipEvents")?.marker == "||--o{", "a composite key")
        #expect(parsed.declarations.first { $0.name == "ActiveRefreshToken" }?.alias == "ActiveRefreshToken (view)")
        #expect(parsed.attributes["TenantMembership"] == ["uuid tenant_id PK, FK", "uuid user_id PK, FK"])
        #expect(parsed.attributes["User"] == ["uuid id PK", "uuid invited_by_id FK"])
    }

    @Test func oneToOneAndRenamesAreDrawnAsTheCodeNamesThem() throws {
        let users = Fixture.table("users", [Fixture.column("id", "uuid", nullable: false)], primaryKey: ["id"])
        let profiles = Fixture.table("profiles", [Fixture.column("user_id", "uuid", nullable: false)], primaryKey: ["user_id"],
                                     foreignKeys: [Fixture.foreignKey("fk_profile_user", ["user_id"], references: "users", ["id"])])
        var options = GeneratorOptions()
        options.renames = ["public.users": "Person"]
        options.relationRenames = ["fk_profile_user": RelationRename(belongsTo: "owner")]
        let plan = try Translator(snapshot: Fixture.snapshot([users, profiles]), options: options).plan()
        let diagram = EntityDiagram(plan: plan)
        #expect(diagram.edges == [EntityDiagram.Edge(parent: "Person", child: "Profile", cardinality: .oneToOne, parentIsOptional: false,
                                                     label: "owner / profile", constraints: ["fk_profile_user"], junction: nil)])
        #expect(MermaidRenderer.render(diagram).contains("    \"Person\" ||--o| \"Profile\" : \"owner / profile\"\n"))
        let dot = DOTRenderer.render(diagram)
        #expect(dot.contains("\"Person\" -> \"Profile\" [arrowtail=teetee, arrowhead=teeodot, label=\"owner / profile\"];"))
    }

    @Test func namesMermaidReadsAsKeywordsAreQuotedAndWordsAreReduced() {
        #expect(MermaidRenderer.quoted("End") == "\"End\"")
        #expect(MermaidRenderer.word("timestamp with time zone") == "timestamp_with_time_zone")
        #expect(MermaidRenderer.word("numeric(10,2)") == "numeric(10_2)")
        #expect(MermaidRenderer.word("public.\"Name\"") == "public_Name")
        #expect(MermaidRenderer.word("1st") == "_1st")
        #expect(DOTRenderer.html("a<b>&\"") == "a&lt;b&gt;&amp;&quot;")
    }

    @Test func theJobWritesOnlyChangedFilesAndNeverOverFilesItDidNotWrite() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codegen-diagram-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = SnapshotFileSource(file: root.appendingPathComponent("Schema/snapshot.json"))
        let first = try DiagramJob(source: source, options: GeneratorOptions(), outputDirectory: folder).run()
        #expect(first.changes.added == ["schema.mmd", "schema.dot"])
        let second = try DiagramJob(source: source, options: GeneratorOptions(), outputDirectory: folder).run()
        #expect(second.changes.isEmpty && second.changes.unchanged.count == 2)
        var narrower = GeneratorOptions()
        narrower.tables = ["users", "refresh_tokens"]
        let check = try DiagramJob(source: source, options: narrower, outputDirectory: folder, checkOnly: true).run()
        #expect(check.changes.modified == ["schema.mmd", "schema.dot"])
        #expect(try String(contentsOf: folder.appendingPathComponent("schema.mmd"), encoding: .utf8) == MermaidRenderer.render(first.diagram), "--check wrote")

        try "my own notes".write(to: folder.appendingPathComponent("notes.mmd"), atomically: true, encoding: .utf8)
        #expect(throws: OutputError.self) { try DiagramJob(source: source, options: GeneratorOptions(), outputDirectory: folder, name: "notes").run() }
        #expect(try String(contentsOf: folder.appendingPathComponent("notes.mmd"), encoding: .utf8) == "my own notes")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("notes.dot").path), "nothing is written when one file cannot be")
    }
}
