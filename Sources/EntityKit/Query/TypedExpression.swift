/// An SQL expression whose values are `Value`: a column, an aggregate, or SQL of your own
/// with a declared type. Comparisons take the expression's own type only; ``isNull()`` exists
/// only for nullable expressions and ``like(_:)`` only for text.
public protocol TypedExpression: Sendable {
    /// The Swift type of the expression's values: optional when it may be NULL.
    associatedtype Value: ColumnValue
    /// The expression's SQL.
    var expression: SQLFragment { get }
    /// The expression as a select list reads it: with a cast to `text` for a column whose type
    /// EntityKit reads only from text. By default, ``expression``.
    var readExpression: SQLFragment { get }
    /// The expression as an item of a select list: ``readExpression``, named when it needs a
    /// name (a cast column keeps its column name; ``NamedExpression`` gives its own).
    var selectItem: SQLFragment { get }
}

/// An SQL expression of a declared type, such as an aggregate: `$0.id.count`.
public struct SQLExpression<Value: ColumnValue>: TypedExpression, Hashable {
    public let expression: SQLFragment

    /// SQL of your own whose values are `Value`: `SQLExpression<Int32>("length(\($0.name))")`.
    public init(_ expression: SQLFragment) {
        self.expression = expression
    }
}

extension SQLExpression where Value == Int64 {
    /// `count(*)`.
    public static var countAll: SQLExpression<Int64> { SQLExpression("count(*)") }
}

extension TypedExpression {
    private func compare(_ operation: String, _ value: Value.NonNull) -> SQLCondition {
        SQLCondition("\(expression) \(unsafeRaw: operation) \(value)")
    }

    /// `expression = value`.
    public func eq(_ value: Value.NonNull) -> SQLCondition { compare("=", value) }
    /// `expression <> value`.
    public func neq(_ value: Value.NonNull) -> SQLCondition { compare("<>", value) }
    /// `expression < value`.
    public func lt(_ value: Value.NonNull) -> SQLCondition { compare("<", value) }
    /// `expression <= value`.
    public func lte(_ value: Value.NonNull) -> SQLCondition { compare("<=", value) }
    /// `expression > value`.
    public func gt(_ value: Value.NonNull) -> SQLCondition { compare(">", value) }
    /// `expression >= value`.
    public func gte(_ value: Value.NonNull) -> SQLCondition { compare(">=", value) }

    /// `expression BETWEEN lower AND upper`.
    public func between(_ lower: Value.NonNull, _ upper: Value.NonNull) -> SQLCondition {
        SQLCondition("\(expression) BETWEEN \(lower) AND \(upper)")
    }

    /// `expression = ANY($1)`, with the values bound as one array: any number of values is one
    /// parameter and one statement.
    public func `in`(_ values: some Sequence<Value.NonNull>) -> SQLCondition {
        SQLCondition("\(expression) = ANY(\(literal: .array(values.map(\.sqlLiteral))))")
    }

    /// `NOT (expression = ANY($1))`.
    public func notIn(_ values: some Sequence<Value.NonNull>) -> SQLCondition {
        !self.in(values)
    }

    /// `expression = other`, for another expression of the same type (a join condition).
    public func eq<Other: TypedExpression>(_ other: Other) -> SQLCondition where Other.Value.NonNull == Value.NonNull {
        SQLCondition("\(expression) = \(other.expression)")
    }

    /// Ascending order.
    public var ascending: SQLOrdering { SQLOrdering(expression, direction: .ascending) }
    /// Descending order.
    public var descending: SQLOrdering { SQLOrdering(expression, direction: .descending) }
    /// Ascending order, with NULLs first or last.
    public func ascending(nulls: SQLOrdering.Nulls) -> SQLOrdering { SQLOrdering(expression, direction: .ascending, nulls: nulls) }
    /// Descending order, with NULLs first or last.
    public func descending(nulls: SQLOrdering.Nulls) -> SQLOrdering { SQLOrdering(expression, direction: .descending, nulls: nulls) }

    // Aggregates.

    /// `count(expression)`: the rows where it is not NULL.
    public var count: SQLExpression<Int64> { SQLExpression("count(\(expression))") }
    /// `count(DISTINCT expression)`.
    public var countDistinct: SQLExpression<Int64> { SQLExpression("count(DISTINCT \(expression))") }
    /// `min(expression)`: NULL over no rows.
    public var min: SQLExpression<Value.NonNull?> { SQLExpression("min(\(expression))") }
    /// `max(expression)`: NULL over no rows.
    public var max: SQLExpression<Value.NonNull?> { SQLExpression("max(\(expression))") }

    // Comparison operators spell the same: `$0.email == "a@b.c"`, `$0.age >= 18`.
    /// `expression = value` (`eq(_:)`).
    public static func == (lhs: Self, value: Value.NonNull) -> SQLCondition { lhs.eq(value) }
    /// `expression <> value` (``neq(_:)``).
    public static func != (lhs: Self, value: Value.NonNull) -> SQLCondition { lhs.neq(value) }
    /// `expression < value` (``lt(_:)``).
    public static func < (lhs: Self, value: Value.NonNull) -> SQLCondition { lhs.lt(value) }
    /// `expression <= value` (``lte(_:)``).
    public static func <= (lhs: Self, value: Value.NonNull) -> SQLCondition { lhs.lte(value) }
    /// `expression > value` (``gt(_:)``).
    public static func > (lhs: Self, value: Value.NonNull) -> SQLCondition { lhs.gt(value) }
    /// `expression >= value` (``gte(_:)``).
    public static func >= (lhs: Self, value: Value.NonNull) -> SQLCondition { lhs.gte(value) }
}

extension TypedExpression where Value: NullableColumnValue {
    /// `expression IS NULL`: only for nullable columns and expressions.
    public func isNull() -> SQLCondition { SQLCondition("\(expression) IS NULL") }
    /// `expression IS NOT NULL`: only for nullable columns and expressions.
    public func isNotNull() -> SQLCondition { SQLCondition("\(expression) IS NOT NULL") }
}

extension TypedExpression where Value.NonNull == String {
    /// `expression LIKE pattern`: only for text. The argument is a **pattern**: `%` matches any
    /// run of characters, `_` any one character and `\` escapes the next one. Never pass text
    /// a user typed as it is (a search for `50%` would match `500`): use ``contains(_:caseInsensitive:)``,
    /// ``hasPrefix(_:caseInsensitive:)`` or ``hasSuffix(_:caseInsensitive:)``, or escape it with
    /// ``LikePattern/escaping(_:)``.
    public func like(_ pattern: String) -> SQLCondition { SQLCondition("\(expression) LIKE \(pattern)") }
    /// `expression ILIKE pattern` (case-insensitive): only for text. The argument is a pattern,
    /// as for ``like(_:)``.
    public func ilike(_ pattern: String) -> SQLCondition { SQLCondition("\(expression) ILIKE \(pattern)") }

    /// True when the text contains `text` literally: `%`, `_` and `\` in it match only
    /// themselves. `caseInsensitive` uses `ILIKE`.
    public func contains(_ text: String, caseInsensitive: Bool = false) -> SQLCondition {
        matching(LikePattern(containing: text), caseInsensitive: caseInsensitive)
    }

    /// True when the text starts with `prefix` literally (`%`, `_` and `\` match only themselves).
    public func hasPrefix(_ prefix: String, caseInsensitive: Bool = false) -> SQLCondition {
        matching(LikePattern(prefix: prefix), caseInsensitive: caseInsensitive)
    }

    /// True when the text ends with `suffix` literally (`%`, `_` and `\` match only themselves).
    public func hasSuffix(_ suffix: String, caseInsensitive: Bool = false) -> SQLCondition {
        matching(LikePattern(suffix: suffix), caseInsensitive: caseInsensitive)
    }

    private func matching(_ pattern: LikePattern, caseInsensitive: Bool) -> SQLCondition {
        caseInsensitive ? ilike(pattern.pattern) : like(pattern.pattern)
    }
}

/// Column types with a `sum` and an `avg`, and the types PostgreSQL gives them.
public protocol SummableColumnValue: ColumnValue {
    /// The type of `sum(column)`: `bigint` for `smallint` and `integer`, `numeric` for `bigint`.
    associatedtype Sum: ColumnValue
    /// The type of `avg(column)`.
    associatedtype Average: ColumnValue
}

extension TypedExpression where Value.NonNull: SummableColumnValue {
    /// `sum(expression)`: NULL over no rows.
    public var sum: SQLExpression<Value.NonNull.Sum?> { SQLExpression("sum(\(expression))") }
    /// `avg(expression)`: NULL over no rows.
    public var average: SQLExpression<Value.NonNull.Average?> { SQLExpression("avg(\(expression))") }
}
