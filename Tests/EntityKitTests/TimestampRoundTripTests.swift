import EntityKit
import Foundation
import Testing

/// Round trips of both timestamp types across PostgreSQL's whole range.
@Suite("Timestamp round trips")
struct TimestampRoundTripTests {
    static let first: Int64 = -211_813_488_000_000_000  // 4714-11-24 00:00:00 BC
    static let last: Int64 = 9_223_371_331_199_999_999  // 294276-12-31 23:59:59.999999

    /// Far past, far future, the edges of the range and of the era, and odd fractions.
    static let values: [Int64] = {
        var values: [Int64] = [.min, .max, first, first + 1, last, last - 1, 0, 1, -1, 999_999, -999_999,
                               -63_082_281_600_000_000, -63_082_281_600_000_001, -64_464_465_599_500_000]
        let step = (last / 1000 - first / 1000) / 997 * 1000 + 123_457
        var value = first
        while value < last {
            values.append(value)
            value += step
        }
        return values
    }()

    @Test func valueToLiteralToValue() throws {
        for microseconds in Self.values {
            let zoned = PGTimestamp(microsecondsSince2000: microseconds)
            #expect(try PGTimestamp(postgresLiteral: zoned.postgresLiteral) == zoned, "\(zoned)")
            let local = PGLocalTimestamp(microsecondsSince2000: microseconds)
            #expect(try PGLocalTimestamp(postgresLiteral: local.postgresLiteral) == local, "\(local)")
        }
    }

    @Test("literal → value → literal", arguments: [
        "2024-01-15T10:30:00.123456Z", "2000-01-01T00:00:00Z", "1999-12-31T23:59:59.999999Z",
        "0044-03-15T12:00:00.5Z BC", "0001-01-01T00:00:00Z", "0001-12-31T23:59:59.999999Z BC",
        "4714-11-24T00:00:00Z BC", "10000-01-01T00:00:00Z", "294276-12-31T23:59:59.999999Z",
        "1582-10-04T12:34:56.7Z", "infinity", "-infinity",
    ])
    func literalToValueToLiteral(literal: String) throws {
        #expect(try PGTimestamp(postgresLiteral: literal).postgresLiteral == literal)
        let local = literal.replacingOccurrences(of: "Z", with: "")
        #expect(try PGLocalTimestamp(postgresLiteral: local).postgresLiteral == local)
    }

    @Test func zonedAndLocalShareTheirArithmetic() throws {
        for microseconds in Self.values {
            let zoned = PGTimestamp(microsecondsSince2000: microseconds).postgresLiteral
            let local = PGLocalTimestamp(microsecondsSince2000: microseconds).postgresLiteral
            #expect(zoned.replacingOccurrences(of: "Z", with: "") == local)
        }
    }
}
