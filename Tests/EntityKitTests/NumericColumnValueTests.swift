@_spi(Generated) import EntityKit
import Testing

@Suite("numeric and money columns")
struct NumericColumnValueTests {
    /// `numeric_send` output and the text the server prints for it.
    static let sent: [(String, String)] = [
        ("0002000000000004007b1194", "123.4500"),
        ("0001ffff40000003000a", "-0.001"),
        ("0000000000000000", "0"),
        ("0000000000000002", "0.00"),
        ("00010001000000000001", "10000"),
        ("0001fffe000000080001", "0.00000001"),
        ("00010005000000000001", "100000000000000000000"),
        ("0003000140000003000109291a7c", "-12345.678"),
        ("0002000000000004270f270f", "9999.9999"),
        ("0001ffff000000041388", "0.5000"),
        ("001000070000001e000c0d801ed204d2162e23340d801ed204d2162e23340d801ed204d2162e2328",
         "123456789012345678901234567890.123456789012345678901234567890"),
        ("00000000c0000000", "NaN"),
        ("00000000d0000020", "Infinity"),
        ("00000000f0000020", "-Infinity"),
    ]

    @Test("reads numeric_send's form as the server prints it", arguments: sent)
    func readsBinary(hex: String, printed: String) throws {
        let value = try decode(PGNumeric.self, hex: hex, oid: TypeOID.numeric)
        #expect(value.postgresLiteral == printed)
        #expect(value == (try PGNumeric(postgresLiteral: printed)))
        #expect(try decode(PGNumeric.self, hex: hex, oid: userTypeOID) == value)
        #expect(try decode(PGNumeric.self, text: printed) == value)
        #expect(literalText(value) == printed)
    }

    @Test func readsNonCanonicalDigitsAsTheTextParserWould() throws {
        // Negative zero is zero; leading zero digits are dropped.
        #expect(try decode(PGNumeric.self, hex: "0000 0000 4000 0002", oid: TypeOID.numeric).postgresLiteral == "0.00")
        #expect(try decode(PGNumeric.self, hex: "0002 0001 0000 0000 0000 0005", oid: TypeOID.numeric).postgresLiteral == "5")
        // Digits beyond the scale are cut, as numeric_out cuts them.
        #expect(try decode(PGNumeric.self, hex: "0001 ffff 0000 0001 1388", oid: TypeOID.numeric).postgresLiteral == "0.5")
    }

    @Test func rejectsMalformedValues() {
        for hex in [
            "0001 0000 0000 0000 2710",  // a base-10000 digit of 10000
            "0001 0000 0000 0000 ffff",  // a negative digit
            "0000 0000 1234 0000",  // an unknown sign
            "0001 0000 0000 0000",  // fewer digits than the count
            "0000 0000 0000 0000 00",  // a trailing byte
            "0000 0000 0000",  // a short header
            "0000 0000 0000 ffff",  // a negative scale
        ] {
            #expect(throws: CellDecodingError.self, "\(hex)") { try decode(PGNumeric.self, hex: hex, oid: TypeOID.numeric) }
        }
        #expect(throws: PGLiteralError.self) { try decode(PGNumeric.self, text: "1.2.3") }
        #expect(throws: CellDecodingError.self) { try decode(PGNumeric.self, hex: "0000002a", oid: TypeOID.int4) }
        #expect(PGNumeric.accepts(typeOID: TypeOID.numeric) && PGNumeric.accepts(typeOID: TypeOID.varchar))
        #expect(!PGNumeric.accepts(typeOID: TypeOID.float8))
    }

    @Test func readsMoneyInMinorUnits() throws {
        #expect(try decode(PGMoney.self, hex: "00000000000004d2", oid: TypeOID.money) == PGMoney(minorUnits: 1234))
        #expect(try decode(PGMoney.self, hex: "8000000000000000", oid: TypeOID.money) == PGMoney(minorUnits: .min))
        #expect(try decode(PGMoney.self, hex: "7fffffffffffffff", oid: userTypeOID) == PGMoney(minorUnits: .max))
        #expect(try decode(PGMoney.self, text: "-$92,233,720,368,547,758.08") == PGMoney(minorUnits: .min))
        #expect(throws: CellDecodingError.self) { try decode(PGMoney.self, hex: "000004d2", oid: TypeOID.money) }
        #expect(literalText(PGMoney(minorUnits: .min)) == "-92233720368547758.08")
        #expect(literalText(PGMoney(minorUnits: 1234)) == "12.34")
    }
}
