import EntityKit
import Foundation
import Testing

@Suite("PGTupleID")
struct PGTupleIDTests {
    @Test func literals() throws {
        let cases: [(String, UInt32, UInt16)] = [("(0,1)", 0, 1), ("(4294967295,65535)", .max, .max), ("(12,0)", 12, 0)]
        for (printed, block, offset) in cases {
            let value = PGTupleID(block: block, offset: offset)
            #expect(try PGTupleID(postgresLiteral: printed) == value)
            #expect(value.postgresLiteral == printed)
            #expect(value.description == printed)
        }
        #expect(PGTupleID(block: 1, offset: 9) < PGTupleID(block: 2, offset: 0))
    }

    /// Other input `tidin` accepts, and what PostgreSQL 15 reads.
    @Test func readsOtherInputSpellings() throws {
        #expect(try PGTupleID(postgresLiteral: "(+3,4)") == PGTupleID(block: 3, offset: 4))
        #expect(try PGTupleID(postgresLiteral: "( 1,2)") == PGTupleID(block: 1, offset: 2))
        #expect(try PGTupleID(postgresLiteral: "(1, 2)") == PGTupleID(block: 1, offset: 2))
        #expect(try PGTupleID(postgresLiteral: "(01,002)") == PGTupleID(block: 1, offset: 2))
        #expect(try PGTupleID(postgresLiteral: "(-1,0)") == PGTupleID(block: .max, offset: 0))
        #expect(try PGTupleID(postgresLiteral: "(-2147483648,0)") == PGTupleID(block: 2_147_483_648, offset: 0))
    }

    @Test func rejectsInvalidLiterals() {
        for text in ["", "(4294967296,0)", "(0,65536)", "(0,-1)", "(0,1", "0,1", "(-2147483649,0)", "(1 ,2)", "(1,2 )", "(a,1)"] {
            #expect(throws: PGLiteralError.self, "\(text)") { try PGTupleID(postgresLiteral: text) }
        }
    }

    /// `tidin` reads a missing number as 0 (`(,1)` is `(0,1)`); EntityKit requires digits.
    @Test func stricterThanPostgreSQL() {
        #expect(throws: PGLiteralError.self) { try PGTupleID(postgresLiteral: "(,1)") }
    }

    @Test func codable() throws {
        let values = [PGTupleID(block: 0, offset: 1)]
        #expect(try jsonText(values) == #"["(0,1)"]"#)
        #expect(try codableRoundTrip(values) == values)
    }
}
