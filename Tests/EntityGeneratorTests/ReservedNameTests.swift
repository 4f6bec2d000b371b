@testable import EntityGenerator
import Foundation
import SchemaModel
import Testing
import TestSupport

/// The issue's names, one by one: as columns, tables, types, labels, attributes and relations
/// they compile with zero errors and zero warnings (checked against the built EntityKit).
@Suite("Names that can never shadow",
       .enabled(if: TestEnvironment.runsProcessTests, "fast lane: type-checks with swiftc; run scripts/test or TEST_LANE=full swift test"))
struct ReservedNameTests {
    /// Names that clash with Swift itself or with what generated code declares inside an entity.
    static let memberNames = [
        "self", "Self", "Type", "Protocol", "init", "super", "default", "row", "writer", "key", "tableAlias", "alias",
        "columns", "write", "definition", "primaryKey", "Column", "CodingKeys", "PrimaryKey", "Relations",
        "TableColumns", "Draft", "UniqueKey", "Root", "schemaName", "tableName", "kind", "typeName", "attributeNames",
        "allCases", "rawValue", "hashValue", "description", "UUID", "String", "ColumnDefinition", "TableColumn",
        "EntityKind", "RowReader", "RowWriter", "Int32",
    ]

    /// Table and type names of the issue, and every type generated code may name.
    static let typeNames = [
        "columns", "coding_keys", "primary_keys", "relations", "string", "optional", "result", "error", "uuid", "date",
        "data", "draft", "table_columns", "unique_key", "root", "column", "primary_key", "database_schema", "self", "type",
    ] + KnownType.allCases.map(\.spelling)

    private static func typecheck(_ snapshot: SchemaSnapshot) throws -> [String] {
        let plan = try Translator(snapshot: snapshot, options: GeneratorOptions()).plan()
        let result = try Typecheck.files(Renderer.render(plan).map { ($0.name, $0.contents) })
        let problems = result.output.split(separator: "\n").map(String.init).filter { $0.contains("error:") || $0.contains("warning:") }
        return problems.isEmpty && result.status != 0 ? [result.output] : problems
    }

    @Test func columnsNamedLikeKeywordsAndGeneratedMembers() throws {
        // `id` beside a differently named key, every name also as a foreign key's column.
        var columns = [Fixture.column("card_key", "int4", nullable: false), Fixture.column("id", "int4")]
        columns += Self.memberNames.map { Fixture.column($0, "text") }
        let foreignKeys = ["self_id", "type_id", "init_id", "Self_ID", "default_id", "columns_id", "row_id", "key_id"]
        columns += foreignKeys.map { Fixture.column($0, "int4") }
        let cards = Fixture.table("cards", columns, primaryKey: ["card_key"], unique: [["row"], ["columns"], ["self", "Type"]],
                                  foreignKeys: foreignKeys.map { Fixture.foreignKey("\($0)_fkey", [$0], references: "cards", ["card_key"]) })
        let problems = try Self.typecheck(Fixture.snapshot([cards]))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// An app imports its models and EntityKitPostgres together: tables named after every
    /// top-level name of the runtime (`transaction`, `page`, `logger`, `database_client`, …) give
    /// models that leave each of those names meaning the runtime's in the app.
    @Test func anAppImportingItsModelsAndTheRuntimeSeesNoAmbiguousName() throws {
        func snakeCase(_ name: String) -> String {
            var result = ""
            for (index, character) in name.enumerated() {
                if character.isUppercase, index > 0, !(name[name.index(name.startIndex, offsetBy: index - 1)].isUppercase) { result += "_" }
                result += character.lowercased()
            }
            return result
        }
        // The reserved list, and the names the issue that asked for this found (so the test does
        // not only check the list against itself; NamesTableTests checks the list's completeness).
        let names = ReservedNames.runtimeTypes.union(["Transaction", "Page", "DatabaseClient", "Logger"]).sorted()
        let tables = names.map { name in
            Fixture.table(snakeCase(name), [Fixture.column("id", "int4", nullable: false)], primaryKey: ["id"])
        }
        let plan = try Translator(snapshot: Fixture.snapshot(tables), options: GeneratorOptions()).plan()
        #expect(plan.entities.count == names.count)
        // An extension names a type without its generic arguments; an ambiguous name fails it.
        let app = "import EntityKitPostgres\nimport Models\n\n"
            + names.map { "extension \($0) {}\n" }.joined()
            + plan.entities.map { "extension \($0.typeName) {}\n" }.joined()
        let result = try Typecheck.app(models: Renderer.render(plan).map { ($0.name, $0.contents) }, app: app)
        let problems = result.output.split(separator: "\n").map(String.init).filter { $0.contains("error:") || $0.contains("warning:") }
        #expect(result.status == 0 && problems.isEmpty, "\(problems.isEmpty ? result.output : problems.joined(separator: "\n"))")
    }

    @Test func tablesNamedLikeGeneratedAndKnownTypes() throws {
        let tables = Self.typeNames.map { name in
            Fixture.table(name, [Fixture.column("id", "int4", nullable: false), Fixture.column("column_id", "int4")],
                          primaryKey: ["id"], foreignKeys: [Fixture.foreignKey("\(name)_column_fkey", ["column_id"], references: "columns", ["id"])])
        }
        let problems = try Self.typecheck(Fixture.snapshot(tables))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// A kanban board's `columns` table: an entity of its own, beside every entity's `Column`.
    @Test func aKanbanColumnsTableWorks() throws {
        let columns = Fixture.table("columns", [Fixture.column("id", "int4", nullable: false), Fixture.column("title", "text", nullable: false)],
                                    primaryKey: ["id"])
        let cards = Fixture.table("cards", [Fixture.column("id", "int4", nullable: false), Fixture.column("column_id", "int4", nullable: false)],
                                  primaryKey: ["id"], foreignKeys: [Fixture.foreignKey("cards_column_id_fkey", ["column_id"], references: "columns", ["id"])])
        let snapshot = Fixture.snapshot([columns, cards])
        let plan = try Translator(snapshot: snapshot, options: GeneratorOptions()).plan()
        let entity = try #require(plan.entities.first { $0.table == "columns" })
        #expect(!ReservedNames.typeNames.contains(entity.typeName))
        let card = try #require(plan.entities.first { $0.table == "cards" })
        #expect(card.relations.map(\.name).contains("column"))
        let problems = try Self.typecheck(snapshot)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func enumsCompositesAndDomainsNamedLikeGeneratedAndKnownTypes() throws {
        var types: [TypeDefinition] = []
        var columns: [Column] = []
        for (index, name) in Self.typeNames.enumerated() {
            let qualified = QualifiedName(schema: "public", name: name)
            switch index % 3 {
            case 0:
                types += Fixture.enumeration(name, Self.memberNames)
            case 1:
                types.append(TypeDefinition(schema: "public", name: name, kind: .composite, category: "C",
                                            attributes: Self.memberNames.map {
                                                CompositeAttribute(name: $0, type: Fixture.typeName("int4"), sqlType: "integer")
                                            }))
            default:
                types.append(TypeDefinition(schema: "public", name: name, kind: .domain, category: "N",
                                            domain: DomainDetails(baseType: Fixture.typeName("int4"), baseSQLType: "integer")))
            }
            columns.append(Column(name: name, type: qualified, sqlType: "public.\(name)", isNullable: true))
        }
        let table = Fixture.table("things", [Fixture.column("id", "int4", nullable: false)] + columns, primaryKey: ["id"])
        let problems = try Self.typecheck(Fixture.snapshot([table], types: types))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// What the name fuzzer found: a table `id` (Identifiable's `ID`), a label `RawValue`, a key
    /// column `set` (an accessor keyword in a getter body), a key column `enum` (a needless
    /// backtick in a call), a column `CodingKeys`, and names without case (`名前`) or with a
    /// leading digit (`1st`), whose member and type spellings coincide.
    @Test func namesTheFuzzerFoundCompileCleanly() throws {
        let domain = TypeDefinition(schema: "public", name: "名前", kind: .domain, category: "N",
                                    domain: DomainDetails(baseType: Fixture.typeName("int4"), baseSQLType: "integer"))
        let named = Fixture.table("名前", [Fixture.column("set", "text", nullable: false), Fixture.column("名前", "public.名前"),
                                           Fixture.column("RawValue", "public.raw_value"), Fixture.column("CodingKeys", "text")],
                                  primaryKey: ["set"])
        let ids = Fixture.table("id", [Fixture.column("enum", "int4", nullable: false), Fixture.column("1st", "int4", nullable: false),
                                      Fixture.column("名前_set", "text")],
                                primaryKey: ["enum", "1st"],
                                foreignKeys: [Fixture.foreignKey("id_名前_fkey", ["名前_set"], references: "名前", ["set"])])
        let first = Fixture.table("1st", [Fixture.column("id", "int4", nullable: false)], primaryKey: ["id"])
        let types = [domain] + Fixture.enumeration("raw_value", ["RawValue", "AllCases", "NonNull"])
        let problems = try Self.typecheck(Fixture.snapshot([named, ids, first], types: types))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }
}
