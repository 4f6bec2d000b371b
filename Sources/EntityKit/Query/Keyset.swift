/// Keyset ("seek") pagination over an ordered list of columns whose values together are
/// unique (end with the primary key): each page starts after the previous page's last key,
/// so rows inserted meanwhile never shift a page, and every row is visited once.
///
/// ```swift
/// let feed = Message.all().keyset { ($0.sentAt, $0.id) }
/// var page = try await db.page(feed, after: nil, limit: 50)
/// while let next = page.next { page = try await db.page(feed, after: next, limit: 50) }
/// ```
public struct KeysetQuery<E: Entity, each Key: ColumnValue>: Sendable {
    let base: EntityQuery<E>
    let keys: [SQLFragment]
    /// True to walk the keys from the largest down.
    public let descending: Bool

    init(base: EntityQuery<E>, keys: [SQLFragment], descending: Bool) {
        self.base = base
        self.keys = keys
        self.descending = descending
    }

    /// The page after `cursor` (the first page for nil): the entity's columns, then the key
    /// columns again to read the next cursor from. The base query's order, limit and offset
    /// give way to the keys'.
    public func statement(after cursor: (repeat each Key)?, limit: Int) -> SQLStatement {
        var fragment = SQLFragment(sql: "SELECT \(E.selectList()), ")
        fragment.append(.joined(keys, separator: ", "))
        fragment.append(sql: " FROM \(E.qualifiedTableName)")
        var conditions = base.condition.map { [$0] } ?? []
        if let cursor {
            var values: [SQLFragment] = []
            for value in repeat each cursor { values.append(SQLFragment(value: value)) }
            let row = "(" + SQLFragment.joined(keys, separator: ", ") + ")"
            let bound = "(" + SQLFragment.joined(values, separator: ", ") + ")"
            conditions.append(SQLCondition(row + (descending ? " < " : " > ") + bound))
        }
        if !conditions.isEmpty { fragment.append(" WHERE " + SQLCondition.all(conditions).fragment) }
        fragment.append(sql: " ORDER BY ")
        fragment.append(.joined(keys.map { $0 + (descending ? " DESC" : " ASC") }, separator: ", "))
        fragment.append(sql: " LIMIT \(max(0, limit))")
        if limit < 1 { fragment.append(.rejected(.invalidArgument(name: "limit", value: limit, expected: "1 or more"))) }
        return fragment.statement()
    }
}

extension EntityQuery {
    /// Pages through the query's rows by the given key columns (together unique; end with the
    /// primary key), ascending or descending. Nullable keys are not supported: NULL never
    /// compares.
    public func keyset<each Term: TypedExpression>(
        descending: Bool = false, by build: (E.TableColumns) -> (repeat each Term)
    ) -> KeysetQuery<E, repeat (each Term).Value> {
        let terms = build(E.columns)
        var keys: [SQLFragment] = []
        for term in repeat each terms { keys.append(term.expression) }
        return KeysetQuery(base: self, keys: keys, descending: descending)
    }
}
