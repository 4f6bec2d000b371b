import Foundation

/// Values that depend only on an entity type, computed once per type: the column names a
/// result must have, the SQL text of find and delete by primary key, and of one-row inserts
/// (one per shape: which columns are given, which are NULL). Computing them
/// allocates more than using them (the quoted select list, the table, the key columns), and
/// they are asked for on every row read or key lookup.
enum PerTypeCache {
    enum Value: Hashable {
        case columnNames
        case findSQL
        case deleteSQL
        /// Bit n: column n is given; of those, NULL.
        case insertSQL(given: UInt64, null: UInt64)
    }

    private struct Key: Hashable {
        let type: ObjectIdentifier
        let value: Value
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var values: [Key: any Sendable] = [:]

    /// `value` for `type`, made by `make` the first time.
    static func value<Result: Sendable>(for type: Any.Type, _ value: Value, make: () -> Result) -> Result {
        let key = Key(type: ObjectIdentifier(type), value: value)
        if let cached = lock.withLock({ values[key] }) as? Result { return cached }
        let made = make()
        lock.withLock { values[key] = made }
        return made
    }
}
