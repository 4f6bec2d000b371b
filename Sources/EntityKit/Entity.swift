/// A row type generated from a PostgreSQL table, view, materialized view or foreign table.
///
/// Generated types conform to this protocol (or to ``WritableEntity`` / ``KeyedEntity``); their
/// `Codable` keys are their ``Column`` cases, whose raw values are the column names.
public protocol Entity: Codable, Sendable {
    /// The columns of the relation, in table order.
    associatedtype Column: EntityColumn
    /// Typed references to the columns, for building queries (`User.TableColumns`).
    associatedtype TableColumns: ColumnReferences where TableColumns.Root == Self

    /// The schema that holds the relation, exactly as the catalog spells it.
    static var schemaName: String { get }
    /// The relation's name, exactly as the catalog spells it.
    static var tableName: String { get }
    /// What the relation is; views and tables without a primary key are read-only.
    static var kind: EntityKind { get }

    /// Reads a row whose cells are the columns in ``Column`` order (`Column.allCases`), each
    /// selected with its read cast.
    @_spi(Generated) init(row: inout some RowReader) throws

    /// Writes the row's values in ``Column`` order.
    @_spi(Generated) func write(to writer: inout some RowWriter)

    /// The name of the relation (in the generated `Relations`) that a foreign-key constraint
    /// stands for, given the table that holds the constraint (the referencing one): how a
    /// foreign-key violation names what it broke. Nil for a constraint the entity has no
    /// relation for.
    static func relationName(forConstraint constraint: String, onTable table: String) -> String?
}

extension Entity {
    /// No relation by default: generated entities with relations give their own.
    public static func relationName(forConstraint constraint: String, onTable table: String) -> String? { nil }
}

/// An entity backed by a table that rows can be inserted into.
public protocol WritableEntity: Entity {
    /// The insert shape: columns the database can fill are optional, every other column the
    /// database requires a value for is required.
    associatedtype Draft: EntityDraft where Draft.Root == Self
}

/// A writable entity with a primary key, so rows can be found, updated and deleted by key.
public protocol KeyedEntity: WritableEntity {
    /// The primary key's value: the column's type, or a struct for a composite key.
    associatedtype PrimaryKey: Hashable & Sendable & Codable
    /// The table's primary key and unique constraints: what an upsert may conflict on.
    associatedtype UniqueKey: EntityUniqueKey where UniqueKey.Root == Self

    /// The primary key columns in key order.
    static var primaryKeyColumns: [Column] { get }
    /// This row's primary key.
    var primaryKey: PrimaryKey { get }
    /// Writes a primary key's values in ``primaryKeyColumns`` order.
    @_spi(Generated) static func write(key: PrimaryKey, to writer: inout some RowWriter)
}

/// The values of a row to insert, as a generated entity's `Draft` holds them.
public protocol EntityDraft: Sendable {
    /// The entity whose rows the draft inserts (`User` for `User.Draft`).
    associatedtype Root: WritableEntity

    /// The columns a draft writes, in the order of `write(to:)`: every column but computed
    /// ones and `GENERATED ALWAYS` identities.
    static var columns: [Root.Column] { get }

    /// Writes the draft's values in ``columns`` order; a column left to the database is
    /// written as its default.
    @_spi(Generated) func write(to writer: inout some RowWriter)
}

/// A key an upsert may name as its conflict target: the primary key or a unique constraint
/// (or unique index) of the table.
public protocol EntityUniqueKey: Sendable, Hashable, CaseIterable {
    /// The entity whose table holds the key.
    associatedtype Root: Entity

    /// The key's columns, in key order.
    var columns: [Root.Column] { get }

    /// The constraint (or unique index) that enforces the key, as the catalog names it: what a
    /// unique violation reports.
    var constraintName: String { get }
}

extension EntityUniqueKey {
    /// The key a constraint (or unique index) of the table enforces; nil for any other name.
    public init?(constraintName: String) {
        guard let key = Self.allCases.first(where: { $0.constraintName == constraintName }) else { return nil }
        self = key
    }
}

/// What kind of relation an entity comes from.
public enum EntityKind: String, Sendable, Hashable, Codable {
    /// An ordinary table with a primary key: read, inserted, updated and deleted by key.
    case table
    /// A partitioned table (`PARTITION BY`): written through like a table, the server routing
    /// each row to its partition.
    case partitionedTable
    /// A view: read-only here, whatever rules or triggers the database gives it.
    case view
    /// A materialized view: read-only, refreshed by `REFRESH MATERIALIZED VIEW`.
    case materializedView
    /// A foreign table (a foreign data wrapper's): read-only here.
    case foreignTable
    /// A table without a primary key: readable, but rows cannot be addressed one by one.
    case tableWithoutPrimaryKey

    /// True for views and materialized views.
    public var isView: Bool { self == .view || self == .materializedView }
}

extension Entity {
    /// `"schema"."table"`, quoted for SQL.
    public static var qualifiedTableName: String {
        "\(SQLIdentifier.quote(schemaName)).\(SQLIdentifier.quote(tableName))"
    }
}

/// The column enum of a generated entity: its cases are the entity's properties, its raw values
/// the column names, and it doubles as the entity's `CodingKeys`.
public protocol EntityColumn: CodingKey, CaseIterable, Hashable, Sendable, RawRepresentable where RawValue == String {
    /// How the column is declared in the database.
    @_spi(Generated) var definition: ColumnDefinition { get }
}

extension EntityColumn {
    /// The column name, quoted for SQL.
    public var quotedName: String { SQLIdentifier.quote(rawValue) }

    /// The columns an insert may leave for the database to fill in: those with a default, an
    /// identity or a generation expression.
    public static var databaseFilled: Set<Self> {
        Set(allCases.filter { $0.definition.hasDatabaseValue })
    }
}

/// How the database fills in a column that an insert leaves out.
@_spi(Generated)
public enum ColumnGeneration: String, Sendable, Hashable, Codable {
    /// `GENERATED ALWAYS AS IDENTITY`: the database always assigns it.
    case identityAlways
    /// `GENERATED BY DEFAULT AS IDENTITY`: assigned unless the insert gives a value.
    case identityByDefault
    /// `GENERATED ALWAYS AS (expression) STORED` or `VIRTUAL` (PostgreSQL 18): computed, never written.
    case computed
}

/// How a column is declared, as generated from the catalog.
@_spi(Generated)
public struct ColumnDefinition: Sendable, Hashable {
    /// The type as PostgreSQL prints it, such as `character varying(255)` or `public.user_role[]`.
    public let sqlType: String
    /// False for `NOT NULL` columns; the generated property is optional exactly when this is true.
    public let isNullable: Bool
    /// The default expression (`now()`, `nextval('…'::regclass)`), if any.
    public let defaultExpression: String?
    /// How the database fills the column when it is an identity or a generated column; nil for
    /// an ordinary column (whose default, if any, is ``defaultExpression``).
    public let generation: ColumnGeneration?
    /// The cast (`text` or `text[]`) needed to read the column, when its type has no binary form
    /// that EntityKitPostgres decodes.
    public let readCast: String?

    /// A column declaration as the generator writes it in each entity's `Column.definition`.
    public init(
        sqlType: String,
        isNullable: Bool,
        defaultExpression: String? = nil,
        generation: ColumnGeneration? = nil,
        readCast: String? = nil
    ) {
        self.sqlType = sqlType
        self.isNullable = isNullable
        self.defaultExpression = defaultExpression
        self.generation = generation
        self.readCast = readCast
    }

    /// True when an insert may leave the column out and let the database fill it in
    /// (a default, an identity, a serial or a generated column).
    public var hasDatabaseValue: Bool {
        defaultExpression != nil || generation != nil
    }

    /// True when an insert or update must never name the column.
    public var isReadOnly: Bool {
        generation == .computed || generation == .identityAlways
    }
}

/// Quoting of SQL identifiers.
public enum SQLIdentifier {
    /// `name` as a double-quoted identifier, with embedded quotes doubled.
    public static func quote(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
