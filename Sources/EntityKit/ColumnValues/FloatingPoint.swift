// `real` and `double precision`: the IEEE 754 bits as a big-endian integer of their width
// (pq_sendfloat4/8), or the text PostgreSQL prints, where the special values are words.

extension Float: ColumnValue {
    /// A `real` (or a domain over it), or its text.
    @_spi(Generated) public static func decode(_ cell: Cell) throws -> Float {
        if cell.typeOID == TypeOID.float4 || (cell.isUserType && cell.bytes.count == 4) {
            return Float(bitPattern: try cell.integer(UInt32.self, "real"))
        }
        return try decodeFloatText(cell)
    }

    /// `double precision` is not read: it would round.
    @_spi(Generated) public static func accepts(typeOID: UInt32) -> Bool {
        typeOID == TypeOID.float4 || TypeOID.isText(typeOID) || typeOID >= TypeOID.firstUserOID
    }

    /// The shortest text that reads back as this value; `NaN`, `Infinity`, `-Infinity`.
    public var sqlLiteral: SQLLiteral { .text(floatLiteral(self)) }
}

extension Double: ColumnValue {
    /// A `double precision` or a `real` (or a domain over either), or its text.
    @_spi(Generated) public static func decode(_ cell: Cell) throws -> Double {
        if cell.typeOID == TypeOID.float8 || (cell.isUserType && cell.bytes.count == 8) {
            return Double(bitPattern: try cell.integer(UInt64.self, "double precision"))
        }
        // A `real` widens exactly.
        if cell.typeOID == TypeOID.float4 || cell.isUserType {
            return Double(Float(bitPattern: try cell.integer(UInt32.self, "real")))
        }
        return try decodeFloatText(cell)
    }

    /// `double precision`, `real`, text and user-defined types (domains).
    @_spi(Generated) public static func accepts(typeOID: UInt32) -> Bool {
        typeOID == TypeOID.float8 || typeOID == TypeOID.float4 || TypeOID.isText(typeOID) || typeOID >= TypeOID.firstUserOID
    }

    /// The shortest text that reads back as this value; `NaN`, `Infinity`, `-Infinity`.
    public var sqlLiteral: SQLLiteral { .text(floatLiteral(self)) }
}

/// Reads a text cell: `NaN`, `Infinity`, `-Infinity` as PostgreSQL spells them, or a number.
private func decodeFloatText<Value: BinaryFloatingPoint & LosslessStringConvertible>(_ cell: Cell) throws -> Value {
    guard cell.isText else { throw cell.unexpectedType(for: Value.self) }
    let text = cell.text
    switch text {
    case "NaN": return .nan
    case "Infinity": return .infinity
    case "-Infinity": return -.infinity
    default:
        guard let value = Value(text) else { throw CellDecodingError("\"\(text.prefix(40))\" is not a \(Value.self)") }
        return value
    }
}

/// The shortest text that reads back as the same value; PostgreSQL spells the special values
/// in words.
private func floatLiteral<Value: BinaryFloatingPoint & CustomStringConvertible>(_ value: Value) -> String {
    if value.isNaN { return "NaN" }
    if value == .infinity { return "Infinity" }
    if value == -.infinity { return "-Infinity" }
    return value.description
}
