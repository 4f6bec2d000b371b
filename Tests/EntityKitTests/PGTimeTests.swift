import EntityKit
import Testing

@Suite("PGTime")
struct PGTimeTests {
    static let literals: [(String, Int64)] = [
        ("00:00:00", 0),
        ("00:00:00.000001", 1),
        ("10:30:00", 37_800_000_000),
        ("10:30:00.5", 37_800_500_000),
        ("10:30:00.123456", 37_800_123_456),
        ("23:59:59.999999", 86_399_999_999),
        ("24:00:00", 86_400_000_000),
    ]

    @Test("parses and prints PostgreSQL's spelling", arguments: literals)
    func parsesAndPrints(literal: String, microseconds: Int64) throws {
        #expect(try PGTime(postgresLiteral: literal).microsecondsSinceMidnight == microseconds)
        #expect(PGTime(microsecondsSinceMidnight: microseconds).postgresLiteral == literal)
        #expect(PGTime(microsecondsSinceMidnight: microseconds).description == literal)
    }

    @Test func acceptedInputVariants() throws {
        #expect(try PGTime(postgresLiteral: "10:30").microsecondsSinceMidnight == 37_800_000_000)
        #expect(try PGTime(postgresLiteral: "10:30:00.500000").microsecondsSinceMidnight == 37_800_500_000)
        #expect(try PGTime(postgresLiteral: "10:30:60").postgresLiteral == "10:31:00")  // as PostgreSQL does
    }

    @Test("rejects invalid times", arguments: [
        "", "10", "10:", "24:00:00.000001", "24:01:00", "25:00:00", "10:60:00", "10:30:61",
        "23:59:60.5", "10:30:00x", "ab:cd:ef",
    ])
    func rejects(literal: String) {
        #expect(throws: PGLiteralError.self) { try PGTime(postgresLiteral: literal) }
    }

    @Test func components() {
        #expect(PGTime(hour: 10, minute: 30, second: 0, microsecond: 5)?.microsecondsSinceMidnight == 37_800_000_005)
        #expect(PGTime(hour: 24, minute: 0)?.postgresLiteral == "24:00:00")
        #expect(PGTime(hour: 24, minute: 0, second: 1) == nil)
        #expect(PGTime(hour: 23, minute: 60) == nil)
        #expect(PGTime(hour: -1, minute: 0) == nil)
        #expect(PGTime(hour: 1, minute: 0, microsecond: 1_000_000) == nil)
    }

    @Test func ordering() {
        let times = [PGTime(hour: 24, minute: 0)!, PGTime(hour: 0, minute: 0)!, PGTime(hour: 12, minute: 0)!]
        #expect(times.sorted().map(\.postgresLiteral) == ["00:00:00", "12:00:00", "24:00:00"])
    }
}
