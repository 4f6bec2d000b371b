import EntityKit
import Foundation
import Testing

@Suite("PGTimestamp")
struct PGTimestampTests {
    /// Text PostgreSQL prints (or accepts) and its microseconds since 2000-01-01 UTC, from PostgreSQL 15.
    static let parsedLiterals: [(String, Int64)] = [
        ("2000-01-01 00:00:00+00", 0),
        ("2024-01-15 10:30:00.123456+00", 758_629_800_123_456),
        ("2024-01-15T10:30:00.123456+00", 758_629_800_123_456),
        ("2024-01-15T10:30:00.123456Z", 758_629_800_123_456),
        ("2024-01-15 16:00:00.123456+05:30", 758_629_800_123_456),
        ("2024-01-15 10:30:00.123456+05:30", 758_610_000_123_456),
        ("2024-01-15 10:30:00+0530", 758_610_000_000_000),
        ("2024-01-15 10:30:00-08", 758_658_600_000_000),
        ("2024-01-15 10:30:00+05:53:28", 758_608_592_000_000),
        ("2024-01-15 10:30:00-15:59:59", 758_687_399_000_000),
        ("2024-01-15 10:30:00.1+00", 758_629_800_100_000),
        ("2024-01-15 10:30:00.1234560+00", 758_629_800_123_456),
        ("2024-01-15 24:00:00+00", 758_678_400_000_000),
        ("1999-12-31 23:59:59.999999+00", -1),
        ("2000-01-01 00:00:00.000001+00", 1),
        ("1970-01-01 00:00:00+00", -946_684_800_000_000),
        ("0001-01-01 00:00:00+00", -63_082_281_600_000_000),
        ("0044-03-15 12:00:00.5+00 BC", -64_464_465_599_500_000),
        ("10000-01-01 00:00:00+00", 252_455_616_000_000_000),
        ("294276-12-31 23:59:59.999999+00", 9_223_371_331_199_999_999),
        ("4714-11-24 00:00:00+00 BC", -211_813_488_000_000_000),
        ("infinity", .max),
        ("-infinity", .min),
    ]

    @Test("parses what PostgreSQL prints", arguments: parsedLiterals)
    func parses(literal: String, microseconds: Int64) throws {
        #expect(try PGTimestamp(postgresLiteral: literal).microsecondsSince2000 == microseconds)
    }

    /// Microseconds and the literal EntityKit sends, which PostgreSQL 15 reads back to the same instant.
    static let printedLiterals: [(Int64, String)] = [
        (0, "2000-01-01T00:00:00Z"),
        (758_629_800_123_456, "2024-01-15T10:30:00.123456Z"),
        (758_629_800_100_000, "2024-01-15T10:30:00.1Z"),
        (-1, "1999-12-31T23:59:59.999999Z"),
        (1, "2000-01-01T00:00:00.000001Z"),
        (-64_464_465_599_500_000, "0044-03-15T12:00:00.5Z BC"),
        (-63_082_281_600_000_001, "0001-12-31T23:59:59.999999Z BC"),
        (252_455_616_000_000_000, "10000-01-01T00:00:00Z"),
        (9_223_371_331_199_999_999, "294276-12-31T23:59:59.999999Z"),
        (-211_813_488_000_000_000, "4714-11-24T00:00:00Z BC"),
        (.max, "infinity"),
        (.min, "-infinity"),
    ]

    @Test("prints an ISO 8601 literal in UTC", arguments: printedLiterals)
    func prints(microseconds: Int64, literal: String) throws {
        let timestamp = PGTimestamp(microsecondsSince2000: microseconds)
        #expect(timestamp.postgresLiteral == literal)
        #expect(timestamp.description == literal)
        #expect(try PGTimestamp(postgresLiteral: literal) == timestamp)
    }

    @Test func serverOutputBecomesLiteral() throws {
        let value = try PGTimestamp(postgresLiteral: "2024-01-15 10:30:00.123456+00")
        #expect(value.postgresLiteral == "2024-01-15T10:30:00.123456Z")
        let shifted = try PGTimestamp(postgresLiteral: "2024-01-15 10:30:00.123456+05:30")
        #expect(shifted.postgresLiteral == "2024-01-15T05:00:00.123456Z")
        let lmt = try PGTimestamp(postgresLiteral: "1890-01-01 00:00:00+05:53:28")
        #expect(lmt.postgresLiteral == "1889-12-31T18:06:32Z")
    }

    @Test("rejects invalid timestamps", arguments: [
        "", "2024-01-15", "2024-01-15X10:30:00+00", "2024-01-15 25:00:00+00", "2024-01-15 24:00:01+00",
        "2024-01-15 10:60:00+00", "2024-01-15 10:30:61+00", "2024-02-30 10:30:00+00", "2024-01-15 10:30:00+00 junk",
        "2024-01-15 10:30:00+05:60", "2024-01-15 10:30:00+16", "2024-01-15 10:30:00+", "0000-01-01 00:00:00+00",
        "294277-01-01 00:00:00+00", "294276-12-31 23:59:59.999999-01", "4714-11-23 23:59:59.999999+00 BC",
        "infinite", "tomorrow",
    ])
    func rejects(literal: String) {
        #expect(throws: PGLiteralError.self) { try PGTimestamp(postgresLiteral: literal) }
    }

    @Test func components() throws {
        let value = try #require(PGTimestamp(year: 2024, month: 1, day: 15, hour: 10, minute: 30, microsecond: 123_456))
        #expect(value.microsecondsSince2000 == 758_629_800_123_456)
        let caesar = try #require(PGTimestamp(year: -43, month: 3, day: 15, hour: 12, microsecond: 500_000))
        #expect(caesar.postgresLiteral == "0044-03-15T12:00:00.5Z BC")
        let last = try #require(PGTimestamp(year: 294_276, month: 12, day: 31, hour: 23, minute: 59, second: 59, microsecond: 999_999))
        #expect(last.microsecondsSince2000 == 9_223_371_331_199_999_999)
        #expect(PGTimestamp(year: 294_277, month: 1, day: 1) == nil)
        #expect(PGTimestamp(year: -4713, month: 11, day: 23, hour: 23) == nil)
        #expect(PGTimestamp(year: 2024, month: 1, day: 15, hour: 24) == nil)
        #expect(PGTimestamp(year: 2023, month: 2, day: 29) == nil)
        #expect(PGTimestamp(year: 2024, month: 1, day: 15, microsecond: 1_000_000) == nil)
    }

    @Test func infinitiesAndOrdering() {
        #expect(PGTimestamp.infinity.isInfinite && PGTimestamp.negativeInfinity.isInfinite)
        #expect(!PGTimestamp(microsecondsSince2000: 0).isInfinite)
        #expect(PGTimestamp.negativeInfinity < PGTimestamp(microsecondsSince2000: -211_813_488_000_000_000))
        #expect(PGTimestamp(microsecondsSince2000: -1) < PGTimestamp(microsecondsSince2000: 0))
        #expect(PGTimestamp(microsecondsSince2000: 9_223_371_331_199_999_999) < .infinity)
    }

    @Test func dateConversion() {
        #expect(PGTimestamp(microsecondsSince2000: 0).date == Date(timeIntervalSince1970: 946_684_800))
        #expect(PGTimestamp(microsecondsSince2000: 31_622_400_000_000).date == Date(timeIntervalSinceReferenceDate: 0))
        #expect(PGTimestamp(Date(timeIntervalSince1970: 946_684_800)).microsecondsSince2000 == 0)
        #expect(PGTimestamp(Date(timeIntervalSince1970: 946_684_800.000001)).microsecondsSince2000 == 1)
        #expect(PGTimestamp(Date(timeIntervalSince1970: 946_684_799.999999)).microsecondsSince2000 == -1)
        #expect(PGTimestamp(Date(timeIntervalSince1970: 1_705_314_600.123456)).microsecondsSince2000 == 758_629_800_123_456)
        #expect(PGTimestamp.infinity.date == Date(timeIntervalSinceReferenceDate: .infinity))
        #expect(PGTimestamp(Date(timeIntervalSinceReferenceDate: .infinity)) == .infinity)
        #expect(PGTimestamp(Date(timeIntervalSinceReferenceDate: -.infinity)) == .negativeInfinity)
        #expect(PGTimestamp(Date(timeIntervalSinceReferenceDate: 1e300)) == .infinity)
        #expect(PGTimestamp(Date(timeIntervalSinceReferenceDate: -1e300)) == .negativeInfinity)
    }

    @Test("Date round trip is exact to the microsecond near 2000")
    func dateRoundTripNear2000() {
        // Values across ±60 years of 2000, stepping by an odd number of microseconds, plus fractions.
        let step = 1_234_567_890_123
        for microseconds in stride(from: Int64(-1_900_000_000_000_000), through: 1_900_000_000_000_000, by: step) {
            for nudge: Int64 in [0, 1, -1, 499_999, 500_000, 999_999] {
                let value = PGTimestamp(microsecondsSince2000: microseconds + nudge)
                #expect(PGTimestamp(value.date) == value, "\(value)")
            }
        }
    }
}
