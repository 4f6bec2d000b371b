extension MigrationDSL {
    /// `CREATE TABLE`, with its columns and constraints.
    public struct CreateTable: MigrationStep {
        public var table: SQLName
        public var ifNotExists: Bool
        public var comment: String?
        public var elements: [any TableElement]

        public init(_ table: SQLName, ifNotExists: Bool = false, comment: String? = nil, @TableBuilder _ elements: () -> [any TableElement]) {
            self.table = table
            self.ifNotExists = ifNotExists
            self.comment = comment
            self.elements = elements()
        }

        public var statements: [String] {
            let body = elements.map { "    " + $0.definition }.joined(separator: ",\n")
            var result = ["CREATE TABLE \(ifNotExists ? "IF NOT EXISTS " : "")\(table.sql) (\n\(body)\n)"]
            if let comment { result.append("COMMENT ON TABLE \(table.sql) IS \(SQLString.quote(comment))") }
            result += elements.flatMap { $0.comments(on: table) }
            return result
        }
    }
}

extension MigrationDSL {
    /// `DROP TABLE`.
    public struct DropTable: MigrationStep {
        public var tables: [SQLName]
        public var ifExists: Bool
        public var cascade: Bool

        public init(_ tables: SQLName..., ifExists: Bool = false, cascade: Bool = false) {
            self.tables = tables
            self.ifExists = ifExists
            self.cascade = cascade
        }

        public var statements: [String] {
            ["DROP TABLE \(ifExists ? "IF EXISTS " : "")\(tables.map(\.sql).joined(separator: ", "))\(cascade ? " CASCADE" : "")"]
        }
    }
}

extension MigrationDSL {
    /// `ALTER TABLE … RENAME TO …`.
    public struct RenameTable: MigrationStep {
        public var table: SQLName
        public var newName: String

        public init(_ table: SQLName, to newName: String) {
            self.table = table
            self.newName = newName
        }

        public var statements: [String] { ["ALTER TABLE \(table.sql) RENAME TO \(SQLIdentifier.quote(newName))"] }
    }
}

extension MigrationDSL {
    /// A change inside `AlterTable`.
    public enum TableChange: Sendable {
        case addColumn(Column, ifNotExists: Bool = false)
        case dropColumn(String, ifExists: Bool = false, cascade: Bool = false)
        case renameColumn(String, to: String)
        case alterType(String, SQLType, using: String? = nil)
        case setNotNull(String)
        case dropNotNull(String)
        case setDefault(String, SQLDefault)
        case dropDefault(String)
        case addConstraint(any TableElement)
        case dropConstraint(String, ifExists: Bool = false)

        func sql(for table: SQLName) -> [String] {
            let prefix = "ALTER TABLE \(table.sql) "
            switch self {
            case let .addColumn(column, ifNotExists):
                return [prefix + "ADD COLUMN \(ifNotExists ? "IF NOT EXISTS " : "")\(column.definition)"] + column.comments(on: table)
            case let .dropColumn(name, ifExists, cascade):
                return [prefix + "DROP COLUMN \(ifExists ? "IF EXISTS " : "")\(SQLIdentifier.quote(name))\(cascade ? " CASCADE" : "")"]
            case let .renameColumn(name, newName):
                return [prefix + "RENAME COLUMN \(SQLIdentifier.quote(name)) TO \(SQLIdentifier.quote(newName))"]
            case let .alterType(name, type, using):
                return [prefix + "ALTER COLUMN \(SQLIdentifier.quote(name)) TYPE \(type.sql)\(using.map { " USING \($0)" } ?? "")"]
            case let .setNotNull(name):
                return [prefix + "ALTER COLUMN \(SQLIdentifier.quote(name)) SET NOT NULL"]
            case let .dropNotNull(name):
                return [prefix + "ALTER COLUMN \(SQLIdentifier.quote(name)) DROP NOT NULL"]
            case let .setDefault(name, value):
                return [prefix + "ALTER COLUMN \(SQLIdentifier.quote(name)) SET DEFAULT \(value.sql)"]
            case let .dropDefault(name):
                return [prefix + "ALTER COLUMN \(SQLIdentifier.quote(name)) DROP DEFAULT"]
            case let .addConstraint(element):
                return [prefix + "ADD \(element.definition)"]
            case let .dropConstraint(name, ifExists):
                return [prefix + "DROP CONSTRAINT \(ifExists ? "IF EXISTS " : "")\(SQLIdentifier.quote(name))"]
            }
        }
    }
}

extension MigrationDSL {
    /// `ALTER TABLE`: one statement per change, so that every change (renames included) is valid.
    public struct AlterTable: MigrationStep {
        public var table: SQLName
        public var changes: [TableChange]

        public init(_ table: SQLName, _ changes: TableChange...) {
            self.table = table
            self.changes = changes
        }

        public var statements: [String] { changes.flatMap { $0.sql(for: table) } }
    }
}

extension MigrationDSL {
    /// `ALTER TABLE … ADD COLUMN …`, the most common alteration, spelled directly.
    public struct AddColumn: MigrationStep {
        public var table: SQLName
        public var column: Column

        public init(_ column: Column, to table: SQLName) {
            self.column = column
            self.table = table
        }

        public var statements: [String] { TableChange.addColumn(column).sql(for: table) }
    }
}

extension MigrationDSL {
    /// `ALTER TABLE … DROP COLUMN …`.
    public struct DropColumn: MigrationStep {
        public var table: SQLName
        public var column: String

        public init(_ column: String, from table: SQLName) {
            self.column = column
            self.table = table
        }

        public var statements: [String] { TableChange.dropColumn(column).sql(for: table) }
    }
}
