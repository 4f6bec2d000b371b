import EntityKit
import Foundation
import Testing

@Suite("PGChar")
struct PGCharTests {
    /// PostgreSQL 15 prints 0 as the empty string, ASCII as itself and the rest as `\ooo`.
    @Test func literals() throws {
        #expect(PGChar(byte: 0).postgresLiteral == "")
        #expect(PGChar(byte: 65).postgresLiteral == "A")
        #expect(PGChar(byte: 92).postgresLiteral == "\\")
        #expect(PGChar(byte: 127).postgresLiteral == "\u{7F}")
        #expect(PGChar(byte: 128).postgresLiteral == "\\200")
        #expect(PGChar(byte: 255).postgresLiteral == "\\377")
        #expect(PGChar(byte: 255).description == "\\377")
        #expect(try PGChar(postgresLiteral: "r") == PGChar(byte: UInt8(ascii: "r")))
        #expect(try PGChar(postgresLiteral: "\\101") == PGChar(byte: 65))
        #expect(PGChar("v") == PGChar(byte: 118))
        #expect(PGChar("é") == nil)
    }

    @Test func everyByteRoundTrips() throws {
        for byte in UInt8.min...UInt8.max {
            let value = PGChar(byte: byte)
            #expect(try PGChar(postgresLiteral: value.postgresLiteral) == value)
        }
    }

    /// `charin` keeps the first byte of longer text and wraps `\400` and above; EntityKit refuses.
    @Test func rejectsWhatWouldLoseData() {
        for text in ["ab", "é", "\\400", "\\777", "\\38", "\\1", "\\12", "\\1234"] {
            #expect(throws: PGLiteralError.self, "\(text)") { try PGChar(postgresLiteral: text) }
        }
    }

    @Test func codable() throws {
        let values = [PGChar(byte: 114), PGChar(byte: 0), PGChar(byte: 200)]
        #expect(try jsonText(values) == #"["r","","\\310"]"#)
        #expect(try codableRoundTrip(values) == values)
    }
}
