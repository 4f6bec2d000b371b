import Foundation

// Foundation's value types: `Data` for `bytea`, and `Date` and `Decimal`, which the generator
// does not choose (they cannot hold every value) but a type override may.

extension Data: ColumnValue {
    /// `bytea` sends its bytes as they are; its text form is `\x` and hex digits.
    @_spi(Generated) public static func decode(_ cell: Cell) throws -> Data {
        if cell.typeOID == TypeOID.bytea || cell.isUserType { return Data(cell.bytes) }
        guard cell.isText else { throw cell.unexpectedType(for: Data.self) }
        guard let data = ByteaText.decode(cell.bytes) else {
            throw CellDecodingError("\"\(cell.text.prefix(40))\" is not a bytea literal")
        }
        return data
    }

    /// `bytea`, text and user-defined types (domains).
    @_spi(Generated) public static func accepts(typeOID: UInt32) -> Bool {
        typeOID == TypeOID.bytea || TypeOID.isText(typeOID) || typeOID >= TypeOID.firstUserOID
    }

    /// `\x` and lower-case hex digits, which the server reads whatever `bytea_output` is.
    public var sqlLiteral: SQLLiteral { .text(ByteaText.encode(self)) }
}

extension Date: ColumnValue {
    /// A `timestamptz` (or `timestamp`, taken as UTC), or a `date` at midnight UTC.
    ///
    /// `infinity` and `-infinity` have no `Date`, and an infinitely distant `Date` would not
    /// survive arithmetic or formatting, so they are errors: keep ``PGTimestamp`` for columns
    /// that may hold them.
    @_spi(Generated) public static func decode(_ cell: Cell) throws -> Date {
        let timestamp: PGTimestamp
        if cell.typeOID == TypeOID.timestamptz || cell.typeOID == TypeOID.timestamp || (cell.isUserType && cell.bytes.count == 8) {
            timestamp = PGTimestamp(microsecondsSince2000: try cell.integer(Int64.self, "timestamp"))
        } else if cell.typeOID == TypeOID.date || cell.isUserType {
            let days = try cell.integer(Int32.self, "date")
            guard days != .max && days != .min else { throw infiniteValue }
            return Date(timeIntervalSince1970: Double(Int(days) + CivilCalendar.unixToPostgresEpochDays) * 86_400)
        } else if cell.isText {
            timestamp = try PGTimestamp(postgresLiteral: cell.text)
        } else {
            throw cell.unexpectedType(for: Date.self)
        }
        guard !timestamp.isInfinite else { throw infiniteValue }
        return timestamp.date
    }

    private static let infiniteValue = CellDecodingError("the value is infinite, which Date cannot hold: read the column as PGTimestamp or PGDate")

    /// `timestamptz`, `timestamp`, `date`, text and user-defined types (domains).
    @_spi(Generated) public static func accepts(typeOID: UInt32) -> Bool {
        typeOID == TypeOID.timestamptz || typeOID == TypeOID.timestamp || typeOID == TypeOID.date
            || TypeOID.isText(typeOID) || typeOID >= TypeOID.firstUserOID
    }

    /// ISO 8601 in UTC, to the microsecond, as ``PGTimestamp`` writes it.
    public var sqlLiteral: SQLLiteral { .text(PGTimestamp(self).postgresLiteral) }
}

extension Decimal: ColumnValue {
    /// A `numeric`. `NaN` and the infinities have no `Decimal` and are errors; values with more
    /// than 38 significant digits are rounded, as `Decimal` holds no more.
    @_spi(Generated) public static func decode(_ cell: Cell) throws -> Decimal {
        let numeric = try PGNumeric.decode(cell)
        guard let value = numeric.decimal else {
            throw CellDecodingError("\(numeric.postgresLiteral) has no Decimal: read the column as PGNumeric")
        }
        return value
    }

    /// What ``PGNumeric`` reads: `numeric`, text and user-defined types (domains).
    @_spi(Generated) public static func accepts(typeOID: UInt32) -> Bool { PGNumeric.accepts(typeOID: typeOID) }

    /// The exact decimal text, as ``PGNumeric`` writes it.
    public var sqlLiteral: SQLLiteral { .text(PGNumeric(self).postgresLiteral) }
}

/// The `bytea` text forms: hex (`\x0aff`) and the older escape form (`a\000b`).
enum ByteaText {
    static func decode(_ bytes: UnsafeRawBufferPointer) -> Data? {
        let backslash = UInt8(ascii: "\\")
        if bytes.count >= 2, bytes[0] == backslash, bytes[1] == UInt8(ascii: "x") {
            guard bytes.count % 2 == 0 else { return nil }
            var data = Data(capacity: (bytes.count - 2) / 2)
            var index = 2
            while index < bytes.count {
                guard let high = hexValue(bytes[index]), let low = hexValue(bytes[index + 1]) else { return nil }
                data.append(high << 4 | low)
                index += 2
            }
            return data
        }
        var data = Data(capacity: bytes.count)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == backslash else {
                data.append(bytes[index])
                index += 1
                continue
            }
            if index + 1 < bytes.count, bytes[index + 1] == backslash {
                data.append(backslash)
                index += 2
                continue
            }
            guard index + 3 < bytes.count, let value = octalByte(bytes[index + 1], bytes[index + 2], bytes[index + 3]) else { return nil }
            data.append(value)
            index += 4
        }
        return data
    }

    static func encode(_ data: Data) -> String {
        let count = 2 + data.count * 2
        return String(unsafeUninitializedCapacity: count) { buffer in
            buffer[0] = UInt8(ascii: "\\")
            buffer[1] = UInt8(ascii: "x")
            var index = 2
            for byte in data {
                buffer[index] = hexDigit(byte >> 4)
                buffer[index + 1] = hexDigit(byte & 0x0F)
                index += 2
            }
            return count
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// `\ooo`: three octal digits, at most 377.
    private static func octalByte(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> UInt8? {
        let zero = UInt8(ascii: "0"), seven = UInt8(ascii: "7")
        guard (zero...UInt8(ascii: "3")).contains(first), (zero...seven).contains(second), (zero...seven).contains(third) else { return nil }
        return (first - zero) << 6 | (second - zero) << 3 | (third - zero)
    }
}
