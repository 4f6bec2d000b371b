/// The statements that load a relation for a batch of rows: one statement whatever the
/// number of rows, `= ANY($1)` over one array for a single-column key, and
/// `IN (SELECT * FROM unnest($1::type[], …))` over one array per column for composite keys.
@_spi(Generated)
public enum RelationStatements {
    /// The distinct non-NULL keys of `rows` over `columns` (a key with a NULL matches nothing).
    public static func keys<E: Entity>(of rows: [E], columns: [E.Column]) -> (perRow: [[SQLLiteral]?], distinct: [[SQLLiteral]]) {
        let all = Array(E.Column.allCases)
        var slots = [Int?](repeating: nil, count: all.count)
        for (slot, column) in columns.enumerated() {
            if let position = all.firstIndex(of: column) { slots[position] = slot }
        }
        var perRow: [[SQLLiteral]?] = []
        perRow.reserveCapacity(rows.count)
        var seen = Set<[SQLLiteral]>()
        var distinct: [[SQLLiteral]] = []
        for row in rows {
            var collector = KeyCollector(slots: slots, count: columns.count)
            row.write(to: &collector)
            let key = collector.key
            if key.contains(.null) {
                perRow.append(nil)
                continue
            }
            perRow.append(key)
            if seen.insert(key).inserted { distinct.append(key) }
        }
        return (perRow, distinct)
    }

    /// `"c" = ANY($1)`, or `("c1", "c2") IN (SELECT * FROM unnest($1::t1[], $2::t2[]))`, for
    /// `columns` of `T` (qualified by `alias`) matching any of `keys`.
    public static func matching<T: Entity>(_ type: T.Type, _ columns: [T.Column], alias: String?, keys: [[SQLLiteral]]) -> SQLCondition {
        let names = columns.map { column in alias.map { SQLIdentifier.quote($0) + "." + column.quotedName } ?? column.quotedName }
        if columns.count == 1 {
            return SQLCondition("\(unsafeRaw: names[0]) = ANY(\(literal: .array(keys.map { $0[0] })))")
        }
        var fragment = SQLFragment(sql: "(" + names.joined(separator: ", ") + ") IN (SELECT * FROM unnest(")
        for (index, column) in columns.enumerated() {
            if index > 0 { fragment.append(sql: ", ") }
            fragment.append(SQLFragment(literal: .array(keys.map { $0[index] })))
            fragment.append(sql: "::\(column.definition.sqlType)[]")
        }
        fragment.append(sql: "))")
        return SQLCondition(fragment)
    }
}

/// Collects the literals of a row's key columns only: the other columns are passed over
/// without being formatted, which for a relation's targets is most of the row.
struct KeyCollector: RowWriter {
    /// For each column position, the key slot it fills, if any.
    let slots: [Int?]
    private var position = 0
    private(set) var key: [SQLLiteral]

    init(slots: [Int?], count: Int) {
        self.slots = slots
        key = Array(repeating: .null, count: count)
    }

    mutating func write<Value: ColumnValue>(_ value: Value) {
        if position < slots.count, let slot = slots[position] { key[slot] = value.sqlLiteral }
        position += 1
    }

    mutating func writeDefault() {
        position += 1
    }
}

extension Array {
    /// Splits `flat`, the results for `self.joined()` in order, back into `self`'s groups:
    /// after loading a relation for every child of every parent at once, each parent gets its
    /// children's results.
    public func regrouped<Inner, Result>(_ flat: [Result]) -> [[Result]] where Element == [Inner] {
        var result: [[Result]] = []
        result.reserveCapacity(count)
        var start = 0
        for group in self {
            let end = Swift.min(flat.count, start + group.count)
            result.append([Result](flat[start..<end]))
            start = end
        }
        return result
    }
}
