import EntityKit
import Foundation
import Testing

@Suite("PGLine")
struct PGLineTests {
    static let printed: [(String, PGLine)] = [
        ("{1,2,3}", PGLine(a: 1, b: 2, c: 3)),
        ("{1,-0,3}", PGLine(a: 1, b: -0.0, c: 3)),
        ("{1.5,-1,0.5}", PGLine(a: 1.5, b: -1, c: 0.5)),
        ("{1e-05,0,1}", PGLine(a: 1e-5, b: 0, c: 1)),
        ("{NaN,-1,NaN}", PGLine(a: .nan, b: -1, c: .nan)),
        ("{-Infinity,1e+20,5e-324}", PGLine(a: -.infinity, b: 1e20, c: .leastNonzeroMagnitude)),
    ]

    @Test("parses and prints what PostgreSQL prints", arguments: printed)
    func literal(printed: String, line: PGLine) throws {
        let parsed = try PGLine(postgresLiteral: printed)
        #expect(parsed == line)
        #expect(line.postgresLiteral == printed)
        #expect(parsed.postgresLiteral == printed)
        #expect(line.description == printed)
    }

    @Test func whiteSpaceIsAllowed() throws {
        let line = try PGLine(postgresLiteral: " { 1 , -0 , 3 } ")
        #expect(line == PGLine(a: 1, b: 0, c: 3))
        #expect(line.b.sign == .minus)
    }

    /// Two points become the coefficients `line_in` computes (checked against PostgreSQL 15).
    @Test func readsTwoPoints() throws {
        let cases: [(String, String)] = [
            ("[(0,0),(1,1)]", "{1,-1,0}"), ("((0,0),(1,1))", "{1,-1,0}"), ("(0,0),(1,2)", "{2,-1,0}"),
            ("0,0,1,2", "{2,-1,0}"), ("[(0,0),(0,1)]", "{-1,0,0}"), ("[(0,0),(1,0)]", "{0,-1,0}"),
            ("[(1,2),(3,5)]", "{1.5,-1,0.5}"), ("[(1,1),(2,2)]", "{1,-1,0}"), ("[(0,0),(1e-7,1)]", "{-1,0,0}"),
            ("[(0,0),(1,1e-7)]", "{0,-1,0}"), ("[(NaN,0),(1,1)]", "{NaN,-1,NaN}"), ("(1,2),(3,4)", "{1,-1,1}"),
        ]
        for (input, printed) in cases {
            #expect(try PGLine(postgresLiteral: input).postgresLiteral == printed, "\(input)")
        }
        #expect(PGLine(through: PGPoint(x: 1, y: 2), PGPoint(x: 1, y: 2)) == nil)
    }

    @Test func rejectsInvalidLiterals() {
        let invalid = [
            "", "{}", "{1,2}", "{1,2,3", "{1,2,3}x", "{1;2;3}", "{0,0,1}", "{1e-7,0,1}", "{1e-6,1e-6,1}",
            "[(0,0),(0,0)]", "[(0,0),(1e-7,1e-7)]", "[(0,NaN),(0,NaN)]", "[(NaN,NaN),(NaN,NaN)]", "[(1,2)]", "(1,2,3)",
        ]
        for text in invalid {
            #expect(throws: PGLiteralError.self, "\(text)") { try PGLine(postgresLiteral: text) }
        }
    }

    @Test func codable() throws {
        let values = [PGLine(a: 1, b: -1, c: 0), PGLine(a: .nan, b: 2.5, c: .infinity)]
        #expect(try jsonText(values) == #"["{1,-1,0}","{NaN,2.5,Infinity}"]"#)
        #expect(try codableRoundTrip(values) == values)
        #expect(throws: (any Error).self) { try decodeJSON(PGLine.self, from: #""{0,0,0}""#) }
    }
}
