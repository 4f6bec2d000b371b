import EntityKit
import Foundation
import Testing

@Suite("PGCircle")
struct PGCircleTests {
    @Test func literal() throws {
        let circle = PGCircle(center: PGPoint(x: 1, y: 2), radius: 3)
        #expect(circle.postgresLiteral == "<(1,2),3>")
        #expect(circle.description == "<(1,2),3>")
        #expect(try PGCircle(postgresLiteral: "<(1,2),3>") == circle)
        let odd = PGCircle(center: PGPoint(x: -0.0, y: 1e-05), radius: .nan)
        #expect(odd.postgresLiteral == "<(-0,1e-05),NaN>")
        #expect(try PGCircle(postgresLiteral: "<(-0,1e-05),NaN>") == odd)
        #expect(try PGCircle(postgresLiteral: "<(1,2),0>").radius == 0)
        #expect(try PGCircle(postgresLiteral: "<(1,2),Infinity>").radius == .infinity)
    }

    /// Other spellings `circle_in` accepts (checked against PostgreSQL 15).
    @Test func readsOtherInputSpellings() throws {
        let circle = PGCircle(center: PGPoint(x: 1, y: 2), radius: 3)
        for text in ["((1,2),3)", "(1,2),3", "1,2,3", "<1,2,3>", "<(1,2)3>", "<(1,2) , 3 >", " < ( 1 , 2 ) , 3 > ", "<(1,2),3)", "((1,2),3>"] {
            #expect(try PGCircle(postgresLiteral: text) == circle, "\(text)")
        }
    }

    @Test func rejectsInvalidLiterals() {
        for text in ["", "<>", "<(1,2)>", "<(1,2),-1>", "<(1,2),3", "<(1,2),3>x", "(1,2)", "<(1,2),3,4>", "<<(1,2),3>>"] {
            #expect(throws: PGLiteralError.self, "\(text)") { try PGCircle(postgresLiteral: text) }
        }
    }

    @Test func codable() throws {
        let values = [PGCircle(center: PGPoint(x: 0, y: 0.5), radius: 2)]
        #expect(try jsonText(values) == #"["<(0,0.5),2>"]"#)
        #expect(try codableRoundTrip(values) == values)
    }
}
