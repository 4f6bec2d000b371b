import EntityGenerator
import Foundation
import SchemaModel
import Testing
import TestSupport

/// The `json` option: entities' JSON keys (column or property names) and nil properties
/// (omitted or written as null).
@Suite("JSON shape")
struct JSONShapeTests {
    /// A table with a snake_case column, a nullable one and a keyword column.
    static let snapshot = Fixture.snapshot([
        Fixture.table("accounts", [
            Fixture.column("id", "int4", nullable: false),
            Fixture.column("display_name", "text"),
            Fixture.column("default", "bool", nullable: false),
        ], primaryKey: ["id"]),
    ])

    static func account(_ json: JSONShape) throws -> String {
        let plan = try Translator(snapshot: snapshot, options: GeneratorOptions(json: json)).plan()
        return try #require(Renderer.render(plan).first { $0.name == "Account.swift" }).contents
    }

    @Test func theDefaultIsSwiftsSynthesizedCodableKeyedByColumns() throws {
        let source = try Self.account(JSONShape())
        #expect(source.contains("public typealias CodingKeys = Column"))
        #expect(!source.contains("func encode(to encoder"))
    }

    /// The draft reads a request body with the entity's keys, through private coding keys.
    @Test func draftsDecodeWithTheEntitysKeys() throws {
        #expect(try Self.account(JSONShape()).contains("""
                    private enum CodingKeys: String, CodingKey {
                        case id
                        case displayName = "display_name"
                        case `default`
                    }
            """))
        #expect(try Self.account(JSONShape(keys: .propertyNames)).contains("""
                    private enum CodingKeys: String, CodingKey {
                        case id
                        case displayName
                        case `default`
                    }
            """))
        #expect(try Self.account(JSONShape()).contains("public struct Draft: EntityDraft, Decodable {"))
    }

    @Test func propertyNamesAndWrittenNulls() throws {
        let source = try Self.account(JSONShape(keys: .propertyNames, nulls: .written))
        #expect(source.contains("""
                public enum CodingKeys: String, CodingKey {
                    case id
                    case displayName
                    case `default`
                }
            """))
        #expect(source.contains("try container.encode(self.displayName, forKey: .displayName)"))
        #expect(source.contains("try container.encode(self.`default`, forKey: .`default`)"))
    }

    @Test(.enabled(if: TestEnvironment.runsProcessTests, "fast lane: type-checks with swiftc; run scripts/test or TEST_LANE=full swift test"),
          arguments: [
              JSONShape(keys: .columnNames, nulls: .written), JSONShape(keys: .propertyNames, nulls: .omitted),
              JSONShape(keys: .propertyNames, nulls: .written),
          ])
    func everyShapeCompilesWithoutWarnings(shape: JSONShape) throws {
        let plan = try Translator(snapshot: Self.snapshot, options: GeneratorOptions(json: shape)).plan()
        let result = try Typecheck.files(Renderer.render(plan).map { ($0.name, $0.contents) })
        #expect(result.status == 0, "\(result.output)")
        #expect(!result.output.contains("warning:"), "\(result.output)")
    }

    @Test func theConfigurationFileSpellsIt() throws {
        let options = try GeneratorOptions.decodeConfiguration(Data(#"{"json": {"keys": "propertyNames", "nulls": "written"}}"#.utf8), named: "codegen.json")
        #expect(options.json == JSONShape(keys: .propertyNames, nulls: .written))
        #expect(try GeneratorOptions.decodeConfiguration(Data(#"{"json": {}}"#.utf8), named: "codegen.json").json == JSONShape())
        #expect(throws: (any Error).self) {
            try GeneratorOptions.decodeConfiguration(Data(#"{"json": {"key": "propertyNames"}}"#.utf8), named: "codegen.json")
        }
        #expect(throws: (any Error).self) {
            try GeneratorOptions.decodeConfiguration(Data(#"{"json": {"keys": "camelCase"}}"#.utf8), named: "codegen.json")
        }
    }
}
