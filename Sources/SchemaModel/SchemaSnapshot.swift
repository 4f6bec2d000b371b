/// Everything codegen knows about a database, as plain catalog facts.
///
/// A snapshot mirrors `pg_catalog`: it holds no Swift names and no generation decisions, and it
/// refers to other objects by qualified name, never by OID, so that two databases with the same
/// schema produce byte-identical snapshots. It is the contract between introspection, the
/// generator, the build plugin and the tests.
public struct SchemaSnapshot: Codable, Sendable, Equatable {
    /// The version of the snapshot format that this build reads and writes.
    public static let currentFormatVersion = 1

    /// The snapshot format version; readers refuse versions newer than ``currentFormatVersion``.
    public var formatVersion: Int
    /// The schemas that were introspected, sorted by name.
    public var schemas: [Namespace]
    /// Tables, partitioned tables, views, materialized views and foreign tables of those schemas,
    /// sorted by schema and name.
    public var relations: [Relation]
    /// Every type that a column refers to, directly or through arrays, domains, ranges and
    /// composite attributes, sorted by schema and name.
    public var types: [TypeDefinition]

    public init(
        formatVersion: Int = SchemaSnapshot.currentFormatVersion,
        schemas: [Namespace],
        relations: [Relation],
        types: [TypeDefinition]
    ) {
        self.formatVersion = formatVersion
        self.schemas = schemas
        self.relations = relations
        self.types = types
    }
}

/// A schema (`pg_namespace`) that was introspected.
public struct Namespace: Codable, Sendable, Equatable {
    public var name: String
    public var comment: String?

    public init(name: String, comment: String? = nil) {
        self.name = name
        self.comment = comment
    }
}

/// A schema-qualified object name, exactly as the catalog spells it (no quoting, case kept).
public struct QualifiedName: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public var schema: String
    public var name: String

    public init(schema: String, name: String) {
        self.schema = schema
        self.name = name
    }

    public static func < (lhs: QualifiedName, rhs: QualifiedName) -> Bool {
        (lhs.schema, lhs.name) < (rhs.schema, rhs.name)
    }

    /// `schema.name`, for messages; not quoted, so not valid SQL for every name.
    public var description: String { "\(schema).\(name)" }
}
