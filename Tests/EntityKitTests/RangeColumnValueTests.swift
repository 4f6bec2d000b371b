@_spi(Generated) import EntityKit
import Testing

@Suite("Range and multirange columns")
struct RangeColumnValueTests {
    @Test func readsBuiltInRanges() throws {
        let integers = try decode(PGRange<Int32>.self, hex: "0200000004000000010000000400000005", oid: TypeOID.int4range)
        #expect(integers == PGRange(lower: 1, upper: 5))
        #expect(literalText(integers) == "[1,5)")
        #expect(try decode(PGRange<Int32>.self, text: "[1,5)") == integers)
        #expect(try decode(PGRange<Int32>.self, hex: "01", oid: TypeOID.int4range) == .empty)
        #expect(literalText(PGRange<Int32>.empty) == "empty")

        let big = try decode(PGRange<Int64>.self, hex: "0200000008ffdfffffffffffff000000080000000000000000", oid: TypeOID.int8range)
        #expect(big == PGRange(lower: -9_007_199_254_740_993, upper: 0))

        let unbounded = try decode(PGRange<PGNumeric>.self, hex: "18", oid: TypeOID.numrange)
        #expect(unbounded.isLowerUnbounded && unbounded.isUpperUnbounded)
        #expect(literalText(unbounded) == "(,)")
        let numbers = try decode(PGRange<PGNumeric>.self, hex: "060000000c0002000000000001000113880000000c0002000000000002000209c4", oid: TypeOID.numrange)
        #expect(literalText(numbers) == "[1.5,2.25]")

        let days = try decode(PGRange<PGDate>.self, hex: "12000000040000223e", oid: TypeOID.daterange)
        #expect(days == PGRange(lower: PGDate(year: 2024, month: 1, day: 1), upper: nil))
        #expect(literalText(days) == "[2024-01-01,)")

        let instants = try decode(PGRange<PGTimestamp>.self, hex: "0c000000080002b0d5d4e94000", oid: TypeOID.tstzrange)
        #expect(instants == PGRange(lower: nil, upper: PGTimestamp(year: 2024, month: 1, day: 1), upperInclusive: true))
        #expect(literalText(instants) == "(,2024-01-01T00:00:00Z]")
        let wallClock = try decode(PGRange<PGLocalTimestamp>.self, hex: "0c000000080002b0d5d4e94000", oid: TypeOID.tsrange)
        #expect(wallClock.upper == PGLocalTimestamp(year: 2024, month: 1, day: 1))
    }

    @Test func readsDomainsAndUserDefinedRangesByTheirBoundsOwnForm() throws {
        // A user-defined range over float8 (`floatrange`), selected without a text cast.
        let floats = try decode(PGRange<Double>.self, hex: "02000000083fe0000000000000000000083ff8000000000000", oid: userTypeOID)
        #expect(floats == PGRange(lower: 0.5, upper: 1.5))
        #expect(try decode(PGRange<Double>.self, text: "[0.5,1.5)") == floats)
        #expect(literalText(floats) == "[0.5,1.5)")
        // A domain over daterange.
        #expect(try decode(PGRange<PGDate>.self, hex: "12000000040000223e", oid: userTypeOID).lower == PGDate(year: 2024, month: 1, day: 1))
    }

    @Test func rejectsMalformedRanges() {
        for hex in ["", "02000000040000000100000004000000", "020000000400000001000000040000000500", "02ffffffff"] {
            #expect(throws: CellDecodingError.self, "\(hex)") { try decode(PGRange<Int32>.self, hex: hex, oid: TypeOID.int4range) }
        }
        #expect(throws: CellDecodingError.self) { try decode(PGRange<Int32>.self, hex: "01", oid: TypeOID.int4) }
        #expect(throws: PGLiteralError.self) { try decode(PGRange<Int32>.self, text: "[1,x)") }
        #expect(PGRange<Int32>.accepts(typeOID: TypeOID.int4range) && PGRange<Int32>.accepts(typeOID: userTypeOID))
        #expect(!PGRange<Int32>.accepts(typeOID: TypeOID.daterange) && !PGRange<PGDate>.accepts(typeOID: TypeOID.int4range))
        #expect(!PGRange<Int32>.accepts(typeOID: TypeOID.int4multirange))
    }

    @Test func readsMultiranges() throws {
        let integers = try decode(
            PGMultirange<Int32>.self,
            hex: "00000002000000110200000004000000010000000400000003000000110200000004000000050000000400000007", oid: TypeOID.int4multirange)
        #expect(integers == [PGRange(lower: 1, upper: 3), PGRange(lower: 5, upper: 7)])
        #expect(literalText(integers) == "{[1,3),[5,7)}")
        #expect(try decode(PGMultirange<Int32>.self, text: "{[1,3),[5,7)}") == integers)
        #expect(try decode(PGMultirange<Int32>.self, hex: "00000000", oid: TypeOID.int4multirange) == [])
        #expect(literalText(PGMultirange<Int32>([])) == "{}")
        let days = try decode(PGMultirange<PGDate>.self, hex: "000000010000001102000000040000223e0000000400002242", oid: TypeOID.datemultirange)
        #expect(literalText(days) == "{[2024-01-01,2024-01-05)}")
        #expect(try decode(PGMultirange<PGDate>.self, hex: "000000010000001102000000040000223e0000000400002242", oid: userTypeOID) == days)
        // A range longer than its bounds, a count beyond the ranges, a trailing byte.
        for hex in ["00000001000000030100ff", "00000002000000010100", "000000010000000101ff"] {
            #expect(throws: CellDecodingError.self, "\(hex)") { try decode(PGMultirange<Int32>.self, hex: hex, oid: TypeOID.int4multirange) }
        }
        #expect(PGMultirange<Int32>.accepts(typeOID: TypeOID.int4multirange) && !PGMultirange<Int32>.accepts(typeOID: TypeOID.int4range))
    }
}
