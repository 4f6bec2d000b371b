@testable import EntityGenerator
import Foundation
import SchemaModel
import Testing

@Suite("Configuration and snapshots")
struct OptionsAndSnapshotTests {
    @Test func configurationKeysAreOptional() throws {
        let options = try GeneratorOptions.decodeConfiguration(
            Data(#"{"accessLevel": "package", "typeOverrides": {"timestamptz": "Date"}}"#.utf8), named: "codegen.json")
        #expect(options.schemas == ["public"])
        #expect(options.ignoreTables == [GeneratorOptions.migrationsTable])
        #expect(options.accessLevel == .package)
        #expect(options.typeOverrides == ["timestamptz": "Date"])
    }

    @Test func configurationRejectsTyposAndBadValues() {
        #expect(throws: GeneratorOptions.ConfigurationError.self) {
            try GeneratorOptions.decodeConfiguration(Data(#"{"schema": ["public"]}"#.utf8), named: "codegen.json")
        }
        #expect(throws: GeneratorOptions.ConfigurationError.self) {
            try GeneratorOptions.decodeConfiguration(Data(#"{"accessLevel": "private"}"#.utf8), named: "codegen.json")
        }
        #expect(throws: GeneratorOptions.ConfigurationError.self) {
            try GeneratorOptions.decodeConfiguration(Data(#"{"columnOverrides": {"users.settings": "X"}}"#.utf8), named: "codegen.json")
        }
        #expect(throws: GeneratorOptions.ConfigurationError.self) {
            try GeneratorOptions.decodeConfiguration(Data("not json".utf8), named: "codegen.json")
        }
    }

    @Test func snapshotsEncodeDeterministicallyAndRoundTrip() throws {
        let snapshot = try ReferenceSchema.snapshot()
        let data = try snapshot.encodedJSON()
        #expect(try SchemaSnapshot.decode(from: data) == snapshot)
        #expect(try snapshot.encodedJSON() == data)
        let committed = try Data(contentsOf: ReferenceSchema.root.appendingPathComponent("Schema/snapshot.json"))
        #expect(data == committed, "Schema/snapshot.json is not in canonical form")
    }

    @Test func newerSnapshotFormatsAreRefusedWithAnAction() throws {
        let data = Data(#"{"formatVersion": 99, "schemas": [], "relations": [], "types": []}"#.utf8)
        #expect {
            try SchemaSnapshot.decode(from: data)
        } throws: { error in
            "\(error)".contains("update codegen")
        }
        #expect(throws: SchemaSnapshot.DecodingProblem.self) { try SchemaSnapshot.decode(from: Data("{}".utf8)) }
    }
}
