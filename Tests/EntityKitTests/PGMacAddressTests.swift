import EntityKit
import Foundation
import Testing

@Suite("PGMacAddress")
struct PGMacAddressTests {
    @Test func literals() throws {
        let mac = try #require(PGMacAddress(bytes: [0x08, 0x00, 0x2B, 0x01, 0x02, 0x03]))
        #expect(mac.postgresLiteral == "08:00:2b:01:02:03")
        #expect(mac.description == "08:00:2b:01:02:03")
        #expect(try PGMacAddress(postgresLiteral: "08:00:2b:01:02:03") == mac)
        let eui64 = try #require(PGMacAddress(bytes: [0x08, 0x00, 0x2B, 0x01, 0x02, 0x03, 0x04, 0x05]))
        #expect(eui64.postgresLiteral == "08:00:2b:01:02:03:04:05")
        #expect(try PGMacAddress(postgresLiteral: "08:00:2b:01:02:03:04:05") == eui64)
        let extremes = try #require(PGMacAddress(bytes: [0xFF, 0xFE, 0, 0xA0, 0x0A, 0xFF]))
        #expect(extremes.postgresLiteral == "ff:fe:00:a0:0a:ff")
        #expect(try PGMacAddress(postgresLiteral: "ff:fe:00:a0:0a:ff") == extremes)
    }

    /// Other spellings `macaddr_in` and `macaddr8_in` accept.
    @Test func readsOtherInputSpellings() throws {
        for text in ["08-00-2b-01-02-03", "08002b:010203", "08002b-010203", "0800.2b01.0203", "0800-2b01-0203",
                     "08002b010203", "08:00:2B:01:02:03", " 08:00:2b:01:02:03 "] {
            #expect(try PGMacAddress(postgresLiteral: text).postgresLiteral == "08:00:2b:01:02:03", "\(text)")
        }
        for text in ["0800.2b01.0203.0405", "08002b0102030405", "08-00-2b-01-02-03-04-05"] {
            #expect(try PGMacAddress(postgresLiteral: text).postgresLiteral == "08:00:2b:01:02:03:04:05", "\(text)")
        }
    }

    @Test func rejectsInvalidLiterals() {
        for text in ["", "08:00:2b:01:02", "08:00:2b:01:02:03:04", "08:00:2b-01:02:03", "08:00:2b:01:02:0g", "08::00:2b:01:02:03",
                     "08:00:2b:01:02:03:", "08:00:2b:01:02:03:04:05:06"] {
            #expect(throws: PGLiteralError.self, "\(text)") { try PGMacAddress(postgresLiteral: text) }
        }
        #expect(PGMacAddress(bytes: [1, 2, 3]) == nil)
        #expect(PGMacAddress(bytes: [UInt8](repeating: 0, count: 7)) == nil)
    }

    /// `macaddr_in` also reads single-digit groups (`0:00:2b:01:02:03`) and `macaddr8_in` a
    /// trailing separator; the server never prints either, and EntityKit does not read them.
    @Test func stricterThanPostgreSQL() {
        for text in ["0:00:2b:01:02:03", "08:00:2b:01:02:03:04:05:"] {
            #expect(throws: PGLiteralError.self, "\(text)") { try PGMacAddress(postgresLiteral: text) }
        }
    }

    @Test func codable() throws {
        let values = [PGMacAddress(bytes: [0x08, 0x00, 0x2B, 0x01, 0x02, 0x03])!]
        #expect(try jsonText(values) == #"["08:00:2b:01:02:03"]"#)
        #expect(try codableRoundTrip(values) == values)
    }
}
