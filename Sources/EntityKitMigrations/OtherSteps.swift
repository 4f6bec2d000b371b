import PostgresNIO

extension MigrationDSL {
    /// `CREATE INDEX`.
    public struct CreateIndex: MigrationStep {
        public var name: String
        public var table: SQLName
        public var columns: [String]
        public var isUnique: Bool
        public var ifNotExists: Bool
        /// `CONCURRENTLY`: only outside a transaction (set `runsInTransaction` to false).
        public var concurrently: Bool
        public var method: String?
        public var predicate: String?

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
        public var name: SQLName
        public var ifExists: Bool
        public var concurrently: Bool

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
        public var name: SQLName
        public var values: [String]

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
        public var name: SQLName
        public var value: String
        public var position: Position?

        public enum Position: Sendable {
            case before(String)
            case after(String)
        }

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
        public var names: [SQLName]
        public var ifExists: Bool
        public var cascade: Bool
        public var isDomain: Bool

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

        public init(_ statements: String...) {
            self.statements = statements
        }
    }
}

extension MigrationDSL {
    /// Code run on the migration's connection (inside its transaction when it has one): data
    /// migrations and anything else that needs Swift. The checksum covers its name only.
    public struct Run: MigrationStep {
        public var name: String
        public var body: @Sendable (PostgresConnection, Logger) async throws -> Void

        public init(_ name: String, _ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> Void) {
            self.name = name
            self.body = body
        }

        public var statements: [String] { [] }
        public var checksumText: String { "run: \(name)" }

        public func run(on connection: PostgresConnection, logger: Logger) async throws {
            try await body(connection, logger)
        }
    }
}
