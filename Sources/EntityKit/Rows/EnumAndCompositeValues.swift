// How generated enums and composites are read and written: an enum as its label, a composite
// as a record whose fields its generated code reads and writes in attribute order.

extension PGEnum {
    /// An enum's binary form is its label, as is its text form.
    @_spi(Generated) public static func decode(_ cell: Cell) throws -> Self {
        let label = cell.text
        guard let value = Self(rawValue: label) else {
            throw CellDecodingError("\"\(label.prefix(100))\" is not a label of \(schemaName).\(typeName): regenerate the entities if the enum gained a value")
        }
        return value
    }

    /// Enum types have database-specific OIDs; a column read as text works too.
    @_spi(Generated) public static func accepts(typeOID: UInt32) -> Bool {
        typeOID >= TypeOID.firstUserOID || TypeOID.isText(typeOID)
    }

    public var sqlLiteral: SQLLiteral { .text(rawValue) }
}

extension PGComposite {
    /// A record: its binary form (`int32` field count, then each field's type OID, length and
    /// bytes), or its text form `(a,b,…)` when the composite is read through a text cast.
    @_spi(Generated) public static func decode(_ cell: Cell) throws -> Self {
        if cell.isText {
            var reader = try RecordReader(text: cell.text, fieldCount: attributeNames.count)
            return try Self(row: &reader)
        }
        var reader = try RecordReader(binary: cell.bytes)
        return try Self(row: &reader)
    }

    @_spi(Generated) public static func accepts(typeOID: UInt32) -> Bool {
        typeOID >= TypeOID.firstUserOID || typeOID == TypeOID.record || TypeOID.isText(typeOID)
    }

    public var sqlLiteral: SQLLiteral {
        var writer = LiteralCollector()
        write(to: &writer)
        return .record(writer.literals)
    }
}

/// Collects the literals a row or record writes, in order.
@_spi(Generated)
public struct LiteralCollector: RowWriter {
    /// The literals written so far; `nil` stands for a column left to its default.
    public private(set) var values: [SQLLiteral?] = []

    /// An empty collector.
    public init() {}

    /// A collector with room for `capacity` values.
    public init(capacity: Int) {
        values.reserveCapacity(capacity)
    }

    /// The literals, with defaults as NULL (records have no defaults).
    public var literals: [SQLLiteral] { values.map { $0 ?? .null } }

    public mutating func write<Value: ColumnValue>(_ value: Value) {
        values.append(value.sqlLiteral)
    }

    public mutating func writeDefault() {
        values.append(nil)
    }
}
