import EntityKit
import NIOCore

// Binary forms of the EntityKit value types, as PostgreSQL's send functions write them.

extension PGNumeric: BinaryDecodableLiteral {
    /// `int16 ndigits, int16 weight, uint16 sign, int16 dscale`, then base-10000 digits.
    static func decodeBinary(_ buffer: ByteBuffer, oid: UInt32) throws(ScalarProblem) -> PGNumeric? {
        guard oid == TypeOID.numeric else { return nil }
        var buffer = buffer
        guard let count = buffer.readInteger(as: Int16.self), let weight = buffer.readInteger(as: Int16.self),
              let sign = buffer.readInteger(as: UInt16.self), let scale = buffer.readInteger(as: Int16.self),
              count >= 0, scale >= 0 else { throw ScalarProblem(message: "malformed numeric") }
        switch sign {
        case 0xC000: return .nan
        case 0xD000: return .infinity
        case 0xF000: return .negativeInfinity
        case 0x0000, 0x4000: break
        default: throw ScalarProblem(message: "malformed numeric sign")
        }
        var digits: [Int16] = []
        for _ in 0..<count {
            guard let digit = buffer.readInteger(as: Int16.self) else { throw ScalarProblem(message: "malformed numeric") }
            digits.append(digit)
        }
        func group(_ index: Int) -> Int16 { index >= 0 && index < digits.count ? digits[index] : 0 }
        func padded(_ value: Int16) -> String {
            let text = String(value)
            return String(repeating: "0", count: 4 - text.count) + text
        }
        var text = sign == 0x4000 ? "-" : ""
        if weight < 0 {
            text += "0"
        } else {
            text += String(group(0))
            if weight > 0 { for index in 1...Int(weight) { text += padded(group(index)) } }
        }
        if scale > 0 {
            var fraction = ""
            var index = Int(weight) + 1
            while fraction.count < Int(scale) {
                fraction += padded(group(index))
                index += 1
            }
            text += "." + fraction.prefix(Int(scale))
        }
        return try? PGNumeric(postgresLiteral: text)
    }
}

extension PGDate: BinaryDecodableLiteral {
    static func decodeBinary(_ buffer: ByteBuffer, oid: UInt32) throws(ScalarProblem) -> PGDate? {
        guard oid == TypeOID.date, let days = buffer.getInteger(at: buffer.readerIndex, as: Int32.self) else { return nil }
        return PGDate(daysSince2000: days)
    }
}

extension PGTime: BinaryDecodableLiteral {
    static func decodeBinary(_ buffer: ByteBuffer, oid: UInt32) throws(ScalarProblem) -> PGTime? {
        guard oid == TypeOID.time, let micros = buffer.getInteger(at: buffer.readerIndex, as: Int64.self) else { return nil }
        return PGTime(microsecondsSinceMidnight: micros)
    }
}

extension PGTimeWithTimeZone: BinaryDecodableLiteral {
    /// `int64 microseconds, int32 zone` where the zone is in seconds west of UTC.
    static func decodeBinary(_ buffer: ByteBuffer, oid: UInt32) throws(ScalarProblem) -> PGTimeWithTimeZone? {
        guard oid == TypeOID.timetz else { return nil }
        var buffer = buffer
        guard let micros = buffer.readInteger(as: Int64.self), let zone = buffer.readInteger(as: Int32.self) else {
            throw ScalarProblem(message: "malformed timetz")
        }
        return PGTimeWithTimeZone(microsecondsSinceMidnight: micros, utcOffsetSeconds: -zone)
    }
}

extension PGTimestamp: BinaryDecodableLiteral {
    static func decodeBinary(_ buffer: ByteBuffer, oid: UInt32) throws(ScalarProblem) -> PGTimestamp? {
        guard oid == TypeOID.timestamptz || oid == TypeOID.timestamp,
              let micros = buffer.getInteger(at: buffer.readerIndex, as: Int64.self) else { return nil }
        return PGTimestamp(microsecondsSince2000: micros)
    }
}

extension PGLocalTimestamp: BinaryDecodableLiteral {
    static func decodeBinary(_ buffer: ByteBuffer, oid: UInt32) throws(ScalarProblem) -> PGLocalTimestamp? {
        guard oid == TypeOID.timestamp || oid == TypeOID.timestamptz,
              let micros = buffer.getInteger(at: buffer.readerIndex, as: Int64.self) else { return nil }
        return PGLocalTimestamp(microsecondsSince2000: micros)
    }
}

extension PGInterval: BinaryDecodableLiteral {
    /// `int64 microseconds, int32 days, int32 months`.
    static func decodeBinary(_ buffer: ByteBuffer, oid: UInt32) throws(ScalarProblem) -> PGInterval? {
        guard oid == TypeOID.interval else { return nil }
        var buffer = buffer
        guard let micros = buffer.readInteger(as: Int64.self), let days = buffer.readInteger(as: Int32.self),
              let months = buffer.readInteger(as: Int32.self) else { throw ScalarProblem(message: "malformed interval") }
        return PGInterval(months: months, days: days, microseconds: micros)
    }
}

extension PGJSON: BinaryDecodableLiteral {
    /// `json` is its text; `jsonb` is a version byte (1) and its text.
    static func decodeBinary(_ buffer: ByteBuffer, oid: UInt32) throws(ScalarProblem) -> PGJSON? {
        switch oid {
        case TypeOID.json:
            return PGJSON(unchecked: String(buffer: buffer))
        case TypeOID.jsonb:
            var copy = buffer
            guard copy.readInteger(as: UInt8.self) == 1 else { throw ScalarProblem(message: "unknown jsonb version") }
            return PGJSON(unchecked: String(buffer: copy))
        default:
            return nil
        }
    }
}
