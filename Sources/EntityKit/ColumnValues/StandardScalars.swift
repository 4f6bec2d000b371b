import Foundation

// The standard library's scalars and Foundation's UUID: fixed-width binary forms, and the text
// forms PostgreSQL prints for columns read as text.

extension String: ColumnValue {
    /// Text types send their UTF-8 bytes; so does everything read through a cast to `text`.
    @_spi(Generated) public static func decode(_ cell: Cell) throws -> String { cell.text }

    @_spi(Generated) public static func accepts(typeOID: UInt32) -> Bool {
        TypeOID.isText(typeOID) || typeOID == TypeOID.xml || typeOID == TypeOID.json || typeOID >= TypeOID.firstUserOID
    }

    public var sqlLiteral: SQLLiteral { .text(self) }
}

extension Bool: ColumnValue {
    @_spi(Generated) public static func decode(_ cell: Cell) throws -> Bool {
        if cell.isText {
            switch cell.text {
            case "t", "true": return true
            case "f", "false": return false
            default: throw CellDecodingError("\"\(cell.text.prefix(20))\" is not a boolean")
            }
        }
        guard cell.bytes.count == 1 else { throw CellDecodingError.length(cell.bytes.count, expected: "1", for: "boolean") }
        return cell.bytes[0] != 0
    }

    @_spi(Generated) public static func accepts(typeOID: UInt32) -> Bool {
        typeOID == TypeOID.bool || TypeOID.isText(typeOID) || typeOID >= TypeOID.firstUserOID
    }

    public var sqlLiteral: SQLLiteral { .text(self ? "true" : "false") }
}

/// Integers: big-endian two's complement of the column's width. A narrower column widens
/// (an `int2` into `Int32`); a wider one is read only when the value fits.
protocol IntegerColumnValue: ColumnValue, FixedWidthInteger {}

extension IntegerColumnValue {
    public static func decode(_ cell: Cell) throws -> Self {
        let value: Int64
        switch cell.bytes.count {
        case 2 where !cell.isText: value = Int64(Int16(bigEndian: cell.bytes.loadUnaligned(as: Int16.self)))
        case 4 where !cell.isText: value = Int64(Int32(bigEndian: cell.bytes.loadUnaligned(as: Int32.self)))
        case 8 where !cell.isText: value = Int64(bigEndian: cell.bytes.loadUnaligned(as: Int64.self))
        default:
            guard cell.isText, let parsed = Int64(cell.text) else {
                throw CellDecodingError.length(cell.bytes.count, expected: "2, 4 or 8", for: "integer")
            }
            value = parsed
        }
        guard let result = Self(exactly: value) else { throw CellDecodingError("\(value) does not fit in \(Self.self)") }
        return result
    }

    @_spi(Generated) public static func accepts(typeOID: UInt32) -> Bool {
        typeOID == TypeOID.int2 || typeOID == TypeOID.int4 || typeOID == TypeOID.int8
            || TypeOID.isText(typeOID) || typeOID >= TypeOID.firstUserOID
    }

    public var sqlLiteral: SQLLiteral { .text(String(self)) }
}

extension Int16: IntegerColumnValue {}
extension Int32: IntegerColumnValue {}
extension Int64: IntegerColumnValue {}

extension UUID: ColumnValue {
    @_spi(Generated) public static func decode(_ cell: Cell) throws -> UUID {
        if cell.isText {
            guard let uuid = UUID(uuidString: cell.text) else { throw CellDecodingError("\"\(cell.text.prefix(40))\" is not a UUID") }
            return uuid
        }
        guard cell.bytes.count == 16 else { throw CellDecodingError.length(cell.bytes.count, expected: "16", for: "uuid") }
        let b = cell.bytes
        return UUID(uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]))
    }

    @_spi(Generated) public static func accepts(typeOID: UInt32) -> Bool {
        typeOID == TypeOID.uuid || TypeOID.isText(typeOID) || typeOID >= TypeOID.firstUserOID
    }

    /// Lower case, as PostgreSQL prints it.
    public var sqlLiteral: SQLLiteral {
        let bytes = uuid
        return .text(withUnsafeBytes(of: bytes) { raw in
            ASCIIText.make(capacity: 36) { text in
                for (index, byte) in raw.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
                    text.appendHex(byte)
                }
            }
        })
    }
}
