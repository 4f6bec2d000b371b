import EntityKit
import Foundation
import Testing

/// Wall-clock values and `Date` in zones with daylight saving time, checked against PostgreSQL 15's
/// `timestamp AT TIME ZONE` (a skipped or repeated wall-clock time reads as the later instant).
@Suite("Time zone conversions")
struct TimeZoneConversionTests {
    static let cases: [(String, String, String)] = [
        ("America/New_York", "2024-01-15T10:30:00.123456", "2024-01-15T15:30:00.123456Z"),
        ("America/New_York", "2024-07-01T12:00:00", "2024-07-01T16:00:00Z"),
        ("America/New_York", "2024-03-10T01:59:59.999999", "2024-03-10T06:59:59.999999Z"),
        ("America/New_York", "2024-03-10T02:30:00", "2024-03-10T07:30:00Z"),  // skipped
        ("America/New_York", "2024-03-10T03:30:00", "2024-03-10T07:30:00Z"),
        ("America/New_York", "2024-11-03T01:30:00", "2024-11-03T06:30:00Z"),  // repeated
        ("America/New_York", "2024-11-03T02:30:00", "2024-11-03T07:30:00Z"),
        ("Europe/Berlin", "2024-03-31T02:30:00", "2024-03-31T01:30:00Z"),  // skipped
        ("Europe/Berlin", "2024-03-31T03:30:00", "2024-03-31T01:30:00Z"),
        ("Europe/Berlin", "2024-10-27T02:30:00", "2024-10-27T01:30:00Z"),  // repeated
        ("Asia/Beirut", "2024-03-31T00:00:00", "2024-03-30T22:00:00Z"),  // midnight skipped
        ("Asia/Beirut", "2024-03-30T23:59:59", "2024-03-30T21:59:59Z"),
        ("America/Havana", "2024-03-10T00:00:00", "2024-03-10T05:00:00Z"),  // midnight skipped
        ("America/Havana", "2024-11-03T00:00:00", "2024-11-03T05:00:00Z"),  // midnight repeated
        ("America/Santiago", "2024-09-08T00:00:00", "2024-09-08T04:00:00Z"),
        ("America/Santiago", "2024-04-07T00:00:00", "2024-04-07T04:00:00Z"),
        ("Asia/Kolkata", "2024-01-15T16:00:00.123456", "2024-01-15T10:30:00.123456Z"),
    ]

    @Test("wall clock to instant", arguments: cases)
    func wallClockToInstant(zone: String, wallClock: String, instant: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        let local = try PGLocalTimestamp(postgresLiteral: wallClock)
        #expect(PGTimestamp(local.date(in: timeZone)).postgresLiteral == instant)
    }

    @Test("instant to wall clock", arguments: cases)
    func instantToWallClock(zone: String, wallClock: String, instant: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        let date = try PGTimestamp(postgresLiteral: instant).date
        let local = PGLocalTimestamp(date, in: timeZone)
        // A skipped wall-clock time comes back as the time the clocks showed at that instant.
        #expect(PGTimestamp(local.date(in: timeZone)) == PGTimestamp(date))
    }

    @Test("midnight of a day", arguments: [
        ("Asia/Beirut", "2024-03-31"), ("America/Havana", "2024-03-10"), ("America/Havana", "2024-11-03"),
        ("America/Santiago", "2024-09-08"), ("America/New_York", "2024-03-10"), ("Europe/Berlin", "2024-10-27"),
        ("Pacific/Apia", "2011-12-31"), ("Asia/Tokyo", "0044-03-15 BC"),
    ])
    func dayRoundTrip(zone: String, day: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        let date = try PGDate(postgresLiteral: day)
        let midnight = date.date(in: timeZone)
        #expect(PGDate(midnight, in: timeZone) == date)
        #expect(PGDate(midnight.addingTimeInterval(86_400 * 1.5), in: timeZone).daysSince2000 == date.daysSince2000 + 1)
    }

    @Test func midnightMatchesPostgreSQL() throws {
        let beirut = try #require(TimeZone(identifier: "Asia/Beirut"))
        let day = try PGDate(postgresLiteral: "2024-03-31")
        #expect(PGTimestamp(day.date(in: beirut)).postgresLiteral == "2024-03-30T22:00:00Z")
        let havana = try #require(TimeZone(identifier: "America/Havana"))
        #expect(PGTimestamp(try PGDate(postgresLiteral: "2024-11-03").date(in: havana)).postgresLiteral == "2024-11-03T05:00:00Z")
    }
}
