import EntityKit
import Foundation
import Testing

@Suite("PGBitString")
struct PGBitStringTests {
    @Test func literals() throws {
        let value = PGBitString(bits: [false, true, false, true])
        #expect(value.bitCount == 4)
        #expect(value.bytes == [0x50])
        #expect(value.postgresLiteral == "0101")
        #expect(value.description == "0101")
        #expect(try PGBitString(postgresLiteral: "0101") == value)
        let nine = try PGBitString(postgresLiteral: "101100001")
        #expect(nine.bitCount == 9)
        #expect(nine.bytes == [0xB0, 0x80])
        #expect(nine.postgresLiteral == "101100001")
        let empty = try PGBitString(postgresLiteral: "")
        #expect(empty.bitCount == 0 && empty.bytes.isEmpty)
        #expect(empty.postgresLiteral == "")
        #expect(try PGBitString(postgresLiteral: "11111111").bytes == [0xFF])
    }

    @Test func bitsRoundTrip() {
        for count in 0...17 {
            let bits = (0..<count).map { $0 % 3 == 0 }
            let value = PGBitString(bits: bits)
            #expect(value.bits == bits)
            #expect(value.bytes.count == (count + 7) / 8)
            #expect(value.postgresLiteral.count == count)
        }
    }

    /// `B` and `X` prefixes, as `varbit_in` reads them (checked against PostgreSQL 15).
    @Test func readsPrefixedInput() throws {
        #expect(try PGBitString(postgresLiteral: "B0101").postgresLiteral == "0101")
        #expect(try PGBitString(postgresLiteral: "b0101").postgresLiteral == "0101")
        #expect(try PGBitString(postgresLiteral: "X1F").postgresLiteral == "00011111")
        #expect(try PGBitString(postgresLiteral: "xa").postgresLiteral == "1010")
        #expect(try PGBitString(postgresLiteral: "b").bitCount == 0)
        #expect(try PGBitString(postgresLiteral: "x").bitCount == 0)
    }

    @Test func validatesComponents() throws {
        #expect(PGBitString(bitCount: 9, bytes: [0xFF]) == nil)
        #expect(PGBitString(bitCount: 4, bytes: [0xF0, 0]) == nil)
        #expect(PGBitString(bitCount: -1, bytes: []) == nil)
        // Padding bits are cleared, so equal bit strings are equal values.
        let padded = try #require(PGBitString(bitCount: 3, bytes: [0xBF]))
        #expect(padded.bytes == [0xA0])
        #expect(padded == PGBitString(bits: [true, false, true]))
    }

    @Test func rejectsInvalidLiterals() {
        for text in ["012", " 01", "01 ", "B012", "X1G", "0b01", "1e1"] {
            #expect(throws: PGLiteralError.self, "\(text)") { try PGBitString(postgresLiteral: text) }
        }
    }

    @Test func codable() throws {
        let values = [PGBitString(bits: [true, false, true]), PGBitString(bits: [])]
        #expect(try jsonText(values) == #"["101",""]"#)
        #expect(try codableRoundTrip(values) == values)
    }
}
