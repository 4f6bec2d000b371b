import EntityKit
import Foundation
import Testing

@Suite("PGMoney")
struct PGMoneyTests {
    /// What PostgreSQL 15 prints under `lc_monetary` C (en_US prints the same), and the amount.
    static let printed: [(String, Int64)] = [
        ("$1,234.56", 123_456), ("-$1,234.56", -123_456), ("$0.00", 0), ("$0.01", 1), ("$1,234,567.50", 123_456_750),
        ("-$92,233,720,368,547,758.08", .min), ("$92,233,720,368,547,758.07", .max),
    ]

    @Test("parses what PostgreSQL prints", arguments: printed)
    func parsesServerOutput(printed: String, minorUnits: Int64) throws {
        #expect(try PGMoney(postgresLiteral: printed) == PGMoney(minorUnits: minorUnits))
    }

    @Test func literals() throws {
        let cases: [(Int64, String)] = [
            (123_456, "1234.56"), (-123_456, "-1234.56"), (0, "0.00"), (1, "0.01"), (-5, "-0.05"), (100, "1.00"),
            (.max, "92233720368547758.07"), (.min, "-92233720368547758.08"),
        ]
        for (units, literal) in cases {
            let money = PGMoney(minorUnits: units)
            #expect(money.postgresLiteral == literal)
            #expect(money.description == literal)
            #expect(try PGMoney(postgresLiteral: literal) == money)
        }
        #expect(PGMoney(minorUnits: -123_456).decimalValue == Decimal(string: "-1234.56"))
        #expect(PGMoney(minorUnits: 1) < PGMoney(minorUnits: 2))
    }

    /// Other input `cash_in` accepts under the C locale, and the amounts PostgreSQL 15 reads.
    @Test func readsOtherInputSpellings() throws {
        let cases: [(String, Int64)] = [
            ("($1,234.56)", -123_456), ("1234.565", 123_457), ("1234.564", 123_456), ("-1234.565", -123_457),
            ("$-1,234.56", -123_456), ("1234", 123_400), (" 12.5 ", 1250), ("1234.56-", -123_456), (".5", 50),
            ("1,2,3,4", 123_400), ("", 0), ("-", 0), ("$", 0), ("+$3.10", 310), ("1.239999", 124),
        ]
        for (text, units) in cases {
            #expect(try PGMoney(postgresLiteral: text).minorUnits == units, "\(text)")
        }
    }

    @Test func rejectsInvalidLiterals() {
        for text in ["abc", "92233720368547758.08", "-92233720368547758.09", "1.2.3", "12x", "1e5", "€1"] {
            #expect(throws: PGLiteralError.self, "\(text)") { try PGMoney(postgresLiteral: text) }
        }
    }

    @Test func codable() throws {
        let values = [PGMoney(minorUnits: 123_456), PGMoney(minorUnits: -1)]
        #expect(try jsonText(values) == #"["1234.56","-0.01"]"#)
        #expect(try codableRoundTrip(values) == values)
        #expect(try decodeJSON(PGMoney.self, from: #""$1,234.56""#) == values[0])
    }
}
