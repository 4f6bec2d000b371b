@testable import codegen
import EntityGenerator
import Foundation
import Testing

/// `codegen entity`'s flags over its `codegen.json`, without running anything.
@Suite("Flags over the configuration file")
struct OptionMergeTests {
    private func configFile(_ json: String) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("codegen-\(UUID().uuidString).json")
        try json.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func flagsReplaceListsAddOverridesAndKeepTheRest() throws {
        let file = try configFile("""
            {"schemas": ["app"], "tables": ["a"], "accessLevel": "package",
             "typeOverrides": {"timestamptz": "Date", "citext": "String"}, "additionalImports": ["Shared"]}
            """)
        defer { try? FileManager.default.removeItem(at: file) }
        let command = try EntityCommand.parse([
            "--config", file.path, "-o", "Out", "-s", "public", "-s", "audit", "--tables", "b, c", "--type-override", "timestamptz = PGTimestamp",
            "--column-override", "public.users.settings=Settings", "--import", "More",
        ])
        let options = try command.generator.options()
        #expect(options.schemas == ["public", "audit"])
        #expect(options.tables == ["b", "c"])
        #expect(options.accessLevel == .package)
        #expect(options.typeOverrides == ["timestamptz": "PGTimestamp", "citext": "String"])
        #expect(options.columnOverrides == ["public.users.settings": "Settings"])
        #expect(options.additionalImports == ["Shared", "More"])
        #expect(options.ignoreTables == GeneratorOptions().ignoreTables)
    }

    @Test func withoutAConfigurationFlagsApplyToTheDefaults() throws {
        let options = try EntityCommand.parse(["-o", "Out", "--access-level", "internal", "--optional-array-elements"]).generator.options()
        #expect(options.schemas == ["public"])
        #expect(options.accessLevel == .internal)
        #expect(options.optionalArrayElements)
    }
}
