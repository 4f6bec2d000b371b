import EntityKit
import Foundation
import Testing

@Suite("PGLocalTimestamp")
struct PGLocalTimestampTests {
    /// What PostgreSQL prints for `timestamp` and the wall-clock microseconds since 2000-01-01 00:00.
    static let parsedLiterals: [(String, Int64)] = [
        ("2000-01-01 00:00:00", 0),
        ("2024-01-15 10:30:00.123456", 758_629_800_123_456),
        ("2024-01-15T10:30:00.123456", 758_629_800_123_456),
        ("2024-01-15 10:30", 758_629_800_000_000),
        ("1999-12-31 23:59:59.999999", -1),
        ("0044-03-15 12:00:00.5 BC", -64_464_465_599_500_000),
        ("294276-12-31 23:59:59.999999", 9_223_371_331_199_999_999),
        ("4714-11-24 00:00:00 BC", -211_813_488_000_000_000),
        ("infinity", .max),
        ("-infinity", .min),
    ]

    @Test("parses what PostgreSQL prints", arguments: parsedLiterals)
    func parses(literal: String, microseconds: Int64) throws {
        #expect(try PGLocalTimestamp(postgresLiteral: literal).microsecondsSince2000 == microseconds)
    }

    static let printedLiterals: [(Int64, String)] = [
        (0, "2000-01-01T00:00:00"),
        (758_629_800_123_456, "2024-01-15T10:30:00.123456"),
        (-1, "1999-12-31T23:59:59.999999"),
        (-64_464_465_599_500_000, "0044-03-15T12:00:00.5 BC"),
        (252_455_616_000_000_000, "10000-01-01T00:00:00"),
        (9_223_371_331_199_999_999, "294276-12-31T23:59:59.999999"),
        (.max, "infinity"),
        (.min, "-infinity"),
    ]

    @Test("prints an ISO 8601 literal without a zone", arguments: printedLiterals)
    func prints(microseconds: Int64, literal: String) throws {
        let timestamp = PGLocalTimestamp(microsecondsSince2000: microseconds)
        #expect(timestamp.postgresLiteral == literal)
        #expect(timestamp.description == literal)
        #expect(try PGLocalTimestamp(postgresLiteral: literal) == timestamp)
    }

    @Test("rejects invalid timestamps", arguments: [
        "", "2024-01-15", "2024-01-15 10:30:00+05:30", "2024-01-15 10:30:00-08", "2024-01-15 25:00:00",
        "2024-02-30 00:00:00", "0000-01-01 00:00:00", "294277-01-01 00:00:00", "4714-11-23 23:59:59 BC",
    ])
    func rejects(literal: String) {
        #expect(throws: PGLiteralError.self) { try PGLocalTimestamp(postgresLiteral: literal) }
    }

    @Test func components() throws {
        let value = try #require(PGLocalTimestamp(year: 2024, month: 1, day: 15, hour: 10, minute: 30, second: 0, microsecond: 123_456))
        #expect(value.microsecondsSince2000 == 758_629_800_123_456)
        #expect(PGLocalTimestamp(year: 294_277, month: 1, day: 1) == nil)
        #expect(PGLocalTimestamp(year: 2024, month: 1, day: 15, minute: 60) == nil)
    }

    @Test func wallClockOfDate() throws {
        let instant = Date(timeIntervalSince1970: 1_705_314_600.123456)  // 2024-01-15 10:30:00.123456 UTC
        #expect(PGLocalTimestamp(instant).postgresLiteral == "2024-01-15T10:30:00.123456")
        let india = try #require(TimeZone(secondsFromGMT: 19_800))
        #expect(PGLocalTimestamp(instant, in: india).postgresLiteral == "2024-01-15T16:00:00.123456")
        let pacific = try #require(TimeZone(secondsFromGMT: -28_800))
        #expect(PGLocalTimestamp(instant, in: pacific).postgresLiteral == "2024-01-15T02:30:00.123456")
    }

    @Test func dateOfWallClock() throws {
        let wallClock = PGLocalTimestamp(microsecondsSince2000: 758_629_800_123_456)
        #expect(PGTimestamp(wallClock.date()).microsecondsSince2000 == 758_629_800_123_456)
        let india = try #require(TimeZone(secondsFromGMT: 19_800))
        #expect(PGTimestamp(wallClock.date(in: india)).postgresLiteral == "2024-01-15T05:00:00.123456Z")
        #expect(PGLocalTimestamp(wallClock.date(in: india), in: india) == wallClock)
        #expect(PGLocalTimestamp.infinity.date() == Date(timeIntervalSinceReferenceDate: .infinity))
        #expect(PGLocalTimestamp.negativeInfinity.date(in: india) == Date(timeIntervalSinceReferenceDate: -.infinity))
        #expect(PGLocalTimestamp(Date(timeIntervalSinceReferenceDate: .infinity)) == .infinity)
    }

    @Test func ordering() {
        let values: [PGLocalTimestamp] = [.infinity, .init(microsecondsSince2000: 5), .negativeInfinity, .init(microsecondsSince2000: -5)]
        #expect(values.sorted().map(\.microsecondsSince2000) == [.min, -5, 5, .max])
    }
}
