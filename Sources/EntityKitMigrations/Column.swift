extension MigrationDSL {
    /// A column in `CreateTable` or `AddColumn`, declared by chaining:
    /// `Column("email", .varchar(255)).notNull().unique()`.
    public struct Column: TableElement, Hashable {
        public enum Identity: String, Sendable, Hashable {
            case always = "ALWAYS"
            case byDefault = "BY DEFAULT"
        }

        public var name: String
        public var type: SQLType
        public var isNotNull = false
        public var isPrimaryKey = false
        public var isUnique = false
        public var defaultValue: SQLDefault?
        public var identity: Identity?
        public var generatedExpression: String?
        public var checkExpression: String?
        public var reference: Reference?
        public var comment: String?

        /// An inline `REFERENCES` clause.
        public struct Reference: Sendable, Hashable {
            public var table: SQLName
            public var column: String
            public var onDelete: ReferentialAction?
            public var onUpdate: ReferentialAction?
        }

        public init(_ name: String, _ type: SQLType) {
            self.name = name
            self.type = type
        }

        private func with(_ change: (inout Column) -> Void) -> Column {
            var copy = self
            change(&copy)
            return copy
        }

        public func notNull() -> Column { with { $0.isNotNull = true } }
        public func primaryKey() -> Column { with { $0.isPrimaryKey = true } }
        public func unique() -> Column { with { $0.isUnique = true } }
        public func `default`(_ value: SQLDefault) -> Column { with { $0.defaultValue = value } }
        /// A string default, quoted: `.default("user")`.
        public func `default`(_ value: String) -> Column { self.default(.string(value)) }
        public func `default`(_ value: Bool) -> Column { self.default(.boolean(value)) }
        public func `default`(_ value: Int) -> Column { self.default(.integer(value)) }
        /// An expression default, unquoted: `.default(sql: "gen_random_uuid()")`.
        public func `default`(sql expression: String) -> Column { self.default(.sql(expression)) }
        public func generatedAlwaysAsIdentity() -> Column { with { $0.identity = .always } }
        public func generatedByDefaultAsIdentity() -> Column { with { $0.identity = .byDefault } }
        /// `GENERATED ALWAYS AS (expression) STORED`.
        public func generated(as expression: String) -> Column { with { $0.generatedExpression = expression } }
        public func check(_ expression: String) -> Column { with { $0.checkExpression = expression } }
        public func comment(_ text: String) -> Column { with { $0.comment = text } }

        public func references(_ table: SQLName, _ column: String = "id", onDelete: ReferentialAction? = nil, onUpdate: ReferentialAction? = nil) -> Column {
            with { $0.reference = Reference(table: table, column: column, onDelete: onDelete, onUpdate: onUpdate) }
        }

        /// The column definition, as in `CREATE TABLE` or `ADD COLUMN`.
        public var definition: String {
            var parts = [SQLIdentifier.quote(name), type.sql]
            if isNotNull && !isPrimaryKey { parts.append("NOT NULL") }
            if let defaultValue { parts.append("DEFAULT \(defaultValue.sql)") }
            if let identity { parts.append("GENERATED \(identity.rawValue) AS IDENTITY") }
            if let generatedExpression { parts.append("GENERATED ALWAYS AS (\(generatedExpression)) STORED") }
            if isPrimaryKey { parts.append("PRIMARY KEY") }
            if isUnique { parts.append("UNIQUE") }
            if let checkExpression { parts.append("CHECK (\(checkExpression))") }
            if let reference {
                parts.append("REFERENCES \(reference.table.sql) (\(SQLIdentifier.quote(reference.column)))")
                if let action = reference.onDelete { parts.append("ON DELETE \(action.rawValue)") }
                if let action = reference.onUpdate { parts.append("ON UPDATE \(action.rawValue)") }
            }
            return parts.joined(separator: " ")
        }

        public func comments(on table: SQLName) -> [String] {
            comment.map { ["COMMENT ON COLUMN \(table.sql).\(SQLIdentifier.quote(name)) IS \(SQLString.quote($0))"] } ?? []
        }
    }
}

extension MigrationDSL {
    /// Something declared inside `CreateTable`: a column or a table constraint.
    public protocol TableElement: Sendable {
        var definition: String { get }
        /// `COMMENT ON` statements that follow the table's creation.
        func comments(on table: SQLName) -> [String]
    }
}

extension MigrationDSL.TableElement {
    public func comments(on table: SQLName) -> [String] { [] }
}

extension MigrationDSL {
    /// Collects the columns and constraints of `CreateTable`.
    @resultBuilder
    public enum TableBuilder {
        public static func buildExpression(_ element: any TableElement) -> [any TableElement] { [element] }
        public static func buildBlock(_ components: [any TableElement]...) -> [any TableElement] { components.flatMap { $0 } }
        public static func buildOptional(_ component: [any TableElement]?) -> [any TableElement] { component ?? [] }
        public static func buildEither(first component: [any TableElement]) -> [any TableElement] { component }
        public static func buildEither(second component: [any TableElement]) -> [any TableElement] { component }
        public static func buildArray(_ components: [[any TableElement]]) -> [any TableElement] { components.flatMap { $0 } }
    }
}

extension MigrationDSL {
    /// `PRIMARY KEY (a, b)`, for composite keys.
    public struct PrimaryKey: TableElement {
        public var columns: [String]
        public var name: String?

        public init(_ columns: String..., name: String? = nil) {
            self.columns = columns
            self.name = name
        }

        public var definition: String { constraintPrefix(name) + "PRIMARY KEY (\(columnList(columns)))" }
    }
}

extension MigrationDSL {
    /// `UNIQUE (a, b)`.
    public struct Unique: TableElement {
        public var columns: [String]
        public var name: String?

        public init(_ columns: String..., name: String? = nil) {
            self.columns = columns
            self.name = name
        }

        public var definition: String { constraintPrefix(name) + "UNIQUE (\(columnList(columns)))" }
    }
}

extension MigrationDSL {
    /// `FOREIGN KEY (a, b) REFERENCES t (x, y)`, with actions.
    public struct ForeignKey: TableElement {
        public var columns: [String]
        public var table: SQLName
        public var referencedColumns: [String]
        public var name: String?
        public var onDelete: ReferentialAction?
        public var onUpdate: ReferentialAction?

        public init(_ columns: [String], references table: SQLName, _ referencedColumns: [String], name: String? = nil,
                    onDelete: ReferentialAction? = nil, onUpdate: ReferentialAction? = nil) {
            self.columns = columns
            self.table = table
            self.referencedColumns = referencedColumns
            self.name = name
            self.onDelete = onDelete
            self.onUpdate = onUpdate
        }

        public var definition: String {
            var text = constraintPrefix(name) + "FOREIGN KEY (\(columnList(columns))) REFERENCES \(table.sql) (\(columnList(referencedColumns)))"
            if let onDelete { text += " ON DELETE \(onDelete.rawValue)" }
            if let onUpdate { text += " ON UPDATE \(onUpdate.rawValue)" }
            return text
        }
    }
}

extension MigrationDSL {
    /// `CHECK (expression)`.
    public struct Check: TableElement {
        public var expression: String
        public var name: String?

        public init(_ expression: String, name: String? = nil) {
            self.expression = expression
            self.name = name
        }

        public var definition: String { constraintPrefix(name) + "CHECK (\(expression))" }
    }
}

func constraintPrefix(_ name: String?) -> String {
    name.map { "CONSTRAINT \(SQLIdentifier.quote($0)) " } ?? ""
}

func columnList(_ columns: [String]) -> String {
    columns.map(SQLIdentifier.quote).joined(separator: ", ")
}
