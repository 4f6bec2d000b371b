import MigrationEngine

/// One versioned change to the database schema.
///
/// ```swift
/// struct M20250125_000001_CreateAuthTables: Migration {
///     let name = "m20250125_000001_create_auth_tables"
///
///     var up: [any MigrationStep] {
///         CreateTable("users") {
///             Column("id", .uuid).primaryKey().default(sql: "gen_random_uuid()")
///             Column("username", .varchar(255)).notNull().unique()
///         }
///     }
///
///     var down: [any MigrationStep] {
///         DropTable("users")
///     }
/// }
/// ```
public protocol Migration: Sendable {
    /// The version: unique, and sorting in the order migrations apply (`mYYYYMMDD_HHMMSS_name`).
    var name: String { get }
    /// False for statements that cannot run inside a transaction, such as
    /// `CREATE INDEX CONCURRENTLY`. Such a migration that fails part-way is not rolled back.
    var runsInTransaction: Bool { get }
    /// What applying the migration does.
    @MigrationBuilder var up: [any MigrationStep] { get }
    /// What rolling it back does.
    @MigrationBuilder var down: [any MigrationStep] { get }
    /// A digest of what `up` does, recorded when the migration is applied; the default covers
    /// its steps' SQL and the names of its code steps.
    var checksum: String { get }
}

extension Migration {
    public var runsInTransaction: Bool { true }

    /// A digest of what `up` does (its SQL, and the names of its code steps), recorded when the
    /// migration is applied so that later edits to an applied migration are noticed.
    public var checksum: String {
        MigrationChecksum.of(up.map(\.checksumText))
    }
}

/// A step of a migration: SQL statements, or code.
public protocol MigrationStep: Sendable {
    /// The statements the step runs, in order.
    var statements: [String] { get }
    /// What the checksum covers: the statements, by default.
    var checksumText: String { get }
    /// Runs the step on the migration's session (inside its transaction when it has one); by
    /// default, its statements one by one.
    func run(in session: any MigrationSession) async throws
}

extension MigrationStep {
    public var checksumText: String { statements.joined(separator: ";\n") }

    public func run(in session: any MigrationSession) async throws {
        for statement in statements {
            try await session.execute(statement)
        }
    }
}

/// Collects the steps of `up` and `down`.
@resultBuilder
public enum MigrationBuilder {
    /// One step.
    public static func buildExpression(_ step: any MigrationStep) -> [any MigrationStep] { [step] }
    /// A list of steps built at run time.
    public static func buildExpression(_ steps: [any MigrationStep]) -> [any MigrationStep] { steps }
    /// The steps in the order written.
    public static func buildBlock(_ components: [any MigrationStep]...) -> [any MigrationStep] { components.flatMap { $0 } }
    /// An `if` without `else`: nothing when its condition is false.
    public static func buildOptional(_ component: [any MigrationStep]?) -> [any MigrationStep] { component ?? [] }
    /// The first branch of an `if`/`else` or `switch`.
    public static func buildEither(first component: [any MigrationStep]) -> [any MigrationStep] { component }
    /// The second branch of an `if`/`else` or `switch`.
    public static func buildEither(second component: [any MigrationStep]) -> [any MigrationStep] { component }
    /// A `for` loop's steps.
    public static func buildArray(_ components: [[any MigrationStep]]) -> [any MigrationStep] { components.flatMap { $0 } }
}

/// A name, optionally schema-qualified, quoted for SQL.
public struct SQLName: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The schema; nil leaves the name unqualified, resolved through `search_path`.
    public var schema: String?
    /// The name, exactly as the catalog spells it (quoting keeps its case).
    public var name: String

    /// A name in `schema`, or unqualified; a string literal (`"users"`) makes an unqualified one.
    public init(_ name: String, schema: String? = nil) {
        self.name = name
        self.schema = schema
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// `"schema"."name"` or `"name"`.
    public var sql: String {
        (schema.map { SQLIdentifier.quote($0) + "." } ?? "") + SQLIdentifier.quote(name)
    }

    public var description: String { sql }
}

/// Quoting of SQL string literals.
enum SQLString {
    /// `'text'`, with quotes doubled (and an `E` prefix when the text holds backslashes, so it
    /// means the same whatever `standard_conforming_strings` is).
    static func quote(_ text: String) -> String {
        let doubled = text.replacingOccurrences(of: "'", with: "''")
        if text.contains("\\") {
            return "E'" + doubled.replacingOccurrences(of: "\\", with: "\\\\") + "'"
        }
        return "'" + doubled + "'"
    }
}

/// Quoting of SQL identifiers.
enum SQLIdentifier {
    /// `name` as a double-quoted identifier, with embedded quotes doubled.
    static func quote(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
