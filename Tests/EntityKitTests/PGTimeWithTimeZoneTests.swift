import EntityKit
import Testing

@Suite("PGTimeWithTimeZone")
struct PGTimeWithTimeZoneTests {
    /// PostgreSQL's output for `timetz`, microseconds and the offset in seconds east of UTC.
    static let literals: [(String, Int64, Int32)] = [
        ("10:30:00+00", 37_800_000_000, 0),
        ("10:30:00+05:30", 37_800_000_000, 19_800),
        ("10:30:00-08", 37_800_000_000, -28_800),
        ("10:30:00.5+05:53:28", 37_800_500_000, 21_208),
        ("10:30:00-05:53:28", 37_800_000_000, -21_208),
        ("00:00:00.000001+01:00:05", 1, 3605),
        ("24:00:00+00", 86_400_000_000, 0),
        ("10:30:00+15:59:59", 37_800_000_000, 57_599),
        ("10:30:00-15:59:59", 37_800_000_000, -57_599),
    ]

    @Test("parses and prints PostgreSQL's spelling", arguments: literals)
    func parsesAndPrints(literal: String, microseconds: Int64, offset: Int32) throws {
        let value = try PGTimeWithTimeZone(postgresLiteral: literal)
        #expect(value.microsecondsSinceMidnight == microseconds)
        #expect(value.utcOffsetSeconds == offset)
        let built = PGTimeWithTimeZone(microsecondsSinceMidnight: microseconds, utcOffsetSeconds: offset)
        #expect(built.postgresLiteral == literal)
        #expect(built.description == literal)
        #expect(built == value)
    }

    @Test func offsetIsPositiveEastOfUTC() throws {
        #expect(try PGTimeWithTimeZone(postgresLiteral: "12:00:00+09").utcOffsetSeconds == 32_400)
        #expect(try PGTimeWithTimeZone(postgresLiteral: "12:00:00-03:30").utcOffsetSeconds == -12_600)
        #expect(try PGTimeWithTimeZone(postgresLiteral: "12:00:00+0530").utcOffsetSeconds == 19_800)
    }

    @Test func offsetIsPartOfEquality() throws {
        // The same instant in two zones is two different `timetz` values, as in PostgreSQL's output.
        let india = try PGTimeWithTimeZone(postgresLiteral: "16:00:00+05:30")
        let utc = try PGTimeWithTimeZone(postgresLiteral: "10:30:00+00")
        #expect(india != utc)
    }

    @Test("rejects invalid times", arguments: [
        "", "10:30:00", "10:30:00+", "10:30:00X05", "10:30:00 05", "10:30:00+05:60", "10:30:00+00:00:60",
        "10:30:00+16", "10:30:00+05:30 junk", "25:00:00+00", "24:00:01+00",
    ])
    func rejects(literal: String) {
        #expect(throws: PGLiteralError.self) { try PGTimeWithTimeZone(postgresLiteral: literal) }
    }
}
