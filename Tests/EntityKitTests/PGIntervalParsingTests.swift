import EntityKit
import Testing

@Suite("PGInterval parsing")
struct PGIntervalParsingTests {
    /// PostgreSQL's default (`postgres`) output style, as PostgreSQL 15 prints these values.
    static let postgresStyle: [(String, PGInterval)] = [
        ("1 year 2 mons -3 days +04:05:06.000007", PGInterval(months: 14, days: -3, microseconds: 14_706_000_007)),
        ("-178000000 years", PGInterval(months: -2_136_000_000)),
        ("00:00:00", PGInterval()),
        ("00:00:00.5", PGInterval(microseconds: 500_000)),
        ("-00:00:00.5", PGInterval(microseconds: -500_000)),
        ("1 day -00:00:01", PGInterval(days: 1, microseconds: -1_000_000)),
        ("-1 days +02:03:00", PGInterval(days: -1, microseconds: 7_380_000_000)),
        ("-1 years -2 mons", PGInterval(months: -14)),
        ("1 mon", PGInterval(months: 1)),
        ("3 days", PGInterval(days: 3)),
        ("-1 mons +1 day", PGInterval(months: -1, days: 1)),
        ("1 mon -1 days", PGInterval(months: 1, days: -1)),
        ("-1 days +00:00:00.000001", PGInterval(days: -1, microseconds: 1)),
        ("-1 years +1 day -00:00:00.000001", PGInterval(months: -12, days: 1, microseconds: -1)),
        ("1 year 1 mon", PGInterval(months: 13)),
        ("-1 years -1 mons -00:00:01", PGInterval(months: -13, microseconds: -1_000_000)),
        ("24:00:00", PGInterval(microseconds: 86_400_000_000)),
        ("-2562047788:00:54.775808", PGInterval(microseconds: .min)),
        ("2562047788:00:54.775807", PGInterval(microseconds: .max)),
        ("-2562047788:00:54.775807", PGInterval(microseconds: -Int64.max)),
        ("-178956970 years -8 mons -2147483648 days -2562047788:00:54.775808",
         PGInterval(months: .min, days: .min, microseconds: .min)),
        ("178956970 years 7 mons 2147483647 days 2562047788:00:54.775807",
         PGInterval(months: .max, days: .max, microseconds: .max)),
    ]

    @Test("reads the postgres output style", arguments: postgresStyle)
    func postgresOutputStyle(literal: String, expected: PGInterval) throws {
        #expect(try PGInterval(postgresLiteral: literal) == expected)
    }

    /// ISO 8601, PostgreSQL's `iso_8601` output style.
    static let iso8601: [(String, PGInterval)] = [
        ("P1Y2M-3DT4H5M6.000007S", PGInterval(months: 14, days: -3, microseconds: 14_706_000_007)),
        ("PT0S", PGInterval()),
        ("PT", PGInterval()),
        ("P-178000000Y", PGInterval(months: -2_136_000_000)),
        ("PT-0.5S", PGInterval(microseconds: -500_000)),
        ("P-1M1D", PGInterval(months: -1, days: 1)),
        ("P2W", PGInterval(days: 14)),
        ("PT1H30M", PGInterval(microseconds: 5_400_000_000)),
        ("PT-2562047788H-54.775808S", PGInterval(microseconds: .min)),
        ("PT2562047788H54.775807S", PGInterval(microseconds: .max)),
    ]

    @Test("reads ISO 8601 durations", arguments: iso8601)
    func iso8601Style(literal: String, expected: PGInterval) throws {
        #expect(try PGInterval(postgresLiteral: literal) == expected)
    }

    @Test func exactUnitLiteral() throws {
        #expect(try PGInterval(postgresLiteral: "14 mons -3 days 14706000007 microseconds")
            == PGInterval(months: 14, days: -3, microseconds: 14_706_000_007))
        #expect(try PGInterval(postgresLiteral: "-2147483648 mons -2147483648 days -9223372036854775808 microseconds")
            == PGInterval(months: .min, days: .min, microseconds: .min))
    }

    @Test func otherUnitsAndVerboseStyle() throws {
        #expect(try PGInterval(postgresLiteral: "@ 1 year 2 mons ago") == PGInterval(months: -14))
        #expect(try PGInterval(postgresLiteral: "2 weeks 3 hours") == PGInterval(days: 14, microseconds: 10_800_000_000))
        #expect(try PGInterval(postgresLiteral: "1 century 1 decade") == PGInterval(months: 1320))
        #expect(try PGInterval(postgresLiteral: "1 millennium") == PGInterval(months: 12_000))
        #expect(try PGInterval(postgresLiteral: "5 min 7 secs 250 ms") == PGInterval(microseconds: 307_250_000))
        #expect(try PGInterval(postgresLiteral: "  +3 days  ") == PGInterval(days: 3))
    }

    @Test("rejects values out of range", arguments: [
        "178956971 years", "2147483648 mons", "1 year 2147483647 mons", "-2147483649 days",
        "2562047789:00:00", "2562047788:00:54.775808", "-2562047788:00:54.775809",
        "9223372036854775808 microseconds", "P178956971Y", "PT2562047789H", "2562047788 hours 1 hour",
    ])
    func rejectsOverflow(literal: String) {
        #expect(throws: PGLiteralError.self) { try PGInterval(postgresLiteral: literal) }
    }

    @Test("rejects invalid text", arguments: [
        "", "@", "ago", "P", "1", "days", "1 fortnight", "1 day 2", "12:60:00", "1:2:3:4",
        "P1X", "P1Y2", "PT1H2", "abc", "1 day ago ago",
    ])
    func rejectsInvalid(literal: String) {
        #expect(throws: PGLiteralError.self) { try PGInterval(postgresLiteral: literal) }
    }
}
