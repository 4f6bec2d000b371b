import EntityKit
import Foundation
import Testing

/// Every value type through `JSONEncoder` / `JSONDecoder`: the JSON it produces and what comes back.
@Suite("Codable round trips")
struct CodableRoundTripTests {
    @Test func date() throws {
        let values: [PGDate] = [PGDate(daysSince2000: 8780), PGDate(year: -43, month: 3, day: 15)!,
                                PGDate(year: 5_874_897, month: 12, day: 31)!, .infinity, .negativeInfinity]
        #expect(try jsonText(values) == #"["2024-01-15","0044-03-15 BC","5874897-12-31","infinity","-infinity"]"#)
        #expect(try codableRoundTrip(values) == values)
        #expect(throws: (any Error).self) { try decodeJSON(PGDate.self, from: #""2023-02-29""#) }
    }

    @Test func timestamp() throws {
        let values: [PGTimestamp] = [PGTimestamp(microsecondsSince2000: 758_629_800_123_456),
                                     PGTimestamp(microsecondsSince2000: -64_464_465_599_500_000), .infinity, .negativeInfinity]
        #expect(try jsonText(values)
            == #"["2024-01-15T10:30:00.123456Z","0044-03-15T12:00:00.5Z BC","infinity","-infinity"]"#)
        #expect(try codableRoundTrip(values) == values)
        #expect(try decodeJSON(PGTimestamp.self, from: #""2024-01-15 16:00:00.123456+05:30""#) == values[0])
    }

    @Test func localTimestamp() throws {
        let values: [PGLocalTimestamp] = [PGLocalTimestamp(microsecondsSince2000: 758_629_800_123_456),
                                          PGLocalTimestamp(microsecondsSince2000: 9_223_371_331_199_999_999), .infinity]
        #expect(try jsonText(values) == #"["2024-01-15T10:30:00.123456","294276-12-31T23:59:59.999999","infinity"]"#)
        #expect(try codableRoundTrip(values) == values)
    }

    @Test func time() throws {
        let values = [PGTime(microsecondsSinceMidnight: 37_800_500_000), PGTime(microsecondsSinceMidnight: 86_400_000_000)]
        #expect(try jsonText(values) == #"["10:30:00.5","24:00:00"]"#)
        #expect(try codableRoundTrip(values) == values)
    }

    @Test func timeWithTimeZone() throws {
        let values = [PGTimeWithTimeZone(microsecondsSinceMidnight: 37_800_000_000, utcOffsetSeconds: 19_800),
                      PGTimeWithTimeZone(microsecondsSinceMidnight: 1, utcOffsetSeconds: -21_208)]
        #expect(try jsonText(values) == #"["10:30:00+05:30","00:00:00.000001-05:53:28"]"#)
        #expect(try codableRoundTrip(values) == values)
    }

    @Test func interval() throws {
        let values = [PGInterval(months: 14, days: -3, microseconds: 14_706_000_007), PGInterval(),
                      PGInterval(months: .min, days: .min, microseconds: .min)]
        #expect(try jsonText(values)
            == #"["P1Y2M-3DT4H5M6.000007S","PT0S","P-178956970Y-8M-2147483648DT-2562047788H-54.775808S"]"#)
        #expect(try codableRoundTrip(values) == values)
        #expect(try decodeJSON(PGInterval.self, from: #""1 year 2 mons -3 days +04:05:06.000007""#) == values[0])
    }

    @Test func numeric() throws {
        let values: [PGNumeric] = ["1.50", "-0.001", "123456789012345678901234567890.123456789012345678901234567890", .nan, .infinity]
        #expect(try jsonText(values)
            == #"["1.50","-0.001","123456789012345678901234567890.123456789012345678901234567890","NaN","Infinity"]"#)
        #expect(try codableRoundTrip(values) == values)
    }

    @Test func json() throws {
        let value = try PGJSON(postgresLiteral: #"{"a":[1,"x",null]}"#)
        #expect(try jsonText(value) == #"{"a":[1,"x",null]}"#)
        #expect(try codableRoundTrip(value) == value)
    }

    struct Record: Codable, Equatable {
        var id: PGNumeric
        var day: PGDate
        var at: PGTimestamp
        var local: PGLocalTimestamp?
        var opens: PGTime
        var closes: PGTimeWithTimeZone
        var duration: PGInterval
        var extra: PGJSON
    }

    @Test func allTypesInOneRecord() throws {
        let record = Record(
            id: "42.00", day: PGDate(daysSince2000: -1), at: .negativeInfinity, local: nil,
            opens: PGTime(microsecondsSinceMidnight: 0),
            closes: PGTimeWithTimeZone(microsecondsSinceMidnight: 86_400_000_000, utcOffsetSeconds: 0),
            duration: PGInterval(days: 1), extra: try PGJSON(postgresLiteral: "[true]"))
        #expect(try jsonText(record) == #"{"at":"-infinity","closes":"24:00:00+00","day":"1999-12-31","duration":"P1D","#
            + #""extra":[true],"id":"42.00","opens":"00:00:00"}"#)
        #expect(try codableRoundTrip(record) == record)
    }
}
