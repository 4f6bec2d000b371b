/// Whether a join keeps left rows without a match.
public protocol JoinKind: Sendable {
    /// The join keyword as written in the FROM clause: `JOIN` or `LEFT JOIN`.
    static var sql: String { get }
}

/// `INNER JOIN`: only pairs that match.
public enum InnerJoin: JoinKind {
    /// `JOIN`.
    public static let sql = "JOIN"
}

/// `LEFT JOIN`: every left row, with the right side nil where nothing matches.
public enum LeftJoin: JoinKind {
    /// `LEFT JOIN`.
    public static let sql = "LEFT JOIN"
}

/// Two entities joined through a relation or a condition, with conditions and order on both
/// sides' typed columns. In SQL the left side is `"t0"`, the right side `"t1"`.
///
/// ```swift
/// let active = RefreshToken.join(RefreshToken.Relations.user)
///     .where { token, user in user.disabledAt.isNull() && token.revokedAt.isNull() }
/// ```
public struct JoinQuery<Left: Entity, Right: Entity, Kind: JoinKind>: Sendable {
    static var leftAlias: String { "t0" }
    static var rightAlias: String { "t1" }

    let on: SQLCondition
    /// The WHERE condition over both sides; nil keeps every pair the join condition makes.
    public private(set) var condition: SQLCondition?
    /// The ORDER BY terms, in the order given.
    public private(set) var ordering: [SQLOrdering] = []
    /// The LIMIT on pairs; nil for none.
    public private(set) var limitCount: Int?
    /// The OFFSET on pairs; nil for none.
    public private(set) var offsetCount: Int?
    /// A negative limit or offset, which the statement carries as its rejection.
    private var rejection: SQLRejection?

    init(on build: (Left.TableColumns, Right.TableColumns) -> some SQLPredicate) {
        on = build(Self.columns.left, Self.columns.right).condition
    }

    static var columns: (left: Left.TableColumns, right: Right.TableColumns) {
        (Left.TableColumns(alias: leftAlias), Right.TableColumns(alias: rightAlias))
    }

    /// Keeps the pairs where `build` holds (AND with earlier conditions).
    public func `where`(_ build: (Left.TableColumns, Right.TableColumns) -> some SQLPredicate) -> Self {
        var copy = self
        let added = build(Self.columns.left, Self.columns.right).condition
        copy.condition = condition.map { $0 && added } ?? added
        return copy
    }

    /// Orders by `build`'s terms, after earlier ones.
    public func order(_ build: (Left.TableColumns, Right.TableColumns) -> [SQLOrdering]) -> Self {
        var copy = self
        copy.ordering += build(Self.columns.left, Self.columns.right)
        return copy
    }

    /// Orders by one term, after earlier ones.
    public func order(_ build: (Left.TableColumns, Right.TableColumns) -> SQLOrdering) -> Self {
        order { [build($0, $1)] }
    }

    /// At most `count` rows (pairs). A negative count makes the statement refused when run.
    public func limit(_ count: Int) -> Self {
        var copy = self
        copy.limitCount = max(0, count)
        if count < 0 { copy.rejection = .invalidArgument(name: "limit", value: count, expected: "0 or more") }
        return copy
    }

    /// Skips the first `count` rows (pairs). A negative count makes the statement refused when run.
    public func offset(_ count: Int) -> Self {
        var copy = self
        copy.offsetCount = max(0, count)
        if count < 0 { copy.rejection = .invalidArgument(name: "offset", value: count, expected: "0 or more") }
        return copy
    }

    /// `FROM left t0 JOIN right t1 ON … WHERE … ORDER BY … LIMIT … OFFSET …`.
    private var fromAndClauses: SQLFragment {
        var fragment = SQLFragment(sql: " FROM \(Left.fromItem(alias: Self.leftAlias)) \(Kind.sql) \(Right.fromItem(alias: Self.rightAlias)) ON ")
        fragment.append(on.fragment)
        if let condition { fragment.append(" WHERE " + condition.fragment) }
        if !ordering.isEmpty {
            fragment.append(sql: " ORDER BY ")
            fragment.append(.joined(ordering.map(\.fragment), separator: ", "))
        }
        if let limitCount { fragment.append(sql: " LIMIT \(limitCount)") }
        if let offsetCount { fragment.append(sql: " OFFSET \(offsetCount)") }
        if let rejection { fragment.append(.rejected(rejection)) }
        return fragment
    }

    /// Both sides' columns: the left entity's, then the right's.
    public var selectStatement: SQLStatement {
        (SQLFragment(sql: "SELECT \(Left.selectList(alias: Self.leftAlias)), \(Right.selectList(alias: Self.rightAlias))") + fromAndClauses).statement()
    }

    /// The left entity's columns only: the rows of the left side that the join keeps.
    public var leftStatement: SQLStatement {
        (SQLFragment(sql: "SELECT \(Left.selectList(alias: Self.leftAlias))") + fromAndClauses).statement()
    }

    /// Selects values from both sides into typed tuples.
    public func select<each Term: TypedExpression>(
        _ build: (Left.TableColumns, Right.TableColumns) -> (repeat each Term)
    ) -> Projection<repeat (each Term).Value> {
        let terms = build(Self.columns.left, Self.columns.right)
        var items: [SQLFragment] = []
        for term in repeat each terms { items.append(term.selectItem) }
        let fragment = "SELECT " + SQLFragment.joined(items, separator: ", ") + fromAndClauses
        return Projection(statement: fragment.statement(), columnNames: [])
    }
}

extension JoinQuery where Kind == LeftJoin {
    /// Keeps the left rows that nothing on the right matches, told by a right-side column
    /// that is never NULL in a match (its primary key, or the column the join matches on):
    /// `.whereUnmatched { $0.id }`.
    public func whereUnmatched<Term: TypedExpression>(by build: (Right.TableColumns) -> Term) -> Self {
        var copy = self
        let added = SQLCondition("\(build(Self.columns.right).expression) IS NULL")
        copy.condition = condition.map { $0 && added } ?? added
        return copy
    }
}

extension JoinQuery {
    /// The join condition of a foreign key: each left column equals its right column.
    init<Source: Entity, Target: Entity>(pairs: [ColumnPair<Source, Target>]) {
        let left = SQLIdentifier.quote(Self.leftAlias)
        let right = SQLIdentifier.quote(Self.rightAlias)
        let conditions = pairs.map { pair in
            SQLCondition(SQLFragment(sql: "\(left).\(pair.source.quotedName) = \(right).\(pair.target.quotedName)"))
        }
        on = SQLCondition.all(conditions)
    }
}

extension Entity {
    /// Joins the row a foreign key points at: `RefreshToken.join(RefreshToken.Relations.user)`.
    public static func join<Target>(_ relation: BelongsTo<Self, Target>) -> JoinQuery<Self, Target, InnerJoin> {
        JoinQuery(pairs: relation.columns)
    }

    /// Joins the rows whose foreign key points here (one pair per match).
    public static func join<Target>(_ relation: HasMany<Self, Target>) -> JoinQuery<Self, Target, InnerJoin> {
        JoinQuery(pairs: relation.columns)
    }

    /// Joins the row whose unique foreign key points here.
    public static func join<Target>(_ relation: HasOne<Self, Target>) -> JoinQuery<Self, Target, InnerJoin> {
        JoinQuery(pairs: relation.columns)
    }

    /// Joins another entity on a condition of your own.
    public static func join<Target: Entity>(
        _ type: Target.Type, on build: (TableColumns, Target.TableColumns) -> some SQLPredicate
    ) -> JoinQuery<Self, Target, InnerJoin> {
        JoinQuery(on: build)
    }

    /// Left-joins the row a foreign key points at (nil where the key is NULL or dangles).
    public static func leftJoin<Target>(_ relation: BelongsTo<Self, Target>) -> JoinQuery<Self, Target, LeftJoin> {
        JoinQuery(pairs: relation.columns)
    }

    /// Left-joins the rows whose foreign key points here (one row with nil for none).
    public static func leftJoin<Target>(_ relation: HasMany<Self, Target>) -> JoinQuery<Self, Target, LeftJoin> {
        JoinQuery(pairs: relation.columns)
    }

    /// Left-joins the row whose unique foreign key points here.
    public static func leftJoin<Target>(_ relation: HasOne<Self, Target>) -> JoinQuery<Self, Target, LeftJoin> {
        JoinQuery(pairs: relation.columns)
    }

    /// Left-joins another entity on a condition of your own.
    public static func leftJoin<Target: Entity>(
        _ type: Target.Type, on build: (TableColumns, Target.TableColumns) -> some SQLPredicate
    ) -> JoinQuery<Self, Target, LeftJoin> {
        JoinQuery(on: build)
    }
}

/// A statement whose rows are whole rows of `E`, such as the left side of a join.
public struct EntitySelection<E: Entity>: Sendable {
    /// The SELECT, whose select list is `E`'s, in `init(row:)` order.
    public let statement: SQLStatement
}

extension JoinQuery {
    /// The rows of the left side that the join keeps, without the right side's columns: the
    /// right side only filters, as GRDB's `joining(required:)` does.
    /// `db.all(RefreshToken.join(RefreshToken.Relations.user).where { … }.leftRows())`.
    public func leftRows() -> EntitySelection<Left> {
        EntitySelection(statement: leftStatement)
    }
}
