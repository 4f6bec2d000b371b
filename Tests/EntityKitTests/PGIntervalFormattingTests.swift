import EntityKit
import Testing

@Suite("PGInterval formatting")
struct PGIntervalFormattingTests {
    /// Values, their exact-unit literal and their ISO 8601 description (as PostgreSQL's iso_8601 style).
    static let cases: [(PGInterval, String, String)] = [
        (PGInterval(months: 14, days: -3, microseconds: 14_706_000_007),
         "14 mons -3 days 14706000007 microseconds", "P1Y2M-3DT4H5M6.000007S"),
        (PGInterval(), "0 mons 0 days 0 microseconds", "PT0S"),
        (PGInterval(months: -2_136_000_000), "-2136000000 mons 0 days 0 microseconds", "P-178000000Y"),
        (PGInterval(months: -1, days: 1), "-1 mons 1 days 0 microseconds", "P-1M1D"),
        (PGInterval(days: 1), "0 mons 1 days 0 microseconds", "P1D"),
        (PGInterval(microseconds: -500_000), "0 mons 0 days -500000 microseconds", "PT-0.5S"),
        (PGInterval(microseconds: 60_000_000), "0 mons 0 days 60000000 microseconds", "PT1M"),
        (PGInterval(microseconds: 3_600_000_000), "0 mons 0 days 3600000000 microseconds", "PT1H"),
        (PGInterval(microseconds: 3_600_000_001), "0 mons 0 days 3600000001 microseconds", "PT1H0.000001S"),
        (PGInterval(microseconds: -3_723_000_000), "0 mons 0 days -3723000000 microseconds", "PT-1H-2M-3S"),
        (PGInterval(microseconds: .min), "0 mons 0 days -9223372036854775808 microseconds", "PT-2562047788H-54.775808S"),
        (PGInterval(microseconds: .max), "0 mons 0 days 9223372036854775807 microseconds", "PT2562047788H54.775807S"),
        (PGInterval(months: .min, days: .min, microseconds: .min),
         "-2147483648 mons -2147483648 days -9223372036854775808 microseconds",
         "P-178956970Y-8M-2147483648DT-2562047788H-54.775808S"),
        (PGInterval(months: .max, days: .max, microseconds: .max),
         "2147483647 mons 2147483647 days 9223372036854775807 microseconds",
         "P178956970Y7M2147483647DT2562047788H54.775807S"),
    ]

    @Test("literal and description", arguments: cases)
    func formats(value: PGInterval, literal: String, description: String) {
        #expect(value.postgresLiteral == literal)
        #expect(value.description == description)
    }

    @Test("round trips through both spellings", arguments: cases)
    func roundTrips(value: PGInterval, literal: String, description: String) throws {
        #expect(try PGInterval(postgresLiteral: literal) == value)
        #expect(try PGInterval(postgresLiteral: description) == value)
        #expect(try PGInterval(postgresLiteral: value.postgresLiteral).postgresLiteral == literal)
        #expect(try PGInterval(postgresLiteral: value.description).description == description)
    }

    @Test func manyValuesRoundTrip() throws {
        let months: [Int32] = [.min, -13, -1, 0, 1, 11, 12, 25, .max]
        let days: [Int32] = [.min, -31, 0, 1, 30, .max]
        let microseconds: [Int64] = [.min, -86_400_000_001, -1, 0, 1, 999_999, 59_999_999, 3_599_999_999, .max]
        for m in months {
            for d in days {
                for us in microseconds {
                    let value = PGInterval(months: m, days: d, microseconds: us)
                    #expect(try PGInterval(postgresLiteral: value.postgresLiteral) == value, "\(value.postgresLiteral)")
                    #expect(try PGInterval(postgresLiteral: value.description) == value, "\(value.description)")
                }
            }
        }
    }

    @Test func fieldsStayApart() throws {
        // A month is not 30 days and a day is not 24 hours: the three fields are kept as given.
        #expect(try PGInterval(postgresLiteral: "1 mon") != PGInterval(postgresLiteral: "30 days"))
        #expect(try PGInterval(postgresLiteral: "1 day") != PGInterval(postgresLiteral: "24:00:00"))
        #expect(try PGInterval(postgresLiteral: "36 hours") == PGInterval(microseconds: 129_600_000_000))
    }

    @Test func seconds() {
        #expect(PGInterval(seconds: 1.5) == PGInterval(microseconds: 1_500_000))
        #expect(PGInterval(seconds: -0.000001) == PGInterval(microseconds: -1))
        #expect(PGInterval(seconds: 0.0000004) == PGInterval())
        #expect(PGInterval(seconds: 86_400).description == "PT24H")
    }
}
