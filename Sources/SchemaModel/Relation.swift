/// What kind of object a relation is (`pg_class.relkind`).
public enum RelationKind: String, Codable, Sendable, CaseIterable {
    case table
    case partitionedTable
    case view
    case materializedView
    case foreignTable
}

/// A table-like object: table, partitioned table, view, materialized view or foreign table.
public struct Relation: Codable, Sendable, Equatable {
    public var schema: String
    public var name: String
    public var kind: RelationKind
    public var comment: String?
    /// Columns in table order (`attnum`), dropped columns excluded.
    public var columns: [Column]
    public var primaryKey: KeyConstraint?
    /// `UNIQUE` constraints, sorted by name.
    public var uniqueConstraints: [KeyConstraint]
    /// Foreign keys declared on this relation, sorted by name.
    public var foreignKeys: [ForeignKey]
    /// `CHECK` and `EXCLUDE` constraints, sorted by name.
    public var checkConstraints: [CheckConstraint]
    /// Indexes that do not back a constraint, sorted by name.
    public var indexes: [Index]
    /// Set when this relation is a partition of another one.
    public var partitionOf: QualifiedName?
    /// Parents by plain (non-partition) table inheritance, in declaration order.
    public var inheritsFrom: [QualifiedName]
    /// The query of a view or materialized view, as `pg_get_viewdef` prints it.
    public var viewDefinition: String?

    public init(
        schema: String,
        name: String,
        kind: RelationKind,
        comment: String? = nil,
        columns: [Column],
        primaryKey: KeyConstraint? = nil,
        uniqueConstraints: [KeyConstraint] = [],
        foreignKeys: [ForeignKey] = [],
        checkConstraints: [CheckConstraint] = [],
        indexes: [Index] = [],
        partitionOf: QualifiedName? = nil,
        inheritsFrom: [QualifiedName] = [],
        viewDefinition: String? = nil
    ) {
        self.schema = schema
        self.name = name
        self.kind = kind
        self.comment = comment
        self.columns = columns
        self.primaryKey = primaryKey
        self.uniqueConstraints = uniqueConstraints
        self.foreignKeys = foreignKeys
        self.checkConstraints = checkConstraints
        self.indexes = indexes
        self.partitionOf = partitionOf
        self.inheritsFrom = inheritsFrom
        self.viewDefinition = viewDefinition
    }

    public var qualifiedName: QualifiedName { QualifiedName(schema: schema, name: name) }

    /// The column with this exact name, if any.
    public func column(named name: String) -> Column? {
        columns.first { $0.name == name }
    }
}

/// How an identity column generates its values (`attidentity`).
public enum IdentityKind: String, Codable, Sendable {
    case always
    case byDefault
}

/// A column of a relation.
public struct Column: Codable, Sendable, Equatable {
    public var name: String
    /// The column's type; its definition is in ``SchemaSnapshot/types``.
    public var type: QualifiedName
    /// The type as `format_type` prints it, with modifiers: `character varying(255)`, `numeric(10,2)`,
    /// `public.user_role[]`. Types outside `pg_catalog` are always schema-qualified.
    public var sqlType: String
    /// False when the column is declared `NOT NULL` (or is part of the primary key).
    public var isNullable: Bool
    /// The default expression, as `pg_get_expr` prints it.
    public var defaultExpression: String?
    public var identity: IdentityKind?
    /// The expression of a generated column (`GENERATED ALWAYS AS (…) STORED`, or `VIRTUAL`
    /// when ``isVirtual`` is true).
    public var generatedExpression: String?
    /// True for a `GENERATED ALWAYS AS (…) VIRTUAL` column (PostgreSQL 18), computed when read;
    /// absent otherwise, so a generated column without it is `STORED`, the only kind before 18.
    public var isVirtual: Bool?
    /// True when the column's NOT NULL constraint is `NOT VALID` (PostgreSQL 18): rows written
    /// before it may hold NULL, so ``isNullable`` is true. Absent otherwise.
    public var notNullNotValid: Bool?
    /// Array dimensions as declared (`attndims`); Postgres does not enforce them.
    public var dimensions: Int
    public var comment: String?
    /// For a view column that is a plain reference to a column of another relation, that column.
    /// Only recorded when the reference cannot become NULL through an outer join or grouping set.
    public var origin: ColumnReference?

    public init(
        name: String,
        type: QualifiedName,
        sqlType: String,
        isNullable: Bool,
        defaultExpression: String? = nil,
        identity: IdentityKind? = nil,
        generatedExpression: String? = nil,
        isVirtual: Bool? = nil,
        notNullNotValid: Bool? = nil,
        dimensions: Int = 0,
        comment: String? = nil,
        origin: ColumnReference? = nil
    ) {
        self.name = name
        self.type = type
        self.sqlType = sqlType
        self.isNullable = isNullable
        self.defaultExpression = defaultExpression
        self.identity = identity
        self.generatedExpression = generatedExpression
        self.isVirtual = isVirtual
        self.notNullNotValid = notNullNotValid
        self.dimensions = dimensions
        self.comment = comment
        self.origin = origin
    }
}

/// A column of a named relation.
public struct ColumnReference: Codable, Sendable, Hashable {
    public var relation: QualifiedName
    public var column: String

    public init(relation: QualifiedName, column: String) {
        self.relation = relation
        self.column = column
    }
}
