import EntityKit
import Foundation
import Testing

@Suite("PGInet")
struct PGInetTests {
    /// What PostgreSQL 15 prints, and the address and prefix it stands for.
    static let printed: [(String, [UInt8], Int)] = [
        ("1.2.3.4", [1, 2, 3, 4], 32),
        ("1.2.3.4/24", [1, 2, 3, 4], 24),
        ("10.0.0.0/8", [10, 0, 0, 0], 8),
        ("0.0.0.0/0", [0, 0, 0, 0], 0),
        ("255.255.255.255", [255, 255, 255, 255], 32),
        ("::1", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 128),
        ("::", [UInt8](repeating: 0, count: 16), 128),
        ("::/0", [UInt8](repeating: 0, count: 16), 0),
        ("::ffff:1.2.3.4", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 1, 2, 3, 4], 128),
        ("::ffff:1.2.3.4/120", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 1, 2, 3, 4], 120),
        ("::ffff:0.0.0.0/96", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0, 0, 0, 0], 96),
        ("::1.2.3.4", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4], 128),
        ("::0.1.0.0", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0], 128),
        ("::ffff:0.0.0.1", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0, 0, 0, 1], 128),
        ("::fffe:102:304", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFE, 1, 2, 3, 4], 128),
        ("::ffff:0:102:304", [0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0, 0, 1, 2, 3, 4], 128),
        ("::1:2:3:4", [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2, 0, 3, 0, 4], 128),
        ("::ffff", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF], 128),
        ("::1:0:0", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0], 128),
        ("2001:db8::1", [0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 128),
        ("2001:db8::1:0:0:1", [0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1], 128),
        ("2001:db8:0:1:1:1:1:1", [0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1], 128),
        ("1:0:0:2::3", [0, 1, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 3], 128),
        ("1::2:0:0:3:4", [0, 1, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 3, 0, 4], 128),
        ("1::2:0:0:0", [0, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0], 128),
        ("1:2:3:4:5:6:7:0", [0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 0], 128),
        ("1:0:3:4:5:6:7:8", [0, 1, 0, 0, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8], 128),
        ("1::", [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 128),
        ("fe80::1/64", [0xFE, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 64),
        ("fe80::/64", [0xFE, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 64),
        ("abcd:ef01::", [0xAB, 0xCD, 0xEF, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 128),
    ]

    @Test("parses and prints what PostgreSQL prints", arguments: printed)
    func literal(printed: String, address: [UInt8], prefixLength: Int) throws {
        let value = try #require(PGInet(address: address, prefixLength: prefixLength))
        #expect(try PGInet(postgresLiteral: printed) == value)
        #expect(value.postgresLiteral == printed)
        #expect(value.description == printed)
        #expect(value.isIPv4 == (address.count == 4))
        #expect(value.isIPv6 == (address.count == 16))
    }

    /// `cidr` prints the prefix even when it is the full length; both spellings are one value.
    @Test func readsCIDRSpellings() throws {
        #expect(try PGInet(postgresLiteral: "1.2.3.4/32") == PGInet(address: [1, 2, 3, 4]))
        #expect(try PGInet(postgresLiteral: "1.2.3.4/32").postgresLiteral == "1.2.3.4")
        #expect(try PGInet(postgresLiteral: "::1/128").postgresLiteral == "::1")
    }

    /// Other spellings `inet_in` accepts (checked against PostgreSQL 15).
    @Test func readsOtherInputSpellings() throws {
        let cases: [(String, String)] = [
            ("2001:DB8:0:0:1:0:0:1", "2001:db8::1:0:0:1"), ("0:0:0:0:0:ffff:0102:0304", "::ffff:1.2.3.4"),
            ("::FFFF:1.2.3.4", "::ffff:1.2.3.4"), ("0:0:0:0:0:fffe:1.2.3.4", "::fffe:102:304"),
            ("1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304"), ("0001:2::", "1:2::"), ("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"),
            ("::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8"), ("0:0:0:0:0:0:0:1", "::1"), ("::0.0.0.1", "::1"),
            ("01.2.3.4", "1.2.3.4"), ("1.2.3.4/024", "1.2.3.4/24"), ("1.2.3.4/00", "1.2.3.4/0"), ("::1/0", "::1/0"),
        ]
        for (input, printed) in cases {
            #expect(try PGInet(postgresLiteral: input).postgresLiteral == printed, "\(input)")
        }
    }

    @Test func rejectsInvalidLiterals() {
        let invalid = [
            "", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.4/33", "::1/129", "::1/064", "::1/00", "1:2:3:4:5:6:7:8:9",
            "1::2::3", "[::1]", ":::", "1.2.3.4/", "1.2.3.4/ 24", "1.2.3.4 /24", " 1.2.3.4", "00001:2::", "fe80::1%eth0",
            "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3.04", "::01.2.3.4", "1:2:3:4:5:6:7", "::g", "1.2.3.-4", "::+1",
        ]
        for text in invalid {
            #expect(throws: PGLiteralError.self, "\(text)") { try PGInet(postgresLiteral: text) }
        }
    }

    @Test func validatesComponents() throws {
        #expect(PGInet(address: [1, 2, 3]) == nil)
        #expect(PGInet(address: [1, 2, 3, 4], prefixLength: 33) == nil)
        #expect(PGInet(address: [1, 2, 3, 4], prefixLength: -1) == nil)
        #expect(PGInet(address: [UInt8](repeating: 0, count: 16), prefixLength: 129) == nil)
        #expect(PGInet(address: [1, 2, 3, 4])?.prefixLength == 32)
        #expect(try PGInet(postgresLiteral: "10.0.0.0/8").isNetwork)
        #expect(try !PGInet(postgresLiteral: "1.2.3.4/24").isNetwork)
        #expect(try PGInet(postgresLiteral: "1.2.3.4").isNetwork)
        #expect(try PGInet(postgresLiteral: "fe80::/64").isNetwork)
        #expect(try !PGInet(postgresLiteral: "fe80::1/64").isNetwork)
        #expect(try PGInet(postgresLiteral: "128.0.0.0/1").isNetwork)
    }

    @Test func codable() throws {
        let values = [try PGInet(postgresLiteral: "192.168.0.1"), try PGInet(postgresLiteral: "2001:db8::/32")]
        #expect(try jsonText(values) == #"["192.168.0.1","2001:db8::/32"]"#)
        #expect(try codableRoundTrip(values) == values)
        #expect(throws: (any Error).self) { try decodeJSON(PGInet.self, from: #""1.2.3""#) }
    }
}
