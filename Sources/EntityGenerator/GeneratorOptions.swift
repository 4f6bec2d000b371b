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
        optionalArrayElements: Bool = false
    ) {
        self.schemas = schemas
        self.tables = tables
        self.ignoreTables = ignoreTables
        self.accessLevel = accessLevel
        self.typeOverrides = typeOverrides
        self.columnOverrides = columnOverrides
        self.additionalImports = additionalImports
        self.optionalArrayElements = optionalArrayElements
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case schemas, tables, ignoreTables, accessLevel, typeOverrides, columnOverrides, additionalImports, optionalArrayElements
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
    }

    /// A configuration file that cannot be used; the message says what to fix.
    public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    /// Reads a `codegen.json` configuration, rejecting unknown keys (they are usually typos).
    public static func load(from file: URL) throws -> GeneratorOptions {
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw ConfigurationError(description: "cannot read the configuration \(file.path): check that the file exists and is readable")
        }
        return try decodeConfiguration(data, named: file.lastPathComponent)
    }

    /// Decodes configuration JSON; `name` labels messages.
    public static func decodeConfiguration(_ data: Data, named name: String) throws -> GeneratorOptions {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ConfigurationError(description: "\(name) is not a JSON object: write it as {\"schemas\": [\"public\"], …}")
        }
        let known = Set(CodingKeys.allCases.map(\.rawValue))
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw ConfigurationError(description: "\(name) has an unknown key \"\(unknown)\": the keys are \(known.sorted().joined(separator: ", "))")
        }
        do {
            let options = try JSONDecoder().decode(GeneratorOptions.self, from: data)
            try options.validate()
            return options
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw ConfigurationError(description: "\(name) has a value of the wrong type (\(error)): see the README for the format")
        }
    }

    /// Checks values that decode but cannot work.
    public func validate() throws {
        guard !schemas.isEmpty else {
            throw ConfigurationError(description: "no schema to generate from: name at least one schema")
        }
        for (column, swiftType) in columnOverrides where column.split(separator: ".").count != 3 || swiftType.isEmpty {
            throw ConfigurationError(description: "column override \"\(column)\" must be written schema.table.column = SwiftType")
        }
        for (type, swiftType) in typeOverrides where type.isEmpty || swiftType.isEmpty {
            throw ConfigurationError(description: "type override \"\(type)\" must be written postgres_type = SwiftType")
        }
    }
}
