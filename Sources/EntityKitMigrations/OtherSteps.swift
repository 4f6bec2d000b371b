import MigrationEngine

extension MigrationDSL {
    /// `CREATE INDEX`.
    public struct CreateIndex: MigrationStep {
        /// The index name (in the table's schema).
        public var name: String
        /// The indexed table.
        public var table: SQLName
        /// The indexed columns, in index order.
        public var columns: [String]
        /// `UNIQUE`: no two rows may share the indexed values.
        public var isUnique: Bool
        /// `IF NOT EXISTS`: do nothing when an index of that name exists.
        public var ifNotExists: Bool
        /// `CONCURRENTLY`: only outside a transaction (set `runsInTransaction` to false).
        public var concurrently: Bool
        /// The access method after `USING` (`gin`, `gist`, `brin`…); nil for B-tree.
        public var method: String?
        /// The `WHERE` predicate of a partial index, as SQL.
        public var predicate: String?

        /// `CREATE [UNIQUE] INDEX [CONCURRENTLY] name ON table [USING method] (columns…) [WHERE predicate]`:
        /// `CreateIndex("idx_posts_author", on: "posts", columns: ["author_id"])`.
        public init(_ name: String, on table: SQLName, columns: [String], unique: Bool = false, ifNotExists: Bool = false,
                    concurrently: Bool = false, using method: String? = nil, where predicate: String? = nil) {
            self.name = name
            self.table = table
            self.columns = columns
            self.isUnique = unique
            self.ifNotExists = ifNotExists
            self.concurrently = concurrently
            self.method = method
            self.predicate = predicate
        }

        public var statements: [String] {
            var text = "CREATE \(isUnique ? "UNIQUE " : "")INDEX \(concurrently ? "CONCURRENTLY " : "")\(ifNotExists ? "IF NOT EXISTS " : "")"
            text += "\(SQLIdentifier.quote(name)) ON \(table.sql)"
            if let method { text += " USING \(method)" }
            text += " (\(columnList(columns)))"
            if let predicate { text += " WHERE \(predicate)" }
            return [text]
        }
    }
}

extension MigrationDSL {
    /// `DROP INDEX`.
    public struct DropIndex: MigrationStep {
        /// The index to drop (schema-qualified when not on the search path).
        public var name: SQLName
        /// `IF EXISTS`: no error for an index that does not exist.
        public var ifExists: Bool
        /// `CONCURRENTLY`: without blocking writes; only outside a transaction (set
        /// `runsInTransaction` to false).
        public var concurrently: Bool

        /// `DROP INDEX [CONCURRENTLY] [IF EXISTS] name`.
        public init(_ name: SQLName, ifExists: Bool = false, concurrently: Bool = false) {
            self.name = name
            self.ifExists = ifExists
            self.concurrently = concurrently
        }

        public var statements: [String] {
            ["DROP INDEX \(concurrently ? "CONCURRENTLY " : "")\(ifExists ? "IF EXISTS " : "")\(name.sql)"]
        }
    }
}

extension MigrationDSL {
    /// `CREATE TYPE … AS ENUM (…)`.
    public struct CreateEnum: MigrationStep {
        /// The enum type's name.
        public var name: SQLName
        /// The labels, in sort order.
        public var values: [String]

        /// `CREATE TYPE name AS ENUM (values…)`: codegen turns it into a Swift enum conforming to `PGEnum`.
        public init(_ name: SQLName, values: [String]) {
            self.name = name
            self.values = values
        }

        public var statements: [String] {
            ["CREATE TYPE \(name.sql) AS ENUM (\(values.map(SQLString.quote).joined(separator: ", ")))"]
        }
    }
}

extension MigrationDSL {
    /// `ALTER TYPE … ADD VALUE …`.
    public struct AddEnumValue: MigrationStep {
        /// The enum type.
        public var name: SQLName
        /// The new label.
        public var value: String
        /// Where the label goes; nil puts it last.
        public var position: Position?

        /// Where a new label sorts among the existing ones.
        public enum Position: Sendable {
            /// `BEFORE label`.
            case before(String)
            /// `AFTER label`.
            case after(String)
        }

        /// `ALTER TYPE name ADD VALUE IF NOT EXISTS value [BEFORE|AFTER label]`. Before
        /// PostgreSQL 12 this cannot run in a transaction; from 12 on, the new label cannot be used in
        /// the same transaction.
        public init(_ value: String, to name: SQLName, _ position: Position? = nil) {
            self.value = value
            self.name = name
            self.position = position
        }

        public var statements: [String] {
            var text = "ALTER TYPE \(name.sql) ADD VALUE IF NOT EXISTS \(SQLString.quote(value))"
            switch position {
            case let .before(label)?: text += " BEFORE \(SQLString.quote(label))"
            case let .after(label)?: text += " AFTER \(SQLString.quote(label))"
            case nil: break
            }
            return [text]
        }
    }
}

extension MigrationDSL {
    /// `DROP TYPE` (enums, composite types, domains with `DropType(…, domain: true)`).
    public struct DropType: MigrationStep {
        /// The types to drop, in one statement.
        public var names: [SQLName]
        /// `IF EXISTS`: no error for a type that does not exist.
        public var ifExists: Bool
        /// `CASCADE`: drop what depends on the types too (columns of that type included).
        public var cascade: Bool
        /// `DROP DOMAIN` instead of `DROP TYPE`.
        public var isDomain: Bool

        /// `DROP TYPE names…`, or `DROP DOMAIN names…` with `domain: true`.
        public init(_ names: SQLName..., ifExists: Bool = false, cascade: Bool = false, domain: Bool = false) {
            self.names = names
            self.ifExists = ifExists
            self.cascade = cascade
            self.isDomain = domain
        }

        public var statements: [String] {
            ["DROP \(isDomain ? "DOMAIN" : "TYPE") \(ifExists ? "IF EXISTS " : "")\(names.map(\.sql).joined(separator: ", "))\(cascade ? " CASCADE" : "")"]
        }
    }
}

extension MigrationDSL {
    /// Raw SQL, for everything the DSL does not spell (views, domains, functions, data).
    public struct SQL: MigrationStep {
        public var statements: [String]

        /// Statements run as written, one by one: `SQL("CREATE VIEW …")`. Nothing is quoted for you.
        public init(_ statements: String...) {
            self.statements = statements
        }

        /// Statements run as written, one by one, from a list built at run time.
        public init(statements: [String]) {
            self.statements = statements
        }
    }
}

extension MigrationDSL {
    /// Code run on the migration's session (inside its transaction when it has one): data
    /// migrations and anything else that needs Swift. The checksum covers its name only.
    ///
    /// The session is whatever driver applies the migration (libpq in `codegen migrate` and the
    /// scaffolded `migrate` executable, PostgresNIO in an app's `MigrationRunner`), so the body
    /// speaks text: statements with `$1`-style text parameters, rows as text.
    ///
    /// ```swift
    /// Run("backfill display names") { session in
    ///     for row in try await session.execute("SELECT id::text, email FROM users WHERE display_name IS NULL") {
    ///         let name = row[1].map { String($0.prefix { $0 != "@" }) } ?? "user"
    ///         try await session.execute("UPDATE users SET display_name = $1 WHERE id = $2::uuid",
    ///                                   parameters: [name, row[0]!])
    ///     }
    /// }
    /// ```
    public struct Run: MigrationStep {
        /// A name for the step, recorded in the checksum instead of the code.
        public var name: String
        /// The code to run, given the migration's session.
        public var body: @Sendable (any MigrationSession) async throws -> Void

        /// Code of your own as a step: `Run("backfill display names") { session in … }`.
        /// Editing the body does not change the checksum; renaming the step does.
        public init(_ name: String, _ body: @escaping @Sendable (any MigrationSession) async throws -> Void) {
            self.name = name
            self.body = body
        }

        public var statements: [String] { [] }
        public var checksumText: String { "run: \(name)" }

        public func run(in session: any MigrationSession) async throws {
            try await body(session)
        }
    }
}
