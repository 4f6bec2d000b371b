@_spi(Generated) import EntityKit
import Testing

@Suite("Date and time columns")
struct DateTimeColumnValueTests {
    /// `date_send` output, the text the server prints and the value's literal.
    static let dates: [(String, String, String)] = [
        ("00002279", "2024-02-29", "2024-02-29"),
        ("ffda97cd", "4713-01-01 BC", "4713-01-01 BC"),
        ("7fda970c", "5874897-12-31", "5874897-12-31"),
        ("7fffffff", "infinity", "infinity"),
        ("80000000", "-infinity", "-infinity"),
    ]

    @Test("reads date_send's form", arguments: dates)
    func readsDates(hex: String, printed: String, literal: String) throws {
        let value = try decode(PGDate.self, hex: hex, oid: TypeOID.date)
        #expect(try decode(PGDate.self, text: printed) == value)
        #expect(try decode(PGDate.self, hex: hex, oid: userTypeOID) == value)
        #expect(literalText(value) == literal)
    }

    /// `timestamp_send` output, the text the server prints and the value's literal.
    static let timestamps: [(String, String, String)] = [
        ("0002b1f843c09c40", "2024-01-15 10:30:00.123456", "2024-01-15T10:30:00.123456"),
        ("7fffff5bb3b29fff", "294276-12-31 23:59:59.999999", "294276-12-31T23:59:59.999999"),
        ("fd0f7cc1411fa000", "4714-11-24 00:00:00 BC", "4714-11-24T00:00:00 BC"),
        ("7fffffffffffffff", "infinity", "infinity"),
        ("8000000000000000", "-infinity", "-infinity"),
    ]

    @Test("reads timestamp_send's form", arguments: timestamps)
    func readsTimestamps(hex: String, printed: String, literal: String) throws {
        let local = try decode(PGLocalTimestamp.self, hex: hex, oid: TypeOID.timestamp)
        #expect(try decode(PGLocalTimestamp.self, text: printed) == local)
        #expect(try decode(PGLocalTimestamp.self, hex: hex, oid: userTypeOID) == local)
        #expect(literalText(local) == literal)
        // timestamptz sends the same count, from 2000-01-01 UTC.
        let instant = try decode(PGTimestamp.self, hex: hex, oid: TypeOID.timestamptz)
        #expect(instant.microsecondsSince2000 == local.microsecondsSince2000)
        #expect(try decode(PGTimestamp.self, hex: hex, oid: TypeOID.timestamp) == instant)
        #expect(try decode(PGLocalTimestamp.self, hex: hex, oid: TypeOID.timestamptz) == local)
    }

    @Test func readsTimestampsWithTimeZoneFromText() throws {
        let instant = try decode(PGTimestamp.self, hex: "0002b1f843c09c40", oid: TypeOID.timestamptz)
        #expect(try decode(PGTimestamp.self, text: "2024-01-15 10:30:00.123456+00") == instant)
        #expect(try decode(PGTimestamp.self, text: "2024-01-15 16:00:00.123456+05:30") == instant)
        #expect(literalText(instant) == "2024-01-15T10:30:00.123456Z")
    }

    @Test func readsTimesOfDay() throws {
        let time = try decode(PGTime.self, hex: "0000000b89f43600", oid: TypeOID.time)
        #expect(time == PGTime(hour: 13, minute: 45, second: 59, microsecond: 123_456))
        #expect(try decode(PGTime.self, text: "13:45:59.123456") == time)
        #expect(literalText(time) == "13:45:59.123456")
        let midnight = try decode(PGTime.self, hex: "000000141dd76000", oid: TypeOID.time)
        #expect(literalText(midnight) == "24:00:00")

        // timetz sends its zone in seconds west of UTC.
        let zoned = try decode(PGTimeWithTimeZone.self, hex: "0000000b89f43600ffffb2a8", oid: TypeOID.timetz)
        #expect(zoned == PGTimeWithTimeZone(microsecondsSinceMidnight: time.microsecondsSinceMidnight, utcOffsetSeconds: 19_800))
        #expect(try decode(PGTimeWithTimeZone.self, text: "13:45:59.123456+05:30") == zoned)
        #expect(literalText(zoned) == "13:45:59.123456+05:30")
        let west = try decode(PGTimeWithTimeZone.self, hex: "00000000000000000000e0c4", oid: userTypeOID)
        #expect(west.utcOffsetSeconds == -57_540)
        #expect(literalText(west) == "00:00:00-15:59")
    }

    @Test func readsIntervals() throws {
        let interval = try decode(PGInterval.self, hex: "000000036c8bc087fffffffd0000000e", oid: TypeOID.interval)
        #expect(interval == PGInterval(months: 14, days: -3, microseconds: 14_706_000_007))
        #expect(try decode(PGInterval.self, text: "1 year 2 mons -3 days 04:05:06.000007") == interval)
        #expect(literalText(interval) == "14 mons -3 days 14706000007 microseconds")
        let extremes = try decode(PGInterval.self, hex: "8000000000000000 80000000 80000000", oid: TypeOID.interval)
        #expect(extremes == PGInterval(months: .min, days: .min, microseconds: .min))
    }

    @Test func rejectsWrongLengthsAndTypes() {
        #expect(throws: CellDecodingError.self) { try decode(PGDate.self, hex: "000022", oid: TypeOID.date) }
        #expect(throws: CellDecodingError.self) { try decode(PGDate.self, hex: "0000227900", oid: TypeOID.date) }
        #expect(throws: CellDecodingError.self) { try decode(PGTime.self, hex: "0000000b89f436", oid: TypeOID.time) }
        #expect(throws: CellDecodingError.self) { try decode(PGTimeWithTimeZone.self, hex: "0000000b89f43600ffff", oid: TypeOID.timetz) }
        #expect(throws: CellDecodingError.self) { try decode(PGTimeWithTimeZone.self, hex: "000000000000000080000000", oid: TypeOID.timetz) }
        #expect(throws: CellDecodingError.self) { try decode(PGInterval.self, hex: "000000036c8bc087fffffffd0000000e00", oid: TypeOID.interval) }
        #expect(throws: CellDecodingError.self) { try decode(PGTimestamp.self, hex: "00002279", oid: TypeOID.date) }
        #expect(throws: PGLiteralError.self) { try decode(PGDate.self, text: "2023-02-29") }
        #expect(PGTimestamp.accepts(typeOID: TypeOID.timestamptz) && PGTimestamp.accepts(typeOID: TypeOID.timestamp))
        #expect(!PGTimestamp.accepts(typeOID: TypeOID.date) && !PGDate.accepts(typeOID: TypeOID.timestamp))
        #expect(PGInterval.accepts(typeOID: userTypeOID) && PGInterval.accepts(typeOID: TypeOID.text))
    }
}
