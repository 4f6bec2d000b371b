/// A piece of SQL whose values stay apart from its text: the query builder's building block,
/// and the escape hatch for SQL it does not model.
///
/// Interpolated values are bound as parameters, never spliced into the text; interpolated
/// column references are quoted (and qualified in joins):
///
/// ```swift
/// let recent: SQLFragment = "\(User.columns.createdAt) > now() - \(PGInterval(days: 7))"
/// let raw: SQLFragment = "lower(\(User.columns.email)) = \(email.lowercased())"
/// ```
public struct SQLFragment: Sendable, Hashable, ExpressibleByStringInterpolation {
    enum Part: Sendable, Hashable {
        case sql(String)
        case value(SQLLiteral)
        /// Adds nothing to the text; the statement is refused (see ``SQLFragment/rejected(_:)``).
        case rejected(SQLRejection)
    }

    private(set) var parts: [Part]

    /// SQL text without values.
    public init(sql: String) {
        parts = sql.isEmpty ? [] : [.sql(sql)]
    }

    /// A bound value.
    public init(value: some ColumnValue) {
        parts = [.value(value.sqlLiteral)]
    }

    /// A bound literal.
    public init(literal: SQLLiteral) {
        parts = [.value(literal)]
    }

    public init(stringLiteral value: String) {
        self.init(sql: value)
    }

    public init(stringInterpolation: StringInterpolation) {
        parts = stringInterpolation.parts
    }

    /// True when the fragment holds neither text nor values.
    public var isEmpty: Bool { parts.isEmpty }

    /// `lhs` followed by `rhs`, with both fragments' values.
    public static func + (lhs: SQLFragment, rhs: SQLFragment) -> SQLFragment {
        var result = lhs
        result.append(rhs)
        return result
    }

    /// Appends another fragment, text and values.
    public mutating func append(_ other: SQLFragment) {
        for part in other.parts { append(part) }
    }

    /// Appends SQL text, spliced as written: only for text you wrote yourself.
    public mutating func append(sql: String) {
        append(.sql(sql))
    }

    private mutating func append(_ part: Part) {
        if case let .sql(text) = part, case let .sql(previous)? = parts.last {
            parts[parts.count - 1] = .sql(previous + text)
        } else {
            parts.append(part)
        }
    }

    /// Fragments joined by `separator`.
    public static func joined(_ fragments: [SQLFragment], separator: String) -> SQLFragment {
        var result = SQLFragment(sql: "")
        for (index, fragment) in fragments.enumerated() {
            if index > 0 { result.append(sql: separator) }
            result.append(fragment)
        }
        return result
    }

    /// Builds fragments from string interpolation: values are bound, columns quoted.
    public struct StringInterpolation: StringInterpolationProtocol {
        var parts: [Part] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            parts.reserveCapacity(interpolationCount * 2 + 1)
        }

        public mutating func appendLiteral(_ literal: String) {
            append(.sql(literal))
        }

        /// A value, bound as a parameter.
        public mutating func appendInterpolation(_ value: some ColumnValue) {
            append(.value(value.sqlLiteral))
        }

        /// A literal, bound as a parameter (NULL is written as the keyword).
        public mutating func appendInterpolation(literal: SQLLiteral) {
            append(.value(literal))
        }

        /// A column reference, quoted and qualified.
        public mutating func appendInterpolation<Root, Value>(_ column: TableColumn<Root, Value>) {
            append(.sql(column.qualifiedName))
        }

        /// An entity's select list, with the read casts its decoding needs:
        /// `SELECT \(columnsOf: User.self) FROM \(table: User.self)`.
        public mutating func appendInterpolation<E: Entity>(columnsOf type: E.Type, alias: String? = nil) {
            append(.sql(E.selectList(alias: alias)))
        }

        /// An entity's table, schema-qualified and quoted, optionally with an alias.
        public mutating func appendInterpolation<E: Entity>(table type: E.Type, alias: String? = nil) {
            append(.sql(E.fromItem(alias: alias)))
        }

        /// Another fragment, with its values.
        public mutating func appendInterpolation(_ fragment: SQLFragment) {
            for part in fragment.parts { append(part) }
        }

        /// An identifier, quoted: `\(identifier: "user table")` gives `"user table"`.
        public mutating func appendInterpolation(identifier: String) {
            append(.sql(SQLIdentifier.quote(identifier)))
        }

        /// Text spliced in as SQL, unquoted and unbound: only for SQL you wrote yourself.
        public mutating func appendInterpolation(unsafeRaw sql: String) {
            append(.sql(sql))
        }

        private mutating func append(_ part: Part) {
            if case let .sql(text) = part, case let .sql(previous)? = parts.last {
                parts[parts.count - 1] = .sql(previous + text)
            } else {
                parts.append(part)
            }
        }
    }

    /// The SQL with `$1`, `$2`… placeholders and the values they stand for. NULL is written as
    /// the keyword: a NULL parameter would be bound in
    /// binary format, which types without a binary input function reject.
    ///
    /// The text is checked as it is joined: a NUL byte, a `$n` typed outside quotes and
    /// comments, or a value interpolated inside quotes gives a statement with a
    /// ``SQLStatement/rejection``, which EntityKitPostgres refuses to send.
    public func statement() -> SQLStatement {
        var sql = ""
        var bindings: [SQLLiteral] = []
        var scanner = SQLTextScanner()
        var rejection: SQLRejection?
        for part in parts {
            switch part {
            case let .sql(text):
                if rejection == nil { rejection = scanner.scan(text) }
                sql += text
            case let .rejected(reason):
                if rejection == nil { rejection = reason }
            case let .value(literal):
                if rejection == nil { rejection = scanner.value() }
                if case .null = literal {
                    sql += "NULL"
                } else {
                    bindings.append(literal)
                    sql += "$\(bindings.count)"
                }
            }
        }
        return SQLStatement(sql: sql, bindings: bindings, rejection: rejection)
    }

    /// The statement, or the reason it cannot be sent (see ``statement()``).
    public func checkedStatement() throws(SQLRejection) -> SQLStatement {
        let statement = statement()
        if let rejection = statement.rejection { throw rejection }
        return statement
    }

    /// A fragment that adds no text but makes its statement refused with `reason`: how a
    /// builder reports an argument it cannot express instead of trapping or clamping it.
    public static func rejected(_ reason: SQLRejection) -> SQLFragment {
        var fragment = SQLFragment(sql: "")
        fragment.parts = [.rejected(reason)]
        return fragment
    }
}

/// A statement ready to send: SQL with `$n` placeholders and the literals bound to them.
public struct SQLStatement: Sendable, Hashable, CustomStringConvertible {
    /// The SQL text, with `$1`, `$2`… where the values go.
    public var sql: String
    /// The values of `$1`, `$2`…, as text literals of unspecified type (never NULL).
    public var bindings: [SQLLiteral]
    /// Why the statement must not be sent, when the fragment or builder that made it was
    /// given something it cannot express; EntityKitPostgres throws it instead of sending.
    public var rejection: SQLRejection?

    /// A statement from SQL text with `$n` placeholders and their values, in order. The text
    /// is sent as written (only a NUL byte in it is refused).
    public init(sql: String, bindings: [SQLLiteral] = [], rejection: SQLRejection? = nil) {
        self.sql = sql
        self.bindings = bindings
        self.rejection = rejection
    }

    public var description: String { sql }
}
