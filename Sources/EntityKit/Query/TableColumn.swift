/// The typed column references of an entity, as generated (`User.TableColumns`): what the
/// closures of a query receive.
public protocol ColumnReferences: Sendable {
    /// The entity whose columns these are.
    associatedtype Root: Entity

    /// References qualified by `alias` (as in a join), or unqualified when nil.
    init(alias: String?)
}

extension Entity {
    /// The entity's typed column references, unqualified: `User.columns.email`.
    public static var columns: TableColumns { TableColumns(alias: nil) }
}

/// A column of `Root` whose values are `Value` (optional when the column is nullable). It is a
/// ``TypedExpression``: its comparisons take the column's own type only, ``TypedExpression/isNull()`` exists
/// only for nullable columns and ``TypedExpression/like(_:)`` only for text.
public struct TableColumn<Root: Entity, Value: ColumnValue>: Sendable, Hashable {
    /// The column.
    public let column: Root.Column
    /// The table alias that qualifies the column in a join; nil for a single table.
    public let alias: String?

    /// A reference to `column`, qualified by the table alias `alias` when not nil; generated
    /// `TableColumns` make these.
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
}

extension TableColumn: TypedExpression {}
