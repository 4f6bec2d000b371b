/// `column = value` in an UPDATE.
public struct ColumnAssignment<Root: Entity>: Sendable, Hashable {
    /// The column to set.
    public let column: Root.Column
    /// The new value: a bound value, `DEFAULT`, or an expression of your own.
    public let value: SQLFragment

    /// `column = value`; ``TableColumn/set(_:)``, ``TableColumn/set(to:)`` and
    /// ``TableColumn/setDefault()`` build these from typed columns.
    public init(_ column: Root.Column, _ value: SQLFragment) {
        self.column = column
        self.value = value
    }

    var fragment: SQLFragment { "\(unsafeRaw: column.quotedName) = \(value)" }
}

extension TableColumn {
    /// Sets the column to `value` (NULL for nil, on a nullable column).
    public func set(_ value: Value) -> ColumnAssignment<Root> {
        ColumnAssignment(column, SQLFragment(value: value))
    }

    /// Sets the column to an SQL expression: `$0.loginCount.set(to: "\($0.loginCount) + 1")`.
    public func set(to expression: SQLFragment) -> ColumnAssignment<Root> {
        ColumnAssignment(column, expression)
    }

    /// Sets the column to its default.
    public func setDefault() -> ColumnAssignment<Root> {
        ColumnAssignment(column, "DEFAULT")
    }
}

/// Collects the assignments of an update: `{ $0.emailVerified.set(true); $0.updatedAt.set(now) }`.
@resultBuilder
public enum AssignmentBuilder<Root: Entity> {
    /// One assignment.
    public static func buildExpression(_ assignment: ColumnAssignment<Root>) -> [ColumnAssignment<Root>] { [assignment] }
    /// A list built at run time (the columns a form changed, say).
    public static func buildExpression(_ assignments: [ColumnAssignment<Root>]) -> [ColumnAssignment<Root>] { assignments }
    /// The assignments in the order written.
    public static func buildBlock(_ parts: [ColumnAssignment<Root>]...) -> [ColumnAssignment<Root>] { parts.flatMap { $0 } }
    /// An `if` without `else`: nothing when its condition is false.
    public static func buildOptional(_ part: [ColumnAssignment<Root>]?) -> [ColumnAssignment<Root>] { part ?? [] }
    /// The first branch of an `if`/`else` or `switch`.
    public static func buildEither(first part: [ColumnAssignment<Root>]) -> [ColumnAssignment<Root>] { part }
    /// The second branch of an `if`/`else` or `switch`.
    public static func buildEither(second part: [ColumnAssignment<Root>]) -> [ColumnAssignment<Root>] { part }
    /// A `for` loop's assignments.
    public static func buildArray(_ parts: [[ColumnAssignment<Root>]]) -> [ColumnAssignment<Root>] { parts.flatMap { $0 } }
}
