@_spi(Generated) import EntityKit
import Foundation
import Testing

@Suite("Float and Double columns")
struct FloatingPointColumnValueTests {
    /// 1e-310, a subnormal (a literal would warn that it loses precision).
    static let subnormal = Double(bitPattern: 0x0000_1268_8B70_E62B)

    @Test func readsBinaryReal() throws {
        #expect(try decode(Float.self, hex: "40490fd0", oid: TypeOID.float4) == 3.14159)
        #expect(try decode(Float.self, hex: "7fc00000", oid: TypeOID.float4).isNaN)
        #expect(try decode(Float.self, hex: "ff800000", oid: TypeOID.float4) == -.infinity)
        #expect(try decode(Float.self, hex: "40490fd0", oid: userTypeOID) == 3.14159)
        // A real widens to Double exactly.
        #expect(try decode(Double.self, hex: "40490fd0", oid: TypeOID.float4) == Double(Float(3.14159)))
    }

    @Test func readsBinaryDoublePrecision() throws {
        #expect(try decode(Double.self, hex: "3fb999999999999a", oid: TypeOID.float8) == 0.1)
        let negativeZero = try decode(Double.self, hex: "8000000000000000", oid: TypeOID.float8)
        #expect(negativeZero == 0 && negativeZero.sign == .minus)
        #expect(try decode(Double.self, hex: "000012688b70e62b", oid: TypeOID.float8) == Self.subnormal)
        #expect(try decode(Double.self, hex: "3fb999999999999a", oid: userTypeOID) == 0.1)
    }

    @Test func readsText() throws {
        #expect(try decode(Double.self, text: "NaN").isNaN)
        #expect(try decode(Double.self, text: "Infinity") == .infinity)
        #expect(try decode(Double.self, text: "-Infinity") == -.infinity)
        #expect(try decode(Double.self, text: "1e-310") == Self.subnormal)
        #expect(try decode(Float.self, text: "-1.5") == -1.5)
        #expect(throws: CellDecodingError.self) { try decode(Double.self, text: "1.5x") }
    }

    @Test func rejectsWrongTypesAndLengths() {
        // Reading a double precision into Float would round.
        #expect(!Float.accepts(typeOID: TypeOID.float8))
        #expect(throws: CellDecodingError.self) { try decode(Float.self, hex: "3fb999999999999a", oid: TypeOID.float8) }
        #expect(throws: CellDecodingError.self) { try decode(Double.self, hex: "3fb99999", oid: TypeOID.float8) }
        #expect(throws: CellDecodingError.self) { try decode(Double.self, hex: "0000002a", oid: TypeOID.int4) }
        #expect(Double.accepts(typeOID: TypeOID.float4) && Double.accepts(typeOID: TypeOID.float8))
        #expect(Double.accepts(typeOID: TypeOID.text) && Double.accepts(typeOID: userTypeOID))
        #expect(!Double.accepts(typeOID: TypeOID.int4) && !Double.accepts(typeOID: TypeOID.numeric))
    }

    @Test func literalsAreShortestRoundTripTextWithWordsForSpecialValues() {
        #expect(literalText(0.1) == "0.1")
        #expect(literalText(-0.0) == "-0.0")
        #expect(literalText(Self.subnormal) == "1e-310")
        #expect(literalText(Double.greatestFiniteMagnitude) == "1.7976931348623157e+308")
        #expect(literalText(Double.nan) == "NaN")
        #expect(literalText(Double.infinity) == "Infinity")
        #expect(literalText(-Double.infinity) == "-Infinity")
        #expect(literalText(Float(3.14159)) == "3.14159")
        #expect(literalText(-Float.infinity) == "-Infinity")
    }
}

@Suite("UInt32 and UInt64 columns")
struct UnsignedColumnValueTests {
    @Test func readsObjectIdentifiers() throws {
        #expect(try decode(UInt32.self, hex: "ffffffff", oid: TypeOID.oid) == .max)
        #expect(try decode(UInt32.self, hex: "000004eb", oid: TypeOID.regclass) == 1259)
        #expect(try decode(UInt32.self, hex: "00000007", oid: userTypeOID) == 7)
        #expect(try decode(UInt32.self, text: "4294967295") == .max)
        #expect(throws: CellDecodingError.self) { try decode(UInt32.self, text: "-1") }
        #expect(throws: CellDecodingError.self) { try decode(UInt32.self, hex: "0001", oid: TypeOID.oid) }
        for oid in [TypeOID.oid, TypeOID.xid, TypeOID.cid, TypeOID.regproc, TypeOID.regprocedure, TypeOID.regoper,
                    TypeOID.regoperator, TypeOID.regclass, TypeOID.regtype, TypeOID.regconfig, TypeOID.regdictionary,
                    TypeOID.regnamespace, TypeOID.regrole, TypeOID.regcollation] {
            #expect(UInt32.accepts(typeOID: oid), "\(oid)")
        }
        #expect(!UInt32.accepts(typeOID: TypeOID.int4))
        #expect(literalText(UInt32.max) == "4294967295")
    }

    @Test func readsTransactionIDs() throws {
        #expect(try decode(UInt64.self, hex: "ffffffffffffffff", oid: TypeOID.xid8) == .max)
        #expect(try decode(UInt64.self, hex: "0020000000000001", oid: TypeOID.int8) == 9_007_199_254_740_993)
        #expect(try decode(UInt64.self, text: "18446744073709551615") == .max)
        // Negative bigints do not fit.
        #expect(throws: CellDecodingError.self) { try decode(UInt64.self, hex: "ffffffffffffffff", oid: TypeOID.int8) }
        #expect(throws: CellDecodingError.self) { try decode(UInt64.self, hex: "00000001", oid: TypeOID.xid8) }
        #expect(UInt64.accepts(typeOID: TypeOID.xid8) && UInt64.accepts(typeOID: TypeOID.int8))
        #expect(!UInt64.accepts(typeOID: TypeOID.xid))
        #expect(literalText(UInt64.max) == "18446744073709551615")
    }
}

@Suite("Data, Date and Decimal columns")
struct FoundationColumnValueTests {
    @Test func readsBytea() throws {
        #expect(try decode(Data.self, hex: "00ff10", oid: TypeOID.bytea) == Data([0x00, 0xFF, 0x10]))
        #expect(try decode(Data.self, hex: "", oid: TypeOID.bytea) == Data())
        #expect(try decode(Data.self, hex: "0102", oid: userTypeOID) == Data([1, 2]))
        #expect(try decode(Data.self, text: #"\x00ff10"#) == Data([0x00, 0xFF, 0x10]))
        #expect(try decode(Data.self, text: #"\x00FF"#) == Data([0x00, 0xFF]))
        #expect(try decode(Data.self, text: #"\x"#) == Data())
        // The escape form, which `bytea_output = escape` prints.
        #expect(try decode(Data.self, text: #"a\000b\\\377"#) == Data([0x61, 0x00, 0x62, 0x5C, 0xFF]))
        for text in [#"\x0"#, #"\x0g"#, #"a\400"#, #"a\0"#] {
            #expect(throws: CellDecodingError.self, "\(text)") { try decode(Data.self, text: text) }
        }
        #expect(throws: CellDecodingError.self) { try decode(Data.self, hex: "00", oid: TypeOID.int4) }
        #expect(literalText(Data([0x00, 0xFF, 0x10])) == #"\x00ff10"#)
        #expect(literalText(Data()) == #"\x"#)
    }

    @Test func readsTimestampsAndDatesAsDates() throws {
        let instant = try #require(PGTimestamp(year: 2024, month: 1, day: 15, hour: 10, minute: 30, microsecond: 123_456)).date
        #expect(try decode(Date.self, hex: "0002b1f843c09c40", oid: TypeOID.timestamptz) == instant)
        #expect(try decode(Date.self, hex: "0002b1f843c09c40", oid: TypeOID.timestamp) == instant)
        #expect(try decode(Date.self, hex: "0002b1f843c09c40", oid: userTypeOID) == instant)
        #expect(try decode(Date.self, text: "2024-01-15T10:30:00.123456Z") == instant)
        #expect(try decode(Date.self, text: "2024-01-15 11:30:00.123456+01") == instant)
        let leapDay = try #require(PGDate(year: 2024, month: 2, day: 29)).date()
        #expect(try decode(Date.self, hex: "00002279", oid: TypeOID.date) == leapDay)
        #expect(try decode(Date.self, hex: "00002279", oid: userTypeOID) == leapDay)
        #expect(leapDay == Date(timeIntervalSince1970: 1_709_164_800))
        #expect(literalText(instant) == "2024-01-15T10:30:00.123456Z")
    }

    @Test func infiniteValuesHaveNoDate() {
        for (hex, oid) in [("7fffffffffffffff", TypeOID.timestamptz), ("8000000000000000", TypeOID.timestamp),
                           ("7fffffff", TypeOID.date), ("80000000", TypeOID.date)] {
            #expect(throws: CellDecodingError.self, "\(hex)") { try decode(Date.self, hex: hex, oid: oid) }
        }
        #expect(throws: CellDecodingError.self) { try decode(Date.self, text: "infinity") }
        #expect(throws: CellDecodingError.self) { try decode(Date.self, hex: "000000", oid: TypeOID.date) }
        #expect(Date.accepts(typeOID: TypeOID.date) && !Date.accepts(typeOID: TypeOID.time))
    }

    @Test func readsNumericAsDecimal() throws {
        #expect(try decode(Decimal.self, hex: "0002000000000004007b1194", oid: TypeOID.numeric) == Decimal(string: "123.45"))
        #expect(try decode(Decimal.self, hex: "0001ffff40000003000a", oid: TypeOID.numeric) == Decimal(string: "-0.001"))
        #expect(try decode(Decimal.self, text: "-0.001") == Decimal(string: "-0.001"))
        // 60 digits: rounded to what Decimal holds, as Decimal(string:) rounds.
        let long = "123456789012345678901234567890.123456789012345678901234567890"
        #expect(try decode(Decimal.self, hex: "001000070000001e000c0d801ed204d2162e23340d801ed204d2162e23340d801ed204d2162e2328", oid: TypeOID.numeric)
            == Decimal(string: long, locale: Locale(identifier: "en_US_POSIX")))
        for hex in ["00000000c0000000", "00000000d0000020", "00000000f0000020"] {
            #expect(throws: CellDecodingError.self, "\(hex)") { try decode(Decimal.self, hex: hex, oid: TypeOID.numeric) }
        }
        #expect(literalText(Decimal(string: "-1.50")!) == "-1.5")
        #expect(Decimal.accepts(typeOID: TypeOID.numeric) && !Decimal.accepts(typeOID: TypeOID.float8))
    }
}
