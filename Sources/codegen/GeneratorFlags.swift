import ArgumentParser
import EntityGenerator
import Foundation

/// The flags that shape generation, shared by `entity` and `diagram` (a diagram names types as
/// the generated code does): each overrides the same setting of `--config`.
struct GeneratorFlags: ParsableArguments {
    @Option(name: [.customShort("s"), .customLong("schema")], help: ArgumentHelp(
        "A schema to generate from; repeat for several (default: public).", valueName: "schema"))
    var schemas: [String] = []

    @Option(help: ArgumentHelp("Generate only these relations (comma-separated names or schema.name).", valueName: "names"))
    var tables: [String] = []

    @Option(help: ArgumentHelp("Skip these relations (default: \(GeneratorOptions.migrationsTable)).", valueName: "names"))
    var ignoreTables: [String] = []

    @Flag(help: "Also generate tables whose names start with _ (skipped by default, with a warning).")
    var includeHiddenTables = false

    @Option(help: ArgumentHelp("Access level of generated declarations: public, package or internal (default: public).", valueName: "level"))
    var accessLevel: GeneratorOptions.AccessLevel?

    @Option(help: ArgumentHelp("A codegen.json configuration file; flags given here override it.", valueName: "file"))
    var config: String?

    @Option(name: .customLong("type-override"), help: ArgumentHelp(
        "Read a PostgreSQL type as a Swift type: TYPE=SwiftType (repeatable).", valueName: "type=swift"))
    var typeOverrides: [String] = []

    @Option(name: .customLong("column-override"), help: ArgumentHelp(
        "Read one column as a Swift type: schema.table.column=SwiftType (repeatable).", valueName: "column=swift"))
    var columnOverrides: [String] = []

    @Option(name: .customLong("import"), help: ArgumentHelp(
        "A module every generated file imports (for override types and conformances; repeatable).", valueName: "module"))
    var imports: [String] = []

    @Option(name: .customLong("conformance"), help: ArgumentHelp(
        "Add a protocol: Protocol (every entity, enum and composite), SCOPE=Protocol with SCOPE all, entities, enums or composites, "
            + "or schema.name=Protocol for one type (repeatable).",
        valueName: "[scope=]protocol"))
    var conformances: [String] = []

    @Option(name: .customLong("rename"), help: ArgumentHelp(
        "Rename by database name: schema.table=Type, schema.table.column=property, schema.enum_type.label=case (repeatable).",
        valueName: "name=swift"))
    var renames: [String] = []

    @Flag(inversion: .prefixedNo, help: "Make entities with a one-column primary key Identifiable (default: on).")
    var identifiable: Bool?

    @Flag(help: "Declare array elements optional ([String?]), for arrays that may hold NULL.")
    var optionalArrayElements = false

    @Option(help: ArgumentHelp("Entities' JSON keys: columnNames (default) or propertyNames.", valueName: "keys"))
    var jsonKeys: JSONShape.Keys?

    @Option(help: ArgumentHelp("Entities' nil properties in JSON: omitted (default) or written (as null).", valueName: "nulls"))
    var jsonNulls: JSONShape.Nulls?

    func validate() throws {
        for pair in typeOverrides + columnOverrides + renames where Self.split(pair) == nil {
            throw ValidationError("'\(pair)' is not NAME=SwiftName")
        }
    }

    /// The configuration file's options with these flags applied.
    func options() throws -> GeneratorOptions {
        var options = try config.map { try GeneratorOptions.load(from: URL(fileURLWithPath: $0)) } ?? GeneratorOptions()
        if !schemas.isEmpty { options.schemas = schemas }
        if !tables.isEmpty { options.tables = Self.names(tables) }
        if !ignoreTables.isEmpty { options.ignoreTables = Self.names(ignoreTables) }
        if includeHiddenTables { options.includeHiddenTables = true }
        if let accessLevel { options.accessLevel = accessLevel }
        for pair in typeOverrides.compactMap(Self.split) { options.typeOverrides[pair.0] = pair.1 }
        for pair in columnOverrides.compactMap(Self.split) { options.columnOverrides[pair.0] = pair.1 }
        for pair in renames.compactMap(Self.split) { options.renames[pair.0] = pair.1 }
        for conformance in conformances {
            if let (scope, name) = Self.split(conformance) {
                options.conformances.add(name, to: scope)
            } else {
                options.conformances.add(conformance.trimmingCharacters(in: .whitespaces), to: "all")
            }
        }
        options.additionalImports += imports
        if let identifiable { options.identifiable = identifiable }
        if optionalArrayElements { options.optionalArrayElements = true }
        if let jsonKeys { options.json.keys = jsonKeys }
        if let jsonNulls { options.json.nulls = jsonNulls }
        try options.validate()
        return options
    }

    static func split(_ pair: String) -> (String, String)? {
        guard let equals = pair.firstIndex(of: "=") else { return nil }
        let key = pair[..<equals].trimmingCharacters(in: .whitespaces)
        let value = pair[pair.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        return key.isEmpty || value.isEmpty ? nil : (key, value)
    }

    static func names(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

extension GeneratorOptions.AccessLevel: ExpressibleByArgument {}
extension JSONShape.Keys: ExpressibleByArgument {}
extension JSONShape.Nulls: ExpressibleByArgument {}
