import Foundation

/// A PostgreSQL `date`: a calendar day from 4713 BC to 5874897 AD, or ±infinity.
///
/// Stored as PostgreSQL stores it, days since 2000-01-01, so every value round-trips exactly.
public struct PGDate: Hashable, Comparable, Sendable, Codable, PGLiteralConvertible, CustomStringConvertible {
    /// Days since 2000-01-01; `Int32.max` is `infinity` and `Int32.min` is `-infinity`.
    public let daysSince2000: Int32

    /// The date `daysSince2000` days after 2000-01-01 (negative before it), as the binary form
    /// holds it; `Int32.max` and `Int32.min` are the infinities.
    public init(daysSince2000: Int32) {
        self.daysSince2000 = daysSince2000
    }

    /// Later than every other date.
    public static let infinity = PGDate(daysSince2000: .max)
    /// Earlier than every other date.
    public static let negativeInfinity = PGDate(daysSince2000: .min)

    /// A calendar date; `year` uses astronomical numbering (0 is 1 BC, -1 is 2 BC).
    public init?(year: Int, month: Int, day: Int) {
        guard CivilCalendar.isValid(year: year, month: month, day: day) else { return nil }
        let days = CivilCalendar.days(year: year, month: month, day: day)
        // PostgreSQL's range: 4714-11-24 BC (Julian day 0) through 5874897-12-31.
        guard (Self.minimumDays...Self.maximumDays).contains(days) else { return nil }
        daysSince2000 = Int32(days)
    }

    /// Days since 2000-01-01 of 4714-11-24 BC and of 5874897-12-31, PostgreSQL's first and last dates.
    static let minimumDays = -2_451_545
    static let maximumDays = 2_145_031_948

    /// The day that `date` falls on in `timeZone`.
    public init(_ date: Date, in timeZone: TimeZone = TimeZone(identifier: "UTC")!) {
        let seconds = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        let days = (seconds / 86_400).rounded(.down) - Double(CivilCalendar.unixToPostgresEpochDays)
        // Clamp before converting: `Int(_:)` traps on ±infinity (`PGDate.infinity.date()`) and huge values.
        if days >= Double(Int32.max) {
            daysSince2000 = .max
        } else if days <= Double(Int32.min) {
            daysSince2000 = .min
        } else {
            daysSince2000 = Int32(days)
        }
    }

    /// True for `infinity` and `-infinity`, which `Date` cannot represent.
    public var isInfinite: Bool { daysSince2000 == .max || daysSince2000 == .min }

    /// Year (astronomical), month and day; nil for ±infinity.
    public var components: (year: Int, month: Int, day: Int)? {
        isInfinite ? nil : CivilCalendar.date(days: Int(daysSince2000))
    }

    /// Midnight of this day in `timeZone`; ±infinity become infinitely distant dates.
    public func date(in timeZone: TimeZone = TimeZone(identifier: "UTC")!) -> Date {
        if daysSince2000 == .max { return Date(timeIntervalSince1970: .infinity) }
        if daysSince2000 == .min { return Date(timeIntervalSince1970: -.infinity) }
        let utc = Date(timeIntervalSince1970: Double(Int(daysSince2000) + CivilCalendar.unixToPostgresEpochDays) * 86_400)
        return TimestampMath.instant(ofWallClock: utc, in: timeZone)
    }

    public static func < (lhs: PGDate, rhs: PGDate) -> Bool {
        lhs.daysSince2000 < rhs.daysSince2000
    }

    /// `2024-01-15`, `0044-03-15 BC`, `infinity` or `-infinity`.
    public var postgresLiteral: String {
        if daysSince2000 == .max { return "infinity" }
        if daysSince2000 == .min { return "-infinity" }
        let (year, month, day) = CivilCalendar.date(days: Int(daysSince2000))
        let (text, isBC) = CivilCalendar.format(year: year, month: month, day: day)
        return isBC ? text + " BC" : text
    }

    public init(postgresLiteral literal: String) throws {
        switch literal.lowercased() {
        case "infinity": self = .infinity; return
        case "-infinity": self = .negativeInfinity; return
        default: break
        }
        var scanner = LiteralScanner(literal)
        guard var date = Self.parse(&scanner) else { throw PGLiteralError("date", literal) }
        if Self.consumeBC(&scanner) {
            guard date.year >= 1 else { throw PGLiteralError("date", literal) }
            date.year = 1 - date.year
        }
        guard scanner.isAtEnd, let parsed = PGDate(year: date.year, month: date.month, day: date.day) else {
            throw PGLiteralError("date", literal)
        }
        self = parsed
    }

    /// Reads `YYYY-MM-DD` (the year may have more than four digits).
    static func parse(_ scanner: inout LiteralScanner) -> (year: Int, month: Int, day: Int)? {
        guard let year = scanner.integer(maxDigits: 9), scanner.consume(UInt8(ascii: "-")),
              let month = scanner.integer(maxDigits: 2), scanner.consume(UInt8(ascii: "-")),
              let day = scanner.integer(maxDigits: 2) else { return nil }
        // Written years count from 1 (AD or BC); PostgreSQL rejects year 0.
        guard year.value >= 1 else { return nil }
        return (year.value, month.value, day.value)
    }

    /// Consumes a trailing ` BC` era marker.
    static func consumeBC(_ scanner: inout LiteralScanner) -> Bool {
        let start = scanner.position
        scanner.skipSpaces()
        if scanner.consume("BC") { return true }
        scanner.position = start
        return false
    }

    public var description: String { postgresLiteral }
}
