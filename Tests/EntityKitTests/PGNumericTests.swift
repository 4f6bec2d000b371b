import EntityKit
import Foundation
import Testing

@Suite("PGNumeric")
struct PGNumericTests {
    /// Input text and PostgreSQL 15's output for it (`select '…'::numeric`).
    static let canonicalSpellings: [(String, String)] = [
        ("0", "0"), ("-0", "0"), ("-0.0", "0.0"), ("+5", "5"), ("007.50", "7.50"), (".5", "0.5"), ("5.", "5"),
        ("-12.3400", "-12.3400"), ("1.5e3", "1500"), ("1e-3", "0.001"), ("1.50e1", "15.0"), ("1E+2", "100"),
        ("-1.5E-2", "-0.015"), ("100e-2", "1.00"), ("0e5", "0"), ("0.000e2", "0.0"), ("1e5", "100000"),
        ("12e-1", "1.2"), ("-0.5e-2", "-0.005"),
        ("NaN", "NaN"), ("nan", "NaN"), ("Infinity", "Infinity"), ("+Infinity", "Infinity"), ("inf", "Infinity"),
        ("-Infinity", "-Infinity"), ("-inf", "-Infinity"),
    ]

    @Test("canonical spelling", arguments: canonicalSpellings)
    func canonical(input: String, output: String) throws {
        let value = try PGNumeric(postgresLiteral: input)
        #expect(value.postgresLiteral == output)
        #expect(value.description == output)
        #expect(try PGNumeric(postgresLiteral: output) == value)
    }

    @Test("rejects what is not a number", arguments: [
        "", "-", "+", ".", "-.", "1.2.3", "1e", "e5", "1e1.5", "1e+", "abc", "1,5", "--1", "+-1", "-NaN",
        "0x10", "١٢", "1 2", "Infinityx",
    ])
    func rejects(literal: String) {
        #expect(throws: PGLiteralError.self) { try PGNumeric(postgresLiteral: literal) }
    }

    @Test func specialValues() {
        #expect(PGNumeric.nan.isNaN && !PGNumeric.nan.isInfinite)
        #expect(PGNumeric.infinity.isInfinite && PGNumeric.negativeInfinity.isInfinite)
        #expect(PGNumeric.infinity.postgresLiteral == "Infinity")
        #expect(PGNumeric.negativeInfinity.postgresLiteral == "-Infinity")
        #expect(!PGNumeric("12.5").isNaN && !PGNumeric("12.5").isInfinite)
        #expect(PGNumeric.nan.decimal == nil && PGNumeric.infinity.decimal == nil)
        #expect(PGNumeric.nan.doubleValue.isNaN)
        #expect(PGNumeric.infinity.doubleValue == .infinity)
        #expect(PGNumeric.negativeInfinity.doubleValue == -.infinity)
    }

    @Test func equalityIsTextual() {
        let one: PGNumeric = "1.0"
        #expect(one != PGNumeric("1.00"))
        #expect(one != PGNumeric(1))
        #expect(one == PGNumeric("1.0e0"))
        #expect(PGNumeric("-0.0") == PGNumeric("0.0"))
        #expect(Set<PGNumeric>(["1.0", "1.00", "01.0", "1"]).count == 3)
    }

    @Test func moreDigitsThanDecimalHolds() throws {
        let sixty = "123456789012345678901234567890.123456789012345678901234567890"
        let value = try PGNumeric(postgresLiteral: sixty)
        #expect(value.postgresLiteral == sixty)
        #expect(try PGNumeric(postgresLiteral: value.postgresLiteral) == value)
        #expect(try codableRoundTrip(value) == value)
        let decimal = try #require(value.decimal)
        #expect(decimal > Decimal(string: "123456789012345678901234567890")!)
        #expect(decimal < Decimal(string: "123456789012345678901234567891")!)
        let huge = "-" + String(repeating: "9", count: 1000) + "." + String(repeating: "0", count: 999) + "1"
        #expect(try PGNumeric(postgresLiteral: huge).postgresLiteral == huge)
    }

    @Test func decimalValue() throws {
        #expect(PGNumeric("12.34").decimal == Decimal(string: "12.34"))
        #expect(PGNumeric("-0.001").decimal == Decimal(string: "-0.001"))
        #expect(PGNumeric("1500").decimal == Decimal(1500))
        #expect(PGNumeric(Decimal(string: "-12.5")!).postgresLiteral == "-12.5")
        #expect(PGNumeric(Decimal(string: "0.000001")!).postgresLiteral == "0.000001")
        #expect(PGNumeric(Decimal(string: "1e20")!).postgresLiteral == "100000000000000000000")
        #expect(PGNumeric(Decimal.nan).isNaN)
    }

    @Test func doubleValue() {
        #expect(PGNumeric("1500").doubleValue == 1500)
        #expect(PGNumeric("0.001").doubleValue == 0.001)
        #expect(PGNumeric("-12.3400").doubleValue == -12.34)
        #expect(PGNumeric("123456789012345678901234567890").doubleValue == 1.2345678901234568e29)
    }

    @Test func integers() {
        #expect(PGNumeric(Int64.min).postgresLiteral == "-9223372036854775808")
        #expect(PGNumeric(UInt64.max).postgresLiteral == "18446744073709551615")
        let literal: PGNumeric = 42
        #expect(literal.postgresLiteral == "42")
        #expect(PGNumeric(integerLiteral: -7).postgresLiteral == "-7")
    }

    @Test func codableAsJSONString() throws {
        #expect(try jsonText(PGNumeric("1.50")) == #""1.50""#)
        #expect(try jsonText([PGNumeric.nan, .infinity, .negativeInfinity]) == #"["NaN","Infinity","-Infinity"]"#)
        #expect(try decodeJSON(PGNumeric.self, from: #""1.50""#).postgresLiteral == "1.50")
        #expect(try decodeJSON(PGNumeric.self, from: #""1e-3""#).postgresLiteral == "0.001")
        #expect(try decodeJSON(PGNumeric.self, from: "2.5").postgresLiteral == "2.5")
        #expect(try decodeJSON(PGNumeric.self, from: "-42").postgresLiteral == "-42")
        #expect(throws: (any Error).self) { try decodeJSON(PGNumeric.self, from: #""abc""#) }
    }
}
