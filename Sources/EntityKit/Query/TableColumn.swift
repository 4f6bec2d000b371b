/// The typed column references of an entity, as generated (`User.TableColumns`): what the
/// closures of a query receive.
public protocol ColumnReferences: Sendable {
    associatedtype Root: Entity

    /// References qualified by `alias` (as in a join), or unqualified when nil.
    init(alias: String?)
}

extension Entity {
    /// The entity's typed column references, unqualified: `User.columns.email`.
    public static var columns: TableColumns { TableColumns(alias: nil) }
}

/// A column of `Root` whose values are `Value` (optional when the column is nullable). Its
/// comparisons take the column's own type only; ``isNull()`` exists only for nullable columns
/// and ``like(_:)`` only for text.
public struct TableColumn<Root: Entity, Value: ColumnValue>: Sendable, Hashable {
    /// The column.
    public let column: Root.Column
    /// The table alias that qualifies the column in a join; nil for a single table.
    public let alias: String?

    public init(_ column: Root.Column, _ alias: String?) {
        self.column = column
        self.alias = alias
    }

    /// `"column"`, or `"alias"."column"`.
    public var qualifiedName: String {
        alias.map { SQLIdentifier.quote($0) + "." + column.quotedName } ?? column.quotedName
    }

    /// The column as an expression.
    public var expression: SQLFragment { SQLFragment(sql: qualifiedName) }

    private func compare(_ operation: String, _ value: Value.NonNull) -> SQLCondition {
        SQLCondition("\(self) \(unsafeRaw: operation) \(value)")
    }

    /// `column = value`.
    public func eq(_ value: Value.NonNull) -> SQLCondition { compare("=", value) }
    /// `column <> value`.
    public func neq(_ value: Value.NonNull) -> SQLCondition { compare("<>", value) }
    /// `column < value`.
    public func lt(_ value: Value.NonNull) -> SQLCondition { compare("<", value) }
    /// `column <= value`.
    public func lte(_ value: Value.NonNull) -> SQLCondition { compare("<=", value) }
    /// `column > value`.
    public func gt(_ value: Value.NonNull) -> SQLCondition { compare(">", value) }
    /// `column >= value`.
    public func gte(_ value: Value.NonNull) -> SQLCondition { compare(">=", value) }

    /// `column BETWEEN lower AND upper`.
    public func between(_ lower: Value.NonNull, _ upper: Value.NonNull) -> SQLCondition {
        SQLCondition("\(self) BETWEEN \(lower) AND \(upper)")
    }

    /// `column = ANY($1)`, with the values bound as one array: any number of values is one
    /// parameter and one statement.
    public func `in`(_ values: some Sequence<Value.NonNull>) -> SQLCondition {
        SQLCondition("\(self) = ANY(\(literal: .array(values.map(\.sqlLiteral))))")
    }

    /// `NOT (column = ANY($1))`.
    public func notIn(_ values: some Sequence<Value.NonNull>) -> SQLCondition {
        !self.in(values)
    }

    /// `column = other`, for another table's column of the same type (a join condition).
    public func eq<OtherRoot, OtherValue>(_ other: TableColumn<OtherRoot, OtherValue>) -> SQLCondition
    where OtherValue.NonNull == Value.NonNull {
        SQLCondition("\(self) = \(other)")
    }

    /// Ascending order.
    public var ascending: SQLOrdering { SQLOrdering(expression, direction: .ascending) }
    /// Descending order.
    public var descending: SQLOrdering { SQLOrdering(expression, direction: .descending) }
    /// Ascending order, with NULLs first or last.
    public func ascending(nulls: SQLOrdering.Nulls) -> SQLOrdering { SQLOrdering(expression, direction: .ascending, nulls: nulls) }
    /// Descending order, with NULLs first or last.
    public func descending(nulls: SQLOrdering.Nulls) -> SQLOrdering { SQLOrdering(expression, direction: .descending, nulls: nulls) }
}

extension TableColumn where Value: NullableColumnValue {
    /// `column IS NULL`: only for nullable columns.
    public func isNull() -> SQLCondition { SQLCondition("\(self) IS NULL") }
    /// `column IS NOT NULL`: only for nullable columns.
    public func isNotNull() -> SQLCondition { SQLCondition("\(self) IS NOT NULL") }
}

extension TableColumn where Value.NonNull == String {
    /// `column LIKE pattern`: only for text columns.
    public func like(_ pattern: String) -> SQLCondition { SQLCondition("\(self) LIKE \(pattern)") }
    /// `column ILIKE pattern` (case-insensitive): only for text columns.
    public func ilike(_ pattern: String) -> SQLCondition { SQLCondition("\(self) ILIKE \(pattern)") }
}

// Operators spell the same comparisons: `$0.email == "a@b.c"`, `$0.age >= 18`.
extension TableColumn {
    public static func == (column: Self, value: Value.NonNull) -> SQLCondition { column.eq(value) }
    public static func != (column: Self, value: Value.NonNull) -> SQLCondition { column.neq(value) }
    public static func < (column: Self, value: Value.NonNull) -> SQLCondition { column.lt(value) }
    public static func <= (column: Self, value: Value.NonNull) -> SQLCondition { column.lte(value) }
    public static func > (column: Self, value: Value.NonNull) -> SQLCondition { column.gt(value) }
    public static func >= (column: Self, value: Value.NonNull) -> SQLCondition { column.gte(value) }
}
