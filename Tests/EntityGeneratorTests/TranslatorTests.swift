@testable import EntityGenerator
import SchemaModel
import Testing

@Suite("Translation of relations into entities")
struct TranslatorTests {
    private func plan(_ relations: [Relation], types: [TypeDefinition] = [], options: GeneratorOptions = GeneratorOptions()) throws -> GenerationPlan {
        try Translator(snapshot: Fixture.snapshot(relations, types: types), options: options).plan()
    }

    @Test func namesEntitiesInTheSingularAndPropertiesInLowerCamelCase() throws {
        let result = try plan([Fixture.table("refresh_tokens", [Fixture.column("user_id", "uuid", nullable: false)])])
        let entity = try #require(result.entities.first)
        #expect(entity.typeName == "RefreshToken")
        #expect(entity.properties.map(\.name) == ["userID"])
        #expect(entity.properties.first?.columnName == "user_id")
    }

    @Test func tablesWithAPrimaryKeyAreKeyedAndOthersReadOnly() throws {
        let result = try plan([
            Fixture.table("keyed", [Fixture.column("id", "int4", nullable: false)], primaryKey: ["id"]),
            Fixture.table("loose", [Fixture.column("value", "text")]),
            Fixture.table("summary", kind: .view, [Fixture.column("total", "int8")]),
        ])
        let byName = Dictionary(uniqueKeysWithValues: result.entities.map { ($0.table, $0) })
        #expect(byName["keyed"]?.conformance == .keyedEntity)
        #expect(byName["keyed"]?.primaryKey?.type == .known(.int32))
        #expect(byName["loose"]?.conformance == .entity)
        #expect(byName["loose"]?.kind == .tableWithoutPrimaryKey)
        #expect(byName["summary"]?.kind == .view)
        #expect(result.diagnostics.contains { $0.subject == "public.loose" && $0.message.contains("no primary key") })
    }

    @Test func compositePrimaryKeysGetAKeyStruct() throws {
        let result = try plan([Fixture.table("film_actor", [
            Fixture.column("film_id", "int4", nullable: false), Fixture.column("actor_id", "int4", nullable: false),
        ], primaryKey: ["actor_id", "film_id"])])
        let key = try #require(result.entities.first?.primaryKey)
        #expect(key.isComposite && key.type == .generated("PrimaryKey"))
        #expect(key.properties == ["actorID", "filmID"])
        #expect(key.compositeFields.map(\.columnName) == ["actor_id", "film_id"])
    }

    @Test func viewColumnsAreOptionalUnlessTheyCopyANotNullColumn() throws {
        let base = Fixture.table("users", [Fixture.column("id", "int4", nullable: false), Fixture.column("nick", "text")], primaryKey: ["id"])
        let users = QualifiedName(schema: "public", name: "users")
        let view = Fixture.table("user_names", kind: .view, [
            Fixture.column("id", "int4", origin: ColumnReference(relation: users, column: "id")),
            Fixture.column("nick", "text", origin: ColumnReference(relation: users, column: "nick")),
            Fixture.column("computed", "text"),
        ])
        let viewOfView = Fixture.table("ids", kind: .view, [
            Fixture.column("id", "int4", origin: ColumnReference(relation: QualifiedName(schema: "public", name: "user_names"), column: "id")),
        ])
        let result = try plan([base, view, viewOfView])
        let names = try #require(result.entities.first { $0.table == "user_names" })
        #expect(names.properties.map(\.swiftType) == ["Int32", "String?", "String?"])
        #expect(names.properties[0].documentation.contains { $0.contains("Never NULL") })
        #expect(result.entities.first { $0.table == "ids" }?.properties.first?.swiftType == "Int32")
    }

    @Test func collidingColumnsKeepDistinctNamesAndSayWhy() throws {
        let result = try plan([Fixture.table("t", [Fixture.column("user_id", "int4"), Fixture.column("userId", "int4")])])
        let properties = try #require(result.entities.first?.properties)
        #expect(properties.map(\.name) == ["user_id", "userId"])
        #expect(properties.allSatisfy { property in property.documentation.contains { $0.contains("already uses `userID`") } })
    }

    @Test func hostileColumnNamesBecomeLegalIdentifiers() throws {
        let result = try plan([Fixture.table("t", [
            Fixture.column("class", "text"), Fixture.column("1st", "text"), Fixture.column("zip code", "text"),
            Fixture.column("!!!", "text"), Fixture.column("hash_value", "text"), Fixture.column("primary_key", "text"),
            Fixture.column("Größe", "text"),
        ])])
        let names = try #require(result.entities.first?.properties.map(\.name))
        #expect(names == ["class", "_1st", "zipCode", "column", "hash_value", "primary_key", "größe"])
    }

    @Test func sameTableNameInTwoSchemasKeepsThePrimarySchemaPlain() throws {
        var options = GeneratorOptions()
        options.schemas = ["public", "sales"]
        let snapshot = Fixture.snapshot([
            Fixture.table("customer", [Fixture.column("id", "int4")]),
            Fixture.table("customer", schema: "sales", [Fixture.column("id", "int4")]),
        ], schemas: ["public", "sales"])
        let result = try Translator(snapshot: snapshot, options: options).plan()
        #expect(Set(result.entities.map(\.typeName)) == ["Customer", "SalesCustomer"])
    }

    @Test func tablesThatWouldShadowLibraryTypesAreRenamed() throws {
        let result = try plan([Fixture.table("data", [Fixture.column("id", "int4")]), Fixture.table("user", [Fixture.column("id", "int4")]),
                               Fixture.table("users", [Fixture.column("id", "int4")])])
        #expect(Set(result.entities.map(\.typeName)) == ["DataTable", "User", "Users"])
    }

    @Test func enumLabelsThatAreNotIdentifiersGetCasesThatKeepTheLabel() throws {
        let types = Fixture.enumeration("status", ["in-progress", "1st", "default", "Ünïcödé", "done", "rawValue"])
        let result = try plan([Fixture.table("t", [Fixture.column("s", "public.status")])], types: types)
        let enumeration = try #require(result.enums.first)
        #expect(enumeration.cases.map(\.name) == ["inProgress", "_1st", "default", "ünïcödé", "done", "rawValueCase"])
        #expect(enumeration.cases.map(\.label) == ["in-progress", "1st", "default", "Ünïcödé", "done", "rawValue"])
    }

    @Test func onlyTypesInUseAreGenerated() throws {
        let types = Fixture.enumeration("used", ["a"]) + Fixture.enumeration("unused", ["b"])
        let result = try plan([Fixture.table("t", [Fixture.column("u", "public.used")])], types: types)
        #expect(result.enums.map(\.typeName) == ["Used"])
    }

    @Test func filtersTablesAndIgnoresTheMigrationsTableByDefault() throws {
        let relations = [
            Fixture.table("a", [Fixture.column("id", "int4")]), Fixture.table("b", [Fixture.column("id", "int4")]),
            Fixture.table(GeneratorOptions.migrationsTable, [Fixture.column("version", "text")]),
        ]
        #expect(try plan(relations).entities.map(\.table) == ["a", "b"])
        var only = GeneratorOptions()
        only.tables = ["public.b"]
        #expect(try plan(relations, options: only).entities.map(\.table) == ["b"])
        only.tables = ["public.b", "missing"]
        #expect {
            try plan(relations, options: only)
        } throws: { error in
            (error as? GenerationError) == .unmatchedTables(["missing"], schemas: ["public"])
        }
    }

    @Test func partitionsAreNotEntities() throws {
        var partition = Fixture.table("payment_p2022_01", [Fixture.column("id", "int4")])
        partition.partitionOf = QualifiedName(schema: "public", name: "payment")
        let parent = Fixture.table("payment", kind: .partitionedTable, [Fixture.column("id", "int4", nullable: false)], primaryKey: ["id"])
        let result = try plan([parent, partition])
        #expect(result.entities.map(\.table) == ["payment"])
        #expect(result.entities[0].documentation.contains { $0.contains("`payment_p2022_01`") })
    }

    @Test func aMissingSchemaIsAnErrorThatSaysWhatToDo() {
        var options = GeneratorOptions()
        options.schemas = ["nope"]
        #expect(throws: GenerationError.self) {
            try Translator(snapshot: Fixture.snapshot([]), options: options).plan()
        }
    }
}
