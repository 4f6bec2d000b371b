/// Reads the cells of one row in order. Generated entities read themselves through it, one
/// cell per column in the order of their select list (`init(row:)`); composite
/// values read their fields the same way.
///
/// A reader checks the result's columns (count, names, types) once per result set, before
/// the first row, so per cell it only handles NULL and the bytes.
@_spi(Generated)
public protocol RowReader {
    /// The next cell's value.
    mutating func next<Value: ColumnValue>(_ type: Value.Type) throws -> Value
}

/// Receives the values of one row in order. Generated entities and drafts write themselves
/// through it (`write(to:)`); the writer picks the columns a statement needs.
@_spi(Generated)
public protocol RowWriter {
    /// The next column's value.
    mutating func write<Value: ColumnValue>(_ value: Value)
    /// The next column takes its default (a draft that leaves the column to the database).
    mutating func writeDefault()
}

extension RowWriter {
    /// The next column's value, or its default when nil.
    public mutating func write<Value: ColumnValue>(orDefault value: Value?) {
        if let value { write(value) } else { writeDefault() }
    }
}
