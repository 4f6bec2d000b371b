import EntityKit
import Foundation
import NIOCore

/// A value that does not fit the Swift type it is decoded into.
struct ScalarProblem: Error {
    let message: String
}

/// An EntityKit value type that can also read a PostgreSQL binary form.
protocol BinaryDecodableLiteral: PGLiteralConvertible {
    /// Reads the binary form of a value of type `oid`; nil when `oid` is not a type it reads.
    static func decodeBinary(_ buffer: ByteBuffer, oid: UInt32) throws(ScalarProblem) -> Self?
}

/// Decoding of scalar Swift types (standard library, Foundation and EntityKit value types) from
/// one cell, binary or text.
enum ScalarDecoding {
    /// The value, or nil when `T` is not a scalar type this knows (arrays, enums, composites).
    static func decode<T>(_ type: T.Type, from cell: CellValue) throws(ScalarProblem) -> T? {
        if case let .binary(buffer, oid) = cell, oid >= DomainElements.firstUserOID {
            let candidates = T.self == PGJSON.self ? [DomainElements.jsonCandidate(buffer)] : DomainElements.candidates(for: T.self)
            for candidate in candidates ?? [] {
                if let value = try? decode(type, from: .binary(buffer, oid: candidate)) { return value }
            }
        }
        if let literalType = T.self as? any PGLiteralConvertible.Type {
            return try decodeLiteral(literalType, from: cell) as? T
        }
        guard let decoder = primitiveDecoders[ObjectIdentifier(T.self)] else { return nil }
        return try decoder(cell) as? T
    }

    private static func decodeLiteral(_ type: any PGLiteralConvertible.Type, from cell: CellValue) throws(ScalarProblem) -> any PGLiteralConvertible {
        if case let .binary(buffer, oid) = cell, !TypeOID.isText(oid), let binaryType = type as? any BinaryDecodableLiteral.Type {
            if let value = try binaryType.decodeBinary(buffer, oid: oid) { return value }
        }
        let text: String
        switch cell {
        case let .text(value):
            text = value
        case let .binary(buffer, oid) where TypeOID.isText(oid) || !TypeOID.nonTextual.contains(oid):
            text = String(buffer: buffer)
        default:
            throw ScalarProblem(message: "cannot read \(type) from \(cell.summary)")
        }
        do {
            return try type.init(postgresLiteral: text)
        } catch {
            throw ScalarProblem(message: "\(error)")
        }
    }

    private typealias Decoder = @Sendable (CellValue) throws(ScalarProblem) -> Any

    private static let primitiveDecoders: [ObjectIdentifier: Decoder] = [
        ObjectIdentifier(String.self): { cell throws(ScalarProblem) in try string(cell) },
        ObjectIdentifier(Bool.self): { cell throws(ScalarProblem) in try bool(cell) },
        ObjectIdentifier(Int16.self): { cell throws(ScalarProblem) in try integer(cell, as: Int16.self) },
        ObjectIdentifier(Int32.self): { cell throws(ScalarProblem) in try integer(cell, as: Int32.self) },
        ObjectIdentifier(Int64.self): { cell throws(ScalarProblem) in try integer(cell, as: Int64.self) },
        ObjectIdentifier(Int.self): { cell throws(ScalarProblem) in try integer(cell, as: Int.self) },
        ObjectIdentifier(UInt32.self): { cell throws(ScalarProblem) in try unsigned32(cell) },
        ObjectIdentifier(UInt64.self): { cell throws(ScalarProblem) in try unsigned64(cell) },
        ObjectIdentifier(Float.self): { cell throws(ScalarProblem) in try floating(cell, as: Float.self) },
        ObjectIdentifier(Double.self): { cell throws(ScalarProblem) in try floating(cell, as: Double.self) },
        ObjectIdentifier(UUID.self): { cell throws(ScalarProblem) in try uuid(cell) },
        ObjectIdentifier(Data.self): { cell throws(ScalarProblem) in try data(cell) },
        ObjectIdentifier(Date.self): { cell throws(ScalarProblem) in try date(cell) },
        ObjectIdentifier(Decimal.self): { cell throws(ScalarProblem) in try decimal(cell) },
    ]

    static func string(_ cell: CellValue) throws(ScalarProblem) -> String {
        switch cell {
        case let .text(text):
            return text
        case let .binary(buffer, oid):
            switch oid {
            case TypeOID.jsonb:
                var copy = buffer
                guard copy.readInteger(as: UInt8.self) == 1 else { throw ScalarProblem(message: "unknown jsonb version") }
                return String(buffer: copy)
            case TypeOID.uuid:
                return try uuid(cell).uuidString.lowercased()
            case TypeOID.char:
                return String(decoding: buffer.readableBytesView, as: UTF8.self)
            default:
                guard TypeOID.isText(oid) || !TypeOID.nonTextual.contains(oid) else {
                    throw ScalarProblem(message: "cannot read String from \(cell.summary): select the column as text, or declare its real type")
                }
                return String(buffer: buffer)
            }
        default:
            throw ScalarProblem(message: "cannot read String from \(cell.summary)")
        }
    }

    static func bool(_ cell: CellValue) throws(ScalarProblem) -> Bool {
        if case let .binary(buffer, oid) = cell, oid == TypeOID.bool, let byte = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self) {
            return byte != 0
        }
        switch cell.textValue?.lowercased() {
        case "t", "true", "y", "yes", "on", "1": return true
        case "f", "false", "n", "no", "off", "0": return false
        default: throw ScalarProblem(message: "cannot read Bool from \(cell.summary)")
        }
    }

    static func integer<I: FixedWidthInteger>(_ cell: CellValue, as type: I.Type) throws(ScalarProblem) -> I {
        var wide: Int64?
        if case let .binary(buffer, oid) = cell {
            switch (oid, buffer.readableBytes) {
            case (TypeOID.int2, 2): wide = buffer.getInteger(at: buffer.readerIndex, as: Int16.self).map(Int64.init)
            case (TypeOID.int4, 4): wide = buffer.getInteger(at: buffer.readerIndex, as: Int32.self).map(Int64.init)
            case (TypeOID.int8, 8): wide = buffer.getInteger(at: buffer.readerIndex, as: Int64.self)
            default: break
            }
        }
        if wide == nil, let text = cell.textValue { wide = Int64(text.trimmingCharacters(in: .whitespaces)) }
        guard let wide, let value = I(exactly: wide) else {
            throw ScalarProblem(message: "cannot read \(I.self) from \(cell.summary)")
        }
        return value
    }

    static func unsigned32(_ cell: CellValue) throws(ScalarProblem) -> UInt32 {
        if case let .binary(buffer, oid) = cell, buffer.readableBytes == 4, !TypeOID.isText(oid),
           let value = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self) {
            return value
        }
        guard let text = cell.textValue, let value = UInt32(text) else {
            throw ScalarProblem(message: "cannot read UInt32 from \(cell.summary)")
        }
        return value
    }

    /// `xid8` (and non-negative `int8`): eight bytes, unsigned.
    static func unsigned64(_ cell: CellValue) throws(ScalarProblem) -> UInt64 {
        if case let .binary(buffer, oid) = cell, buffer.readableBytes == 8, !TypeOID.isText(oid),
           let value = buffer.getInteger(at: buffer.readerIndex, as: UInt64.self) {
            if oid == TypeOID.int8, Int64(bitPattern: value) < 0 {
                throw ScalarProblem(message: "cannot read UInt64 from the negative \(Int64(bitPattern: value))")
            }
            return value
        }
        guard let text = cell.textValue, let value = UInt64(text) else {
            throw ScalarProblem(message: "cannot read UInt64 from \(cell.summary)")
        }
        return value
    }

    static func floating<F: BinaryFloatingPoint & LosslessStringConvertible>(_ cell: CellValue, as type: F.Type) throws(ScalarProblem) -> F {
        if case let .binary(buffer, oid) = cell {
            if oid == TypeOID.float4, let bits = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self) {
                return F(Float(bitPattern: bits))
            }
            if oid == TypeOID.float8, F.self == Double.self, let bits = buffer.getInteger(at: buffer.readerIndex, as: UInt64.self) {
                return F(Double(bitPattern: bits))
            }
        }
        if let text = cell.textValue {
            switch text {
            case "NaN": return .nan
            case "Infinity": return .infinity
            case "-Infinity": return -.infinity
            default: if let value = F(text) { return value }
            }
        }
        throw ScalarProblem(message: "cannot read \(F.self) from \(cell.summary)")
    }

    static func uuid(_ cell: CellValue) throws(ScalarProblem) -> UUID {
        if case let .binary(buffer, oid) = cell, oid == TypeOID.uuid, buffer.readableBytes == 16 {
            let bytes = Array(buffer.readableBytesView)
            return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                               bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
        }
        guard let text = cell.textValue, let value = UUID(uuidString: text) else {
            throw ScalarProblem(message: "cannot read UUID from \(cell.summary)")
        }
        return value
    }

    static func data(_ cell: CellValue) throws(ScalarProblem) -> Data {
        if case let .binary(buffer, oid) = cell, oid == TypeOID.bytea {
            return Data(buffer.readableBytesView)
        }
        guard let text = cell.textValue, let value = ByteaText.decode(text) else {
            throw ScalarProblem(message: "cannot read Data from \(cell.summary)")
        }
        return value
    }

    static func date(_ cell: CellValue) throws(ScalarProblem) -> Date {
        if case let .binary(buffer, oid) = cell {
            if oid == TypeOID.timestamptz || oid == TypeOID.timestamp, let micros = buffer.getInteger(at: buffer.readerIndex, as: Int64.self) {
                return PGTimestamp(microsecondsSince2000: micros).date
            }
            if oid == TypeOID.date, let days = buffer.getInteger(at: buffer.readerIndex, as: Int32.self) {
                return PGDate(daysSince2000: days).date()
            }
        }
        if let text = cell.textValue, let value = try? PGTimestamp(postgresLiteral: text) {
            return value.date
        }
        throw ScalarProblem(message: "cannot read Date from \(cell.summary)")
    }

    static func decimal(_ cell: CellValue) throws(ScalarProblem) -> Decimal {
        let numeric = try decodeLiteral(PGNumeric.self, from: cell) as? PGNumeric
        guard let value = numeric?.decimal else {
            throw ScalarProblem(message: "cannot read Decimal from \(cell.summary) (NaN and infinities have no Decimal)")
        }
        return value
    }
}

/// The `bytea` text forms: hex (`\x0aff`) and escape (`a\000b`).
enum ByteaText {
    static func decode(_ text: String) -> Data? {
        let bytes = Array(text.utf8)
        if bytes.count >= 2, bytes[0] == UInt8(ascii: "\\"), bytes[1] == UInt8(ascii: "x") {
            var data = Data(capacity: (bytes.count - 2) / 2)
            var index = 2
            while index + 1 < bytes.count {
                guard let high = hexValue(bytes[index]), let low = hexValue(bytes[index + 1]) else { return nil }
                data.append(high << 4 | low)
                index += 2
            }
            return index == bytes.count ? data : nil
        }
        var data = Data()
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\") {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\\") {
                    data.append(UInt8(ascii: "\\"))
                    index += 2
                    continue
                }
                guard index + 3 < bytes.count, let value = UInt8(String(decoding: bytes[(index + 1)...(index + 3)], as: UTF8.self), radix: 8) else { return nil }
                data.append(value)
                index += 4
            } else {
                data.append(bytes[index])
                index += 1
            }
        }
        return data
    }

    static func encode(_ data: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = [UInt8(ascii: "\\"), UInt8(ascii: "x")]
        bytes.reserveCapacity(2 + data.count * 2)
        for byte in data {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
