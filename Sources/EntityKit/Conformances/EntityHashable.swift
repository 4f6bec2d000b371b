/// `Equatable` and `Hashable` for every entity that declares `Hashable`, through
/// `write(to:)`: the column values in order, compared and hashed as the compiler's
/// synthesized conformance compares and hashes the stored properties (the same hash values, since
/// the properties are the columns in the same order).
///
/// Implemented once here, generically, instead of synthesized in every generated file: the
/// synthesized pair was the largest single part of a generated entity's compiled code. Each
/// value goes through `hashColumnValue(into:)` and
/// `isEqualColumnValue(to:)`; comparing two rows also gathers one row's values
/// into an array first, so `==` costs a few times what the synthesized one did (see the
/// runtime benchmark's conformance figures).
extension Entity where Self: Hashable {
    /// True when every column value of `lhs` equals that of `rhs`.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        var left = ColumnValueList()
        lhs.write(to: &left)
        var right = ColumnValueComparer(expected: left.values)
        rhs.write(to: &right)
        return right.isEqual && right.position == left.values.count
    }

    /// Feeds every column value, in column order, to `hasher`.
    public func hash(into hasher: inout Hasher) {
        var writer = HashingRowWriter(hasher: hasher)
        write(to: &writer)
        hasher = writer.hasher
    }
}

/// A row's values, kept for comparison with another row's; nil where the database's default
/// was written (only drafts write one).
private struct ColumnValueList: RowWriter {
    var values: [(any ColumnValue)?] = []

    init() {
        values.reserveCapacity(32)
    }

    mutating func write<Value: ColumnValue>(_ value: Value) {
        values.append(value)
    }

    mutating func writeDefault() {
        values.append(nil)
    }
}

/// Compares a row's values, as they are written, with those of another row of the same entity.
private struct ColumnValueComparer: RowWriter {
    let expected: [(any ColumnValue)?]
    private(set) var position = 0
    private(set) var isEqual = true

    init(expected: [(any ColumnValue)?]) {
        self.expected = expected
    }

    mutating func write<Value: ColumnValue>(_ value: Value) {
        defer { position += 1 }
        guard isEqual, position < expected.count, let stored = expected[position] else {
            isEqual = false
            return
        }
        isEqual = Self.matches(stored, value)
    }

    mutating func writeDefault() {
        defer { position += 1 }
        if position >= expected.count || expected[position] != nil { isEqual = false }
    }

    /// Both rows are of one entity, so the values at one position are of one type: checked by
    /// comparing the types, which costs no dynamic cast.
    private static func matches<Stored: ColumnValue, Value: ColumnValue>(_ stored: Stored, _ value: Value) -> Bool {
        guard Stored.self == Value.self else { return false }
        return unsafeBitCast(stored, to: Value.self).isEqualColumnValue(to: value)
    }
}

/// Hashes a row's values in order.
private struct HashingRowWriter: RowWriter {
    var hasher: Hasher

    mutating func write<Value: ColumnValue>(_ value: Value) {
        value.hashColumnValue(into: &hasher)
    }

    mutating func writeDefault() {
        hasher.combine(SQLLiteral.null)
    }
}
