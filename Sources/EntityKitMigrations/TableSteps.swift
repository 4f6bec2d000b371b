extension MigrationDSL {
    /// `CREATE TABLE`, with its columns and constraints.
    public struct CreateTable: MigrationStep {
        /// The table to create.
        public var table: SQLName
        /// `IF NOT EXISTS`: do nothing when a table of that name exists (whatever its columns).
        public var ifNotExists: Bool
        /// A `COMMENT ON TABLE`, run after the table is created; codegen turns it into the entity's doc
        /// comment.
        public var comment: String?
        /// The columns and table constraints, in order.
        public var elements: [any TableElement]

        /// `CREATE TABLE table (…)` with the columns and constraints the closure lists:
        /// `CreateTable("posts") { Column("id", .uuid).primaryKey(); … }`.
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
        /// The tables to drop, in one statement.
        public var tables: [SQLName]
        /// `IF EXISTS`: no error for a table that does not exist.
        public var ifExists: Bool
        /// `CASCADE`: drop what depends on the tables too (views, foreign keys of other tables).
        public var cascade: Bool

        /// `DROP TABLE tables…`: `DropTable("posts")`.
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
        /// The table to rename.
        public var table: SQLName
        /// The new name, in the same schema.
        public var newName: String

        /// `ALTER TABLE table RENAME TO newName`. The generated entity takes the new name on the next
        /// `codegen entity` run.
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
        /// `ADD COLUMN` (`IF NOT EXISTS`), then the column's comment, if any.
        case addColumn(Column, ifNotExists: Bool = false)
        /// `DROP COLUMN` (`IF EXISTS`, `CASCADE` to drop what depends on it).
        case dropColumn(String, ifExists: Bool = false, cascade: Bool = false)
        /// `RENAME COLUMN old TO new`.
        case renameColumn(String, to: String)
        /// `ALTER COLUMN … TYPE`, with a `USING` expression when the old values need converting
        /// (`using: "amount::numeric"`).
        case alterType(String, SQLType, using: String? = nil)
        /// `ALTER COLUMN … SET NOT NULL`: fails while a row holds NULL there.
        case setNotNull(String)
        /// `ALTER COLUMN … DROP NOT NULL`.
        case dropNotNull(String)
        /// `ALTER COLUMN … SET DEFAULT`.
        case setDefault(String, SQLDefault)
        /// `ALTER COLUMN … DROP DEFAULT`.
        case dropDefault(String)
        /// `ADD` a table constraint: a ``MigrationDSL/Unique``, ``MigrationDSL/ForeignKey``,
        /// ``MigrationDSL/Check`` or ``MigrationDSL/PrimaryKey``.
        case addConstraint(any TableElement)
        /// `DROP CONSTRAINT name` (`IF EXISTS`).
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
        /// The table to change.
        public var table: SQLName
        /// The changes, one statement each, in order.
        public var changes: [TableChange]

        /// `ALTER TABLE table …` for each change:
        /// `AlterTable("users", .renameColumn("name", to: "display_name"), .dropDefault("role"))`.
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
        /// The table to add the column to.
        public var table: SQLName
        /// The column, as in `CreateTable`.
        public var column: Column

        /// `ALTER TABLE table ADD COLUMN …`: `AddColumn(Column("disabled_at", .timestampWithTimeZone), to: "users")`.
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
        /// The table to drop the column from.
        public var table: SQLName
        /// The column to drop.
        public var column: String

        /// `ALTER TABLE table DROP COLUMN column`: `DropColumn("disabled_at", from: "users")`.
        public init(_ column: String, from table: SQLName) {
            self.column = column
            self.table = table
        }

        public var statements: [String] { TableChange.dropColumn(column).sql(for: table) }
    }
}
