@testable import EntityKit
import Foundation
import Testing

@Suite("PGPoint")
struct PGPointTests {
    /// Subnormal doubles (spelled as text: such literals draw compiler warnings).
    static let subnormal = Double("1e-310")!
    static let smallest = Double.leastNonzeroMagnitude
    /// `float8` values and how PostgreSQL 15 prints them (checked against a server).
    static let printedFloats: [(Double, String)] = [
        (1, "1"), (1.5, "1.5"), (-2e-5, "-2e-05"), (100, "100"), (1234.5678, "1234.5678"), (0.1, "0.1"),
        (0.0001, "0.0001"), (0.00001, "1e-05"), (123_456_789_012_345, "123456789012345"),
        (999_999_999_999_999.9, "999999999999999.9"), (1e15, "1e+15"), (1e16, "1e+16"),
        (1.2345678901234568e17, "1.2345678901234568e+17"), (1e22, "1e+22"), (.greatestFiniteMagnitude, "1.7976931348623157e+308"),
        (Self.subnormal, "1e-310"), (Self.smallest, "5e-324"), (-0.0, "-0"), (0, "0"), (.infinity, "Infinity"), (-.infinity, "-Infinity"),
    ]

    @Test("formats doubles as PostgreSQL prints them", arguments: printedFloats)
    func formatsDoubles(value: Double, printed: String) throws {
        #expect(PGFloatText.format(value) == printed)
        let parsed = try #require(PGFloatText.parse(printed))
        #expect(parsed.bitPattern == value.bitPattern)
    }

    @Test func nanFormatsAndParses() throws {
        #expect(PGFloatText.format(.nan) == "NaN")
        #expect(PGFloatText.format(-Double.nan) == "NaN")
        for spelling in ["NaN", "nan", "-NaN", " NaN "] {
            #expect(try #require(PGFloatText.parse(spelling)).isNaN)
        }
        for spelling in ["inf", "+inf", "Infinity", "+infinity", "INFINITY"] {
            #expect(PGFloatText.parse(spelling) == .infinity)
        }
        #expect(PGFloatText.parse("-inf") == -.infinity)
    }

    @Test func rejectsNumbersPostgreSQLRejects() {
        for text in ["", " ", "1e400", "-1e400", "1e-400", "1.2.3", "abc", "infinit", "1e", "1,"] {
            #expect(PGFloatText.parse(text) == nil, "\(text)")
        }
        // glibc's strtod lets PostgreSQL read hex floats (`(0x10,1)` is `(16,1)`); it never prints them.
        #expect(PGFloatText.parse("0x10") == nil)
        #expect(PGFloatText.parse("1e-320") == Double("1e-320"))  // subnormal: accepted
        #expect(PGFloatText.parse(" .5 ") == 0.5)
        #expect(PGFloatText.parse("5.") == 5)
        #expect(PGFloatText.parse("1E+05") == 100_000)
    }

    @Test func randomDoublesRoundTrip() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let value = Double(bitPattern: generator.next())
            guard !value.isNaN else { continue }
            let text = PGFloatText.format(value)
            #expect(PGFloatText.parse(text)?.bitPattern == value.bitPattern, "\(text)")
        }
    }

    static let printed: [(String, PGPoint)] = [
        ("(1,2)", PGPoint(x: 1, y: 2)),
        ("(1.5,-2e-05)", PGPoint(x: 1.5, y: -2e-5)),
        ("(-Infinity,-0)", PGPoint(x: -.infinity, y: -0.0)),
        ("(1e+16,1e+15)", PGPoint(x: 1e16, y: 1e15)),
        ("(1.2345678901234568e+17,0.1)", PGPoint(x: 1.2345678901234568e17, y: 0.1)),
        ("(0.0001,1e-05)", PGPoint(x: 0.0001, y: 0.00001)),
        ("(1e-310,5e-324)", PGPoint(x: Self.subnormal, y: Self.smallest)),
    ]

    @Test("parses and prints what PostgreSQL prints", arguments: printed)
    func literal(printed: String, point: PGPoint) throws {
        #expect(try PGPoint(postgresLiteral: printed) == point)
        #expect(point.postgresLiteral == printed)
        #expect(point.description == printed)
    }

    @Test func negativeZeroIsKept() throws {
        let point = try PGPoint(postgresLiteral: "(-0,0)")
        #expect(point.x.sign == .minus)
        #expect(point.y.sign == .plus)
        #expect(point.postgresLiteral == "(-0,0)")
    }

    @Test func nanEqualsNaN() throws {
        let point = try PGPoint(postgresLiteral: "(NaN,Infinity)")
        #expect(point.x.isNaN)
        #expect(point.y == .infinity)
        #expect(point == PGPoint(x: .nan, y: .infinity))
        #expect(point.hashValue == PGPoint(x: -.nan, y: .infinity).hashValue)
        #expect(point.postgresLiteral == "(NaN,Infinity)")
        #expect(PGPoint(x: 0, y: 1) == PGPoint(x: -0.0, y: 1))
        #expect(Set([PGPoint(x: 0, y: 1), PGPoint(x: -0.0, y: 1)]).count == 1)
    }

    @Test func readsOtherInputSpellings() throws {
        #expect(try PGPoint(postgresLiteral: " ( 1.5 , -2e-5 ) ") == PGPoint(x: 1.5, y: -2e-5))
        #expect(try PGPoint(postgresLiteral: "1,2") == PGPoint(x: 1, y: 2))
        #expect(try PGPoint(postgresLiteral: "(-inf,+3)") == PGPoint(x: -.infinity, y: 3))
    }

    @Test func rejectsInvalidLiterals() {
        for text in ["", "()", "(1)", "(1,2", "1,2)", "(1,2)x", "(1,2),(3,4)", "(1;2)", "(1e400,1)", "(1e-400,1)", "[1,2]", "(a,b)"] {
            #expect(throws: PGLiteralError.self, "\(text)") { try PGPoint(postgresLiteral: text) }
        }
        #expect(throws: PGLiteralError("point", "(1,2")) { try PGPoint(postgresLiteral: "(1,2") }
    }

    @Test func codable() throws {
        let values = [PGPoint(x: 1, y: -2.5), PGPoint(x: .nan, y: -.infinity)]
        #expect(try jsonText(values) == #"["(1,-2.5)","(NaN,-Infinity)"]"#)
        #expect(try codableRoundTrip(values) == values)
        #expect(throws: (any Error).self) { try decodeJSON(PGPoint.self, from: #""(1,""#) }
    }
}
