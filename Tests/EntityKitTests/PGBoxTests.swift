import EntityKit
import Foundation
import Testing

@Suite("PGBox")
struct PGBoxTests {
    @Test func literal() throws {
        let box = PGBox(high: PGPoint(x: 3, y: 4), low: PGPoint(x: 1, y: 2))
        #expect(box.postgresLiteral == "(3,4),(1,2)")
        #expect(box.description == "(3,4),(1,2)")
        #expect(try PGBox(postgresLiteral: "(3,4),(1,2)") == box)
    }

    /// `box_in` puts the larger coordinates in `high` (checked against PostgreSQL 15).
    @Test func cornersAreSorted() throws {
        let box = PGBox(high: PGPoint(x: 3, y: 4), low: PGPoint(x: 1, y: 2))
        for text in ["(1,2),(3,4)", "((3,4),(1,2))", "(3,2),(1,4)", "1,2,3,4", "(1,2,3,4)", " ( 1 , 2 ) , ( 3 , 4 ) "] {
            let parsed = try PGBox(postgresLiteral: text)
            #expect(parsed == box, "\(text)")
            #expect(parsed.postgresLiteral == "(3,4),(1,2)")
        }
        #expect(PGBox(PGPoint(x: 1, y: 4), PGPoint(x: 3, y: 2)) == box)
        #expect(PGBox(high: PGPoint(x: 1, y: 2), low: PGPoint(x: 3, y: 4)).high == PGPoint(x: 3, y: 4))
    }

    /// NaN sorts above every number, as in PostgreSQL: `(NaN,1),(2,NaN)` prints `(NaN,NaN),(2,1)`.
    @Test func nanSortsHighest() throws {
        #expect(try PGBox(postgresLiteral: "(NaN,1),(2,NaN)").postgresLiteral == "(NaN,NaN),(2,1)")
        #expect(try PGBox(postgresLiteral: "(1,NaN),(NaN,2)").postgresLiteral == "(NaN,NaN),(1,2)")
        #expect(try PGBox(postgresLiteral: "(-Infinity,Infinity),(Infinity,-Infinity)").postgresLiteral
            == "(Infinity,Infinity),(-Infinity,-Infinity)")
    }

    @Test func rejectsInvalidLiterals() {
        for text in ["", "(1,2)", "[(1,2),(3,4)]", "(1,2),(3,4),(5,6)", "(1,2),(3,4", "1,2,3", "(1,2),(3,4)x"] {
            #expect(throws: PGLiteralError.self, "\(text)") { try PGBox(postgresLiteral: text) }
        }
    }

    @Test func codable() throws {
        let values = [PGBox(PGPoint(x: 0, y: 0), PGPoint(x: -1.5, y: 2))]
        #expect(try jsonText(values) == #"["(0,2),(-1.5,0)"]"#)
        #expect(try codableRoundTrip(values) == values)
    }
}
