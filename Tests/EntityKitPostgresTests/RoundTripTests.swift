import EntityKitPostgres
import Foundation
import Testing
import LiveTestSupport
import TestSupport

/// Every type codegen maps: values written by SQL (Tests/Fixtures/round_trip.sql) are read into
/// the generated type, written back through EntityKitPostgres, and compared server-side, so a
/// value read and written back is provably the same value.
@Suite("Round trips of every type", .serialized, .enabled(if: TestEnvironment.runsLiveTests, Comment(rawValue: TestEnvironment.liveTestsSkipReason)))
final class RoundTripTests: Sendable {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase.create("round_trip")
        let fixture = TestEnvironment.packageRoot.appendingPathComponent("Tests/Fixtures/round_trip.sql")
        try database.execute(String(contentsOf: fixture, encoding: .utf8))
    }

    deinit {
        database.drop()
    }

    @Test func everyValueReadAndWrittenBackIsTheSameValue() async throws {
        let (originals, copies) = try await withClient(database.url) { client in
            let originals = try await client.all(EveryType.order { $0.id.ascending })
            for original in originals {
                var copy = original
                copy.id += 1000
                _ = try await client.insert(rows: [copy])
            }
            let copies = try await client.all(EveryType.where { $0.id > 1000 }.order { $0.id.ascending })
            return (originals, copies)
        }
        try #require(originals.count == 4)
        #expect(copies.count == originals.count)
        for (original, copy) in zip(originals, copies) {
            var expected = original
            expected.id += 1000
            // Compared as dumps: NaN is not equal to itself, so `==` cannot compare row 2.
            #expect(String(reflecting: copy) == String(reflecting: expected), "row \(original.id) changed in Swift after a round trip")
        }
        let columns = try database.rows("""
            SELECT attname FROM pg_attribute WHERE attrelid = 'every_type'::regclass AND attnum > 0 AND NOT attisdropped AND attname <> 'id' ORDER BY attnum
            """).compactMap { $0[0] }
        #expect(columns.count == EveryType.Column.allCases.count - 1)
        for column in columns {
            let quoted = "\"\(column)\""
            let mismatches = try database.rows("""
                SELECT a.id, a.\(quoted)::text, b.\(quoted)::text FROM every_type a JOIN every_type b ON b.id = a.id + 1000
                WHERE a.\(quoted)::text IS DISTINCT FROM b.\(quoted)::text
                """)
            #expect(mismatches.isEmpty, "\(column) changed in the database after a round trip: \(mismatches)")
        }
    }

    @Test func valuesReadAreTheValuesWritten() async throws {
        let rows = try await withClient(database.url) { client in
            try await client.all(EveryType.where { $0.id <= 4 }.order { $0.id.ascending })
        }
        try #require(rows.count == 4)
        let typical = rows[0], highest = rows[1], lowest = rows[2], empty = rows[3]

        #expect(typical.big == 9_007_199_254_740_993)
        #expect(typical.exact?.postgresLiteral == "123.4500")
        #expect(typical.padded == "ab   ")
        #expect(typical.plainText == "héllo \"wörld\" \\ tab\tend")
        #expect(typical.bytes == Data([0x00, 0xFF, 0x10]))
        #expect(typical.moment == PGLocalTimestamp(year: 2024, month: 1, day: 15, hour: 10, minute: 30, microsecond: 123_456))
        #expect(typical.span == PGInterval(months: 14, days: -3, microseconds: 14_706_000_007))
        #expect(typical.document?.postgresLiteral == "  {\"b\" : 1, \"a\": [1, 2.50, \"x\"], \"b\": 2}  ")
        #expect(typical.feeling == .inProgress)
        #expect(typical.words == ["a", "b,c", "d\"e", "NULL", nil, "", "f\\g"])
        #expect(typical.matrix == [[1, 2], [3, 4]])
        #expect(typical.feelings == [.happy, .ünïcödé, .quoteD])
        #expect(typical.located?.name == "home")
        #expect(typical.located?.location == Gps(latitude: 52.52, longitude: 13.405))
        #expect(typical.located?.tags == ["x", nil])
        #expect(typical.places?.count == 2)
        #expect(typical.places?.last == .some(nil))
        #expect(typical.count == 7)
        #expect(typical.tags == ["a", "b c"])
        #expect(typical.moments?.last == PGTimestamp.infinity)
        #expect(typical.amounts?.map { $0?.postgresLiteral } == ["1.5", "NaN", "-0.001"])
        #expect(typical.objectID == 1259)
        #expect(typical.transactionId8 == 9_007_199_254_740_993)

        #expect(highest.big == .max)
        #expect(highest.realValue == .infinity)
        #expect(highest.doubleValue?.isNaN == true)
        #expect(highest.exact?.postgresLiteral == "123456789012345678901234567890.123456789012345678901234567890")
        #expect(highest.day == .infinity)
        #expect(highest.clock == PGTime(microsecondsSinceMidnight: 86_400_000_000))
        #expect(highest.span == PGInterval(months: .max, days: .max, microseconds: .max))
        #expect(highest.objectID == .max)
        #expect(highest.transactionId8 == .max)
        #expect(highest.integers == [])

        #expect(lowest.big == .min)
        #expect(lowest.doubleValue == 0 && lowest.doubleValue?.sign == .minus)
        #expect(lowest.exact == .negativeInfinity)
        #expect(lowest.day?.components.map { [$0.year, $0.month, $0.day] } == [-4712, 1, 1])
        #expect(lowest.instant == PGTimestamp.negativeInfinity)
        #expect(lowest.span == PGInterval(months: .min, days: .min, microseconds: .min))
        #expect(lowest.feeling == .withSpace)
        #expect(lowest.matrix == [[-1, -2, -3]])

        #expect(empty == EveryType(id: 4))
    }
}
