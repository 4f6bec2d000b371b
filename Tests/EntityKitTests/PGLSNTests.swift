import EntityKit
import Foundation
import Testing

@Suite("PGLSN")
struct PGLSNTests {
    static let printed: [(String, UInt64)] = [
        ("16/B374D848", 0x16_B374_D848), ("0/0", 0), ("FFFFFFFF/FFFFFFFF", .max), ("16/B", 0x16_0000_000B), ("1/0", 1 << 32),
    ]

    @Test("parses and prints what PostgreSQL prints", arguments: printed)
    func literal(printed: String, value: UInt64) throws {
        #expect(try PGLSN(postgresLiteral: printed) == PGLSN(value: value))
        #expect(PGLSN(value: value).postgresLiteral == printed)
        #expect(PGLSN(value: value).description == printed)
    }

    @Test func readsOtherSpellings() throws {
        #expect(try PGLSN(postgresLiteral: "16/b374d848").value == 0x16_B374_D848)
        #expect(try PGLSN(postgresLiteral: "00000016/0000000B").value == 0x16_0000_000B)
        #expect(PGLSN(value: 1) < PGLSN(value: 2))
    }

    @Test func rejectsInvalidLiterals() {
        for text in ["", "100000000/0", " 0/0", "0/0 ", "/0", "0/", "0", "0/0/0", "G/0", "+1/0", "-1/0"] {
            #expect(throws: PGLiteralError.self, "\(text)") { try PGLSN(postgresLiteral: text) }
        }
    }

    @Test func codable() throws {
        let values = [PGLSN(value: 0x16_B374_D848)]
        #expect(try jsonText(values) == #"["16/B374D848"]"#)
        #expect(try codableRoundTrip(values) == values)
    }
}
