/// `column = value` in an UPDATE.
public struct ColumnAssignment<Root: Entity>: Sendable, Hashable {
    public let column: Root.Column
    public let value: SQLFragment

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
    public static func buildExpression(_ assignment: ColumnAssignment<Root>) -> [ColumnAssignment<Root>] { [assignment] }
    public static func buildBlock(_ parts: [ColumnAssignment<Root>]...) -> [ColumnAssignment<Root>] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [ColumnAssignment<Root>]?) -> [ColumnAssignment<Root>] { part ?? [] }
    public static func buildEither(first part: [ColumnAssignment<Root>]) -> [ColumnAssignment<Root>] { part }
    public static func buildEither(second part: [ColumnAssignment<Root>]) -> [ColumnAssignment<Root>] { part }
    public static func buildArray(_ parts: [[ColumnAssignment<Root>]]) -> [ColumnAssignment<Root>] { parts.flatMap { $0 } }
}
