/// A SELECT over one entity, as a value: its conditions, order, limit and offset. Its SQL and
/// bindings can be inspected without a database (``selectStatement``); EntityKitPostgres runs
/// it.
///
/// ```swift
/// let recent = User.where { $0.emailVerified == true && $0.createdAt > cutoff }
///     .order { $0.createdAt.descending }
///     .limit(20)
/// ```
public struct EntityQuery<E: Entity>: Sendable {
    /// The WHERE condition; nil selects every row.
    public private(set) var condition: SQLCondition?
    /// The ORDER BY terms, in the order given.
    public private(set) var ordering: [SQLOrdering] = []
    /// The LIMIT; nil for none.
    public private(set) var limitCount: Int?
    /// The OFFSET; nil for none.
    public private(set) var offsetCount: Int?
    /// A row lock (`FOR UPDATE`…), if any.
    public private(set) var lock: RowLock?
    /// GROUP BY terms, for projections.
    public internal(set) var grouping: [SQLFragment] = []
    /// The HAVING condition, for projections.
    public internal(set) var havingCondition: SQLCondition?
    /// An argument the query could not express (a negative limit or offset): its statements
    /// carry it as their ``SQLStatement/rejection``.
    public private(set) var rejection: SQLRejection?

    /// Every row of `E`, unordered: `EntityQuery(User.self)`, which `User.all()` spells too.
    public init(_ type: E.Type = E.self) {}

    /// Keeps the rows where `build` holds, in addition to earlier conditions (AND): a
    /// condition, or a `Bool` column (``SQLPredicate``).
    public func `where`(_ build: (E.TableColumns) -> some SQLPredicate) -> Self {
        var copy = self
        let added = build(E.columns).condition
        copy.condition = condition.map { $0 && added } ?? added
        return copy
    }

    /// Orders by `build`'s terms, after earlier ones.
    public func order(_ build: (E.TableColumns) -> SQLOrdering) -> Self {
        var copy = self
        copy.ordering.append(build(E.columns))
        return copy
    }

    /// Orders by several terms, after earlier ones.
    public func order(_ build: (E.TableColumns) -> [SQLOrdering]) -> Self {
        var copy = self
        copy.ordering += build(E.columns)
        return copy
    }

    /// At most `count` rows. A negative count makes the query's statements refused with
    /// ``SQLRejection/invalidArgument(name:value:expected:)`` when run.
    public func limit(_ count: Int) -> Self {
        var copy = self
        copy.limitCount = max(0, count)
        if count < 0 { copy.rejection = .invalidArgument(name: "limit", value: count, expected: "0 or more") }
        return copy
    }

    /// Skips the first `count` rows. A negative count makes the query's statements refused
    /// when run, as for ``limit(_:)``.
    public func offset(_ count: Int) -> Self {
        var copy = self
        copy.offsetCount = max(0, count)
        if count < 0 { copy.rejection = .invalidArgument(name: "offset", value: count, expected: "0 or more") }
        return copy
    }

    /// Locks the selected rows until the transaction ends (`FOR UPDATE`, `FOR SHARE`…),
    /// optionally skipping rows locked by others (the job-queue pattern) or failing at once.
    public func locking(_ strength: RowLock.Strength = .update, _ wait: RowLock.Wait = .wait) -> Self {
        var copy = self
        copy.lock = RowLock(strength: strength, wait: wait)
        return copy
    }

    /// ` WHERE …`, or nothing.
    var whereClause: SQLFragment {
        condition.map { " WHERE " + $0.fragment } ?? SQLFragment(sql: "")
    }

    /// ` ORDER BY … LIMIT … OFFSET …`, as far as set.
    var orderAndLimitClause: SQLFragment {
        var fragment = SQLFragment(sql: "")
        if !ordering.isEmpty {
            fragment.append(sql: " ORDER BY ")
            fragment.append(.joined(ordering.map(\.fragment), separator: ", "))
        }
        if let limitCount { fragment.append(sql: " LIMIT \(limitCount)") }
        if let offsetCount { fragment.append(sql: " OFFSET \(offsetCount)") }
        if let rejection { fragment.append(.rejected(rejection)) }
        return fragment
    }

    /// `SELECT <every column> FROM <table> …`: read with `init(row:)`.
    public var selectStatement: SQLStatement {
        var fragment = SQLFragment(sql: "SELECT \(E.selectList()) FROM \(E.qualifiedTableName)")
        fragment.append(whereClause)
        fragment.append(orderAndLimitClause)
        if let lock { fragment.append(sql: lock.sql) }
        return fragment.statement()
    }

    /// `SELECT count(*)` of the rows the query selects (its limit and offset applied).
    public var countStatement: SQLStatement {
        if limitCount == nil && offsetCount == nil {
            var fragment = SQLFragment(sql: "SELECT count(*) FROM \(E.qualifiedTableName)")
            fragment.append(whereClause)
            return fragment.statement()
        }
        var fragment = SQLFragment(sql: "SELECT count(*) FROM (SELECT 1 FROM \(E.qualifiedTableName)")
        fragment.append(whereClause)
        fragment.append(orderAndLimitClause)
        fragment.append(sql: ") AS counted")
        return fragment.statement()
    }

    /// `SELECT EXISTS (…)`.
    public var existsStatement: SQLStatement {
        var fragment = SQLFragment(sql: "SELECT EXISTS (SELECT 1 FROM \(E.qualifiedTableName)")
        fragment.append(whereClause)
        fragment.append(orderAndLimitClause)
        fragment.append(sql: ")")
        return fragment.statement()
    }
}

extension Entity {
    /// Every row: a query to refine.
    public static func all() -> EntityQuery<Self> { EntityQuery() }

    /// The rows where `build` holds: a condition, or a `Bool` column (``SQLPredicate``).
    public static func `where`(_ build: (TableColumns) -> some SQLPredicate) -> EntityQuery<Self> {
        EntityQuery().where(build)
    }

    /// Every row, ordered.
    public static func order(_ build: (TableColumns) -> SQLOrdering) -> EntityQuery<Self> {
        EntityQuery().order(build)
    }

    /// Every row, ordered by several terms.
    public static func order(_ build: (TableColumns) -> [SQLOrdering]) -> EntityQuery<Self> {
        EntityQuery().order(build)
    }
}

/// A row lock taken by a SELECT.
public struct RowLock: Sendable, Hashable {
    /// How strongly the rows are locked: the `FOR …` clause.
    public enum Strength: String, Sendable {
        /// `FOR UPDATE`: for rows about to be updated or deleted; blocks every other lock.
        case update = "UPDATE"
        /// `FOR NO KEY UPDATE`: for updates that leave key columns alone; foreign-key checks
        /// (`KEY SHARE`) still proceed.
        case noKeyUpdate = "NO KEY UPDATE"
        /// `FOR SHARE`: keeps the rows from changing; other transactions may share the lock.
        case share = "SHARE"
        /// `FOR KEY SHARE`: keeps the rows' keys from changing, as a foreign-key check does.
        case keyShare = "KEY SHARE"
    }

    /// What the SELECT does about rows another transaction has locked.
    public enum Wait: String, Sendable {
        /// Wait for rows other transactions have locked.
        case wait = ""
        /// Leave out rows other transactions have locked: workers take different jobs.
        case skipLocked = " SKIP LOCKED"
        /// Fail at once when a row is locked.
        case noWait = " NOWAIT"
    }

    /// The lock taken.
    public var strength: Strength
    /// Whether to wait for, skip or fail on rows locked by others.
    public var wait: Wait

    var sql: String { " FOR \(strength.rawValue)\(wait.rawValue)" }
}
