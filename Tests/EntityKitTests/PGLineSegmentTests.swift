import EntityKit
import Foundation
import Testing

@Suite("PGLineSegment")
struct PGLineSegmentTests {
    @Test func literal() throws {
        let segment = PGLineSegment(start: PGPoint(x: 1, y: 2), end: PGPoint(x: 3, y: 4))
        #expect(segment.postgresLiteral == "[(1,2),(3,4)]")
        #expect(segment.description == "[(1,2),(3,4)]")
        #expect(try PGLineSegment(postgresLiteral: "[(1,2),(3,4)]") == segment)
        let odd = PGLineSegment(start: PGPoint(x: -0.0, y: .nan), end: PGPoint(x: 1e-5, y: -.infinity))
        #expect(odd.postgresLiteral == "[(-0,NaN),(1e-05,-Infinity)]")
        #expect(try PGLineSegment(postgresLiteral: odd.postgresLiteral) == odd)
    }

    /// Every spelling `lseg_in` accepts, as PostgreSQL 15 reads them.
    @Test func readsOtherInputSpellings() throws {
        let segment = PGLineSegment(start: PGPoint(x: 1, y: 2), end: PGPoint(x: 3, y: 4))
        for text in ["((1,2),(3,4))", "(1,2),(3,4)", "1,2,3,4", "(1,2,3,4)", " [ ( 1 , 2 ) , ( 3 , 4 ) ] ", "[(1,2),(3,4))"] {
            #expect(try PGLineSegment(postgresLiteral: text) == segment, "\(text)")
        }
    }

    @Test func rejectsInvalidLiterals() {
        for text in ["", "[]", "[(1,2)]", "(1,2),(3,4),(5,6)", "[(1,2),(3,4)", "[(1,2),(3,4)]x", "1,2,3", "{1,2,3,4}"] {
            #expect(throws: PGLiteralError.self, "\(text)") { try PGLineSegment(postgresLiteral: text) }
        }
    }

    @Test func codable() throws {
        let values = [PGLineSegment(start: PGPoint(x: 1, y: 2), end: PGPoint(x: 3, y: 4.5))]
        #expect(try jsonText(values) == #"["[(1,2),(3,4.5)]"]"#)
        #expect(try codableRoundTrip(values) == values)
    }
}
