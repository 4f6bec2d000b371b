import EntityKit
import Foundation
import Testing

@Suite("PGPolygon")
struct PGPolygonTests {
    @Test func literal() throws {
        let triangle = PGPolygon(points: [PGPoint(x: 1, y: 2), PGPoint(x: 3, y: 4), PGPoint(x: 5, y: 6)])
        #expect(triangle.postgresLiteral == "((1,2),(3,4),(5,6))")
        #expect(triangle.description == "((1,2),(3,4),(5,6))")
        #expect(try PGPolygon(postgresLiteral: "((1,2),(3,4),(5,6))") == triangle)
        let single = PGPolygon(points: [PGPoint(x: 1, y: 2)])
        #expect(single.postgresLiteral == "((1,2))")
        #expect(try PGPolygon(postgresLiteral: "((1,2))") == single)
    }

    /// Other spellings `poly_in` accepts (checked against PostgreSQL 15).
    @Test func readsOtherInputSpellings() throws {
        let two = PGPolygon(points: [PGPoint(x: 1, y: 2), PGPoint(x: 3, y: 4)])
        for text in ["(1,2),(3,4)", "(1,2,3,4)", "1,2,3,4", " ( ( 1 , 2 ) , ( 3 , 4 ) ) "] {
            #expect(try PGPolygon(postgresLiteral: text) == two, "\(text)")
        }
        #expect(try PGPolygon(postgresLiteral: "1,2,3,4,5,6").points.count == 3)
        #expect(try PGPolygon(postgresLiteral: "(1,2)") == PGPolygon(points: [PGPoint(x: 1, y: 2)]))
    }

    @Test func rejectsInvalidLiterals() {
        for text in ["", "()", "[(1,2),(3,4)]", "((1,2),(3,4)", "((1,2),(3,4)))", "1,2,3", "((1,2),(3,4))x"] {
            #expect(throws: PGLiteralError.self, "\(text)") { try PGPolygon(postgresLiteral: text) }
        }
    }

    @Test func codable() throws {
        let values = [PGPolygon(points: [PGPoint(x: 0, y: 0), PGPoint(x: 1, y: 0), PGPoint(x: 0, y: 1)])]
        #expect(try jsonText(values) == #"["((0,0),(1,0),(0,1))"]"#)
        #expect(try codableRoundTrip(values) == values)
    }
}
