import EntityKit
import NIOCore

// Binary forms of ranges, multiranges and tsvector, as range_send, multirange_send and
// tsvectorsend write them.

extension TypeOID {
    /// The subtype of a built-in range type; nil for other types (user-defined ranges are
    /// selected as text, as their binary form does not name the subtype).
    static func rangeSubtype(_ oid: UInt32) -> UInt32? {
        switch oid {
        case int4range: int4
        case numrange: numeric
        case tsrange: timestamp
        case tstzrange: timestamptz
        case daterange: date
        case int8range: int8
        default: nil
        }
    }

    /// The range type of a built-in multirange type.
    static func multirangeRange(_ oid: UInt32) -> UInt32? {
        switch oid {
        case int4multirange: int4range
        case nummultirange: numrange
        case tsmultirange: tsrange
        case tstzmultirange: tstzrange
        case datemultirange: daterange
        case int8multirange: int8range
        default: nil
        }
    }
}

/// Flag bits of a range's binary (and on-disk) form.
private enum RangeFlags {
    static let empty: UInt8 = 0x01
    static let lowerInclusive: UInt8 = 0x02
    static let upperInclusive: UInt8 = 0x04
    static let lowerInfinite: UInt8 = 0x08
    static let upperInfinite: UInt8 = 0x10
    static let lowerNull: UInt8 = 0x20
    static let upperNull: UInt8 = 0x40
}

extension PGRange: BinaryDecodableLiteral {
    /// `uint8 flags`, then for each bound present (neither empty nor infinite) `int32 length`
    /// and the subtype's binary form. Built-in range types only.
    static func decodeBinary(_ buffer: ByteBuffer, oid: UInt32) throws(ScalarProblem) -> PGRange? {
        guard let subtype = TypeOID.rangeSubtype(oid) else { return nil }
        var buffer = buffer
        let range = try read(&buffer, subtype: subtype, rangeName: TypeOID.rangeName(oid))
        guard buffer.readableBytes == 0 else { throw ScalarProblem(message: "malformed \(TypeOID.rangeName(oid)): trailing bytes") }
        return range
    }

    /// Reads one range's binary form from `buffer`.
    static func read(_ buffer: inout ByteBuffer, subtype: UInt32, rangeName: String) throws(ScalarProblem) -> PGRange {
        guard let flags = buffer.readInteger(as: UInt8.self) else {
            throw ScalarProblem(message: "malformed \(rangeName): no flags")
        }
        if flags & RangeFlags.empty != 0 { return .empty }
        func bound(present: Bool) throws(ScalarProblem) -> Bound? {
            guard present else { return nil }
            guard let length = buffer.readInteger(as: Int32.self), length >= 0,
                  let slice = buffer.readSlice(length: Int(length)) else {
                throw ScalarProblem(message: "malformed \(rangeName): truncated bound")
            }
            guard let value = try ScalarDecoding.decode(Bound.self, from: .binary(slice, oid: subtype)) else {
                throw ScalarProblem(message: "cannot read \(Bound.self) bounds from \(rangeName)")
            }
            return value
        }
        let lower = try bound(present: flags & (RangeFlags.lowerInfinite | RangeFlags.lowerNull) == 0)
        let upper = try bound(present: flags & (RangeFlags.upperInfinite | RangeFlags.upperNull) == 0)
        return PGRange(lower: lower, lowerInclusive: flags & RangeFlags.lowerInclusive != 0,
                       upper: upper, upperInclusive: flags & RangeFlags.upperInclusive != 0)
    }
}

extension PGMultirange: BinaryDecodableLiteral {
    /// `int32 count`, then per range `int32 length` and the range's binary form.
    /// Built-in multirange types only.
    static func decodeBinary(_ buffer: ByteBuffer, oid: UInt32) throws(ScalarProblem) -> PGMultirange? {
        guard let rangeOID = TypeOID.multirangeRange(oid), let subtype = TypeOID.rangeSubtype(rangeOID) else { return nil }
        let name = TypeOID.rangeName(oid)
        var buffer = buffer
        guard let count = buffer.readInteger(as: Int32.self), count >= 0 else {
            throw ScalarProblem(message: "malformed \(name): no range count")
        }
        var ranges: [PGRange<Bound>] = []
        ranges.reserveCapacity(min(Int(count), buffer.readableBytes / 5))
        for _ in 0..<count {
            guard let length = buffer.readInteger(as: Int32.self), length >= 0,
                  var slice = buffer.readSlice(length: Int(length)) else {
                throw ScalarProblem(message: "malformed \(name): truncated range")
            }
            ranges.append(try PGRange<Bound>.read(&slice, subtype: subtype, rangeName: name))
            guard slice.readableBytes == 0 else { throw ScalarProblem(message: "malformed \(name): range longer than its bounds") }
        }
        guard buffer.readableBytes == 0 else { throw ScalarProblem(message: "malformed \(name): trailing bytes") }
        return PGMultirange(ranges)
    }
}

extension PGTSVector: BinaryDecodableLiteral {
    /// `int32 count`, then per lexeme its UTF-8 text ending in a zero byte, `uint16` number of
    /// positions and that many `uint16` positions: weight in the top two bits (3 is `A`),
    /// position in the low fourteen.
    static func decodeBinary(_ buffer: ByteBuffer, oid: UInt32) throws(ScalarProblem) -> PGTSVector? {
        guard oid == TypeOID.tsvector else { return nil }
        var buffer = buffer
        guard let count = buffer.readInteger(as: Int32.self), count >= 0 else {
            throw ScalarProblem(message: "malformed tsvector: no lexeme count")
        }
        var lexemes: [Lexeme] = []
        lexemes.reserveCapacity(min(Int(count), buffer.readableBytes / 3))
        for _ in 0..<count {
            guard let end = buffer.readableBytesView.firstIndex(of: 0) else {
                throw ScalarProblem(message: "malformed tsvector: unterminated lexeme")
            }
            let length = end - buffer.readableBytesView.startIndex
            guard let text = buffer.readString(length: length), buffer.readInteger(as: UInt8.self) == 0,
                  let positionCount = buffer.readInteger(as: UInt16.self) else {
                throw ScalarProblem(message: "malformed tsvector: truncated lexeme")
            }
            var positions: [Position] = []
            positions.reserveCapacity(Int(positionCount))
            for _ in 0..<positionCount {
                guard let raw = buffer.readInteger(as: UInt16.self), let position = Position(Int(raw & 0x3FFF), weight: Weight(rawBits: raw >> 14)) else {
                    throw ScalarProblem(message: "malformed tsvector: bad position")
                }
                positions.append(position)
            }
            lexemes.append(Lexeme(text, positions: positions))
        }
        guard buffer.readableBytes == 0 else { throw ScalarProblem(message: "malformed tsvector: trailing bytes") }
        return PGTSVector(lexemes)
    }
}

extension TypeOID {
    /// A range or multirange type's name, for error messages.
    fileprivate static func rangeName(_ oid: UInt32) -> String {
        switch oid {
        case int4range: "int4range"
        case numrange: "numrange"
        case tsrange: "tsrange"
        case tstzrange: "tstzrange"
        case daterange: "daterange"
        case int8range: "int8range"
        case int4multirange: "int4multirange"
        case nummultirange: "nummultirange"
        case tsmultirange: "tsmultirange"
        case tstzmultirange: "tstzmultirange"
        case datemultirange: "datemultirange"
        case int8multirange: "int8multirange"
        default: name(oid)
        }
    }
}
