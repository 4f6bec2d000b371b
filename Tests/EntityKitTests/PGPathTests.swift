import EntityKit
import Foundation
import Testing

@Suite("PGPath")
struct PGPathTests {
    static let twoPoints = [PGPoint(x: 1, y: 2), PGPoint(x: 3, y: 4)]

    @Test func openAndClosedLiterals() throws {
        let open = PGPath(points: Self.twoPoints, isClosed: false)
        let closed = PGPath(points: Self.twoPoints, isClosed: true)
        #expect(open.postgresLiteral == "[(1,2),(3,4)]")
        #expect(closed.postgresLiteral == "((1,2),(3,4))")
        #expect(closed.description == "((1,2),(3,4))")
        #expect(try PGPath(postgresLiteral: "[(1,2),(3,4)]") == open)
        #expect(try PGPath(postgresLiteral: "((1,2),(3,4))") == closed)
        #expect(open != closed)
        let single = PGPath(points: [PGPoint(x: 1, y: 2)], isClosed: false)
        #expect(single.postgresLiteral == "[(1,2)]")
        #expect(try PGPath(postgresLiteral: "[(1,2)]") == single)
        #expect(try PGPath(postgresLiteral: "((1,2))") == PGPath(points: [PGPoint(x: 1, y: 2)], isClosed: true))
    }

    /// Other spellings `path_in` accepts, and what PostgreSQL 15 makes of them.
    @Test func readsOtherInputSpellings() throws {
        let closed = PGPath(points: Self.twoPoints, isClosed: true)
        for text in ["(1,2),(3,4)", "1,2,3,4", "(1,2,3,4)", " ( ( 1 , 2 ) , ( 3 , 4 ) ) "] {
            #expect(try PGPath(postgresLiteral: text) == closed, "\(text)")
        }
        #expect(try PGPath(postgresLiteral: "(1,2)") == PGPath(points: [PGPoint(x: 1, y: 2)], isClosed: true))
        #expect(try PGPath(postgresLiteral: "[(1,2),(3,4))") == PGPath(points: Self.twoPoints, isClosed: false))
        let many = try PGPath(postgresLiteral: "[(0,0),(1,1e-05),(NaN,-Infinity),(2,3)]")
        #expect(many.points.count == 4)
        #expect(many.postgresLiteral == "[(0,0),(1,1e-05),(NaN,-Infinity),(2,3)]")
    }

    @Test func rejectsInvalidLiterals() {
        for text in ["", "[]", "()", "[(1,2),(3,4)", "[(1,2),(3,4)]]", "[(1,2),]", "1,2,3", "{(1,2)}", "[(1,2)(3,4)]"] {
            #expect(throws: PGLiteralError.self, "\(text)") { try PGPath(postgresLiteral: text) }
        }
    }

    @Test func codable() throws {
        let values = [PGPath(points: Self.twoPoints, isClosed: false), PGPath(points: Self.twoPoints, isClosed: true)]
        #expect(try jsonText(values) == #"["[(1,2),(3,4)]","((1,2),(3,4))"]"#)
        #expect(try codableRoundTrip(values) == values)
    }
}
