import Foundation

/// Everything that shapes generated code. The CLI's flags and the build plugin's configuration
/// file (`codegen.json`) are two spellings of this one definition.
public struct GeneratorOptions: Codable, Sendable, Equatable {
    /// Access level of every generated declaration.
    public enum AccessLevel: String, Codable, Sendable, CaseIterable {
        case `public`
        case package
        case `internal`
    }

    /// Schemas to generate from, in order; the first one's names are kept when names collide.
    public var schemas: [String]
    /// Only these relations (`name` or `schema.name`); empty means every relation.
    public var tables: [String]
    /// Relations to skip (`name` or `schema.name`); by default the migrations tracking table.
    public var ignoreTables: [String]
    public var accessLevel: AccessLevel
    /// Swift types by PostgreSQL type: `timestamptz` (any schema) or `public.citext`.
    public var typeOverrides: [String: String]
    /// Swift types by column: `schema.table.column`.
    public var columnOverrides: [String: String]
    /// Modules every generated file imports besides EntityKit and Foundation (for override types).
    public var additionalImports: [String]
    /// Declare array elements optional (`[String?]`): PostgreSQL arrays may contain NULL whatever
    /// the column's constraints, and reading a NULL element into `[String]` fails with an error.
    public var optionalArrayElements: Bool
    /// Generate tables and views whose names start with `_`, which are skipped by default (as
    /// sea-orm-cli does): such names conventionally mark internal tables.
    public var includeHiddenTables: Bool
    /// Protocols to add to generated types, globally or per type.
    public var conformances: Conformances
    /// Give entities with a single-column primary key `Identifiable` (with `id` being the key).
    public var identifiable: Bool
    /// New Swift names by database name: `schema.table` (an entity), `schema.type` (an enum,
    /// composite or domain), `schema.table.column` (a property), `schema.enum_type.label` (an
    /// enum case). Each is granted as the name allocator's first choice, after the same checks.
    public var renames: [String: String]
    /// New relation names by foreign-key constraint: `constraint`, or `schema.table.constraint`
    /// when several tables use that constraint name.
    public var relationRenames: [String: RelationRename]
    /// How entities read and write JSON: the keys, and whether nil properties are written.
    public var json: JSONShape

    /// The migrations tracking table, ignored unless asked for.
    public static let migrationsTable = "entitykit_migrations"

    public init(
        schemas: [String] = ["public"],
        tables: [String] = [],
        ignoreTables: [String] = [GeneratorOptions.migrationsTable],
        accessLevel: AccessLevel = .public,
        typeOverrides: [String: String] = [:],
        columnOverrides: [String: String] = [:],
        additionalImports: [String] = [],
        optionalArrayElements: Bool = false,
        includeHiddenTables: Bool = false,
        conformances: Conformances = Conformances(),
        identifiable: Bool = true,
        renames: [String: String] = [:],
        relationRenames: [String: RelationRename] = [:],
        json: JSONShape = JSONShape()
    ) {
        self.schemas = schemas
        self.tables = tables
        self.ignoreTables = ignoreTables
        self.accessLevel = accessLevel
        self.typeOverrides = typeOverrides
        self.columnOverrides = columnOverrides
        self.additionalImports = additionalImports
        self.optionalArrayElements = optionalArrayElements
        self.includeHiddenTables = includeHiddenTables
        self.conformances = conformances
        self.identifiable = identifiable
        self.renames = renames
        self.relationRenames = relationRenames
        self.json = json
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case schemas, tables, ignoreTables, accessLevel, typeOverrides, columnOverrides, additionalImports, optionalArrayElements
        case includeHiddenTables, conformances, identifiable, renames, relationRenames, json
    }

    /// Every key is optional and defaults as in the memberwise initializer.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = GeneratorOptions()
        schemas = try container.decodeIfPresent([String].self, forKey: .schemas) ?? defaults.schemas
        tables = try container.decodeIfPresent([String].self, forKey: .tables) ?? defaults.tables
        ignoreTables = try container.decodeIfPresent([String].self, forKey: .ignoreTables) ?? defaults.ignoreTables
        accessLevel = try container.decodeIfPresent(AccessLevel.self, forKey: .accessLevel) ?? defaults.accessLevel
        typeOverrides = try container.decodeIfPresent([String: String].self, forKey: .typeOverrides) ?? [:]
        columnOverrides = try container.decodeIfPresent([String: String].self, forKey: .columnOverrides) ?? [:]
        additionalImports = try container.decodeIfPresent([String].self, forKey: .additionalImports) ?? []
        optionalArrayElements = try container.decodeIfPresent(Bool.self, forKey: .optionalArrayElements) ?? false
        includeHiddenTables = try container.decodeIfPresent(Bool.self, forKey: .includeHiddenTables) ?? false
        conformances = try container.decodeIfPresent(Conformances.self, forKey: .conformances) ?? Conformances()
        identifiable = try container.decodeIfPresent(Bool.self, forKey: .identifiable) ?? true
        renames = try container.decodeIfPresent([String: String].self, forKey: .renames) ?? [:]
        relationRenames = try container.decodeIfPresent([String: RelationRename].self, forKey: .relationRenames) ?? [:]
        json = try container.decodeIfPresent(JSONShape.self, forKey: .json) ?? JSONShape()
    }

    /// Settings that cannot be used. Cases carry facts; `description` says what to fix.
    public enum ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
        case unreadable(path: String)
        case notAnObject(file: String)
        case unknownKey(file: String, key: String, known: [String])
        case wrongType(file: String, detail: String)
        case noSchema
        case malformedColumnOverride(String)
        case malformedTypeOverride(String)
        case malformedRename(String)
        case malformedConformance(scope: String, protocolName: String)

        public var description: String {
            switch self {
            case let .unreadable(path):
                return "cannot read the configuration \(path): check that the file exists and is readable"
            case let .notAnObject(file):
                return "\(file) is not a JSON object: write it as {\"schemas\": [\"public\"], …}"
            case let .unknownKey(file, key, known):
                return "\(file) has an unknown key \"\(key)\": the keys are \(known.joined(separator: ", "))"
            case let .wrongType(file, detail):
                return "\(file) has a value of the wrong type (\(detail)): see the README for the format"
            case .noSchema:
                return "no schema to generate from: name at least one schema"
            case let .malformedColumnOverride(column):
                return "column override \"\(column)\" must be written schema.table.column = SwiftType"
            case let .malformedTypeOverride(type):
                return "type override \"\(type)\" must be written postgres_type = SwiftType"
            case let .malformedRename(key):
                return "rename key \"\(key)\" must be schema.table, schema.type, schema.table.column or schema.enum_type.label"
            case let .malformedConformance(scope, protocolName):
                return "conformance \"\(protocolName)\" for \"\(scope)\" must name a protocol (a Swift type name such as Identifiable or MyModule.Auditable)"
            }
        }
    }

    /// Reads a `codegen.json` configuration, rejecting unknown keys (they are usually typos).
    public static func load(from file: URL) throws -> GeneratorOptions {
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw ConfigurationError.unreadable(path: file.path)
        }
        return try decodeConfiguration(data, named: file.lastPathComponent)
    }

    /// Decodes configuration JSON; `name` labels messages.
    public static func decodeConfiguration(_ data: Data, named name: String) throws -> GeneratorOptions {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ConfigurationError.notAnObject(file: name)
        }
        let known = Set(CodingKeys.allCases.map(\.rawValue))
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw ConfigurationError.unknownKey(file: name, key: unknown, known: known.sorted())
        }
        do {
            let options = try JSONDecoder().decode(GeneratorOptions.self, from: data)
            try options.validate()
            return options
        } catch let error as ConfigurationError {
            throw error
        } catch let DecodingError.dataCorrupted(context) {
            throw ConfigurationError.wrongType(file: name, detail: context.debugDescription)
        } catch {
            throw ConfigurationError.wrongType(file: name, detail: "\(error)")
        }
    }

    /// Checks values that decode but cannot work.
    public func validate() throws {
        guard !schemas.isEmpty else {
            throw ConfigurationError.noSchema
        }
        for (column, swiftType) in columnOverrides where column.split(separator: ".").count != 3 || swiftType.isEmpty {
            throw ConfigurationError.malformedColumnOverride(column)
        }
        for (type, swiftType) in typeOverrides where type.isEmpty || swiftType.isEmpty {
            throw ConfigurationError.malformedTypeOverride(type)
        }
        for key in renames.keys.sorted() where !(2...3).contains(key.split(separator: ".", omittingEmptySubsequences: false).count)
            || key.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
            throw ConfigurationError.malformedRename(key)
        }
        let scoped = [("all", conformances.all), ("entities", conformances.entities), ("enums", conformances.enums), ("composites", conformances.composites)]
            + conformances.types.sorted { $0.key < $1.key }
        for (scope, names) in scoped {
            for name in names where !Self.isTypeName(name) {
                throw ConfigurationError.malformedConformance(scope: scope, protocolName: name)
            }
        }
    }

    /// A (possibly module-qualified) type name: the text is spliced into generated code, so
    /// anything else could inject code.
    static func isTypeName(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { SwiftIdentifiers.isLegal(String($0)) && !SwiftIdentifiers.keywords.contains(String($0)) }
    }
}
