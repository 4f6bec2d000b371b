import Foundation

/// A PostgreSQL `timestamp with time zone`: an instant with microsecond precision, or ±infinity.
///
/// Stored as PostgreSQL stores it (microseconds since 2000-01-01 00:00:00 UTC), so values far
/// from today and infinities round-trip exactly, which `Date` cannot promise.
public struct PGTimestamp: Hashable, Comparable, Sendable, Codable, PGLiteralConvertible, CustomStringConvertible {
    /// Microseconds since 2000-01-01 00:00:00 UTC; `Int64.max` / `Int64.min` are ±infinity.
    public let microsecondsSince2000: Int64

    /// The instant `microsecondsSince2000` after 2000-01-01 00:00:00 UTC (negative before), as
    /// the binary form holds it.
    public init(microsecondsSince2000: Int64) {
        self.microsecondsSince2000 = microsecondsSince2000
    }

    /// `infinity`: later than every other timestamp (an open-ended validity, say).
    public static let infinity = PGTimestamp(microsecondsSince2000: .max)
    /// `-infinity`: earlier than every other timestamp.
    public static let negativeInfinity = PGTimestamp(microsecondsSince2000: .min)

    /// The instant of `date`, rounded to the microsecond.
    public init(_ date: Date) {
        microsecondsSince2000 = TimestampMath.microseconds(of: date)
    }

    /// The current instant.
    public static func now() -> PGTimestamp { PGTimestamp(Date()) }

    /// A UTC date and time; `year` uses astronomical numbering (0 is 1 BC).
    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, microsecond: Int = 0) {
        guard let value = TimestampMath.microseconds(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second, microsecond: microsecond
        ) else { return nil }
        microsecondsSince2000 = value
    }

    /// True for `infinity` and `-infinity`, which `Date` cannot represent.
    public var isInfinite: Bool { microsecondsSince2000 == .max || microsecondsSince2000 == .min }

    /// The instant as a `Date` (sub-microsecond rounding may apply far from 2001).
    public var date: Date { TimestampMath.date(of: microsecondsSince2000) }

    public static func < (lhs: PGTimestamp, rhs: PGTimestamp) -> Bool {
        lhs.microsecondsSince2000 < rhs.microsecondsSince2000
    }

    /// ISO 8601 in UTC, such as `2024-01-15T10:30:00.123456Z` (or `… BC`, `infinity`).
    public var postgresLiteral: String { TimestampMath.format(microsecondsSince2000, zone: "Z") }

    public init(postgresLiteral literal: String) throws {
        guard let value = TimestampMath.parse(literal, allowsZone: true) else {
            throw PGLiteralError("timestamp with time zone", literal)
        }
        microsecondsSince2000 = value
    }

    public var description: String { postgresLiteral }
}

/// A PostgreSQL `timestamp without time zone`: a wall-clock date and time with microsecond
/// precision and no zone, or ±infinity.
public struct PGLocalTimestamp: Hashable, Comparable, Sendable, Codable, PGLiteralConvertible, CustomStringConvertible {
    /// Microseconds since 2000-01-01 00:00:00 on the same wall clock; `Int64.max` / `Int64.min` are ±infinity.
    public let microsecondsSince2000: Int64

    /// The wall-clock time `microsecondsSince2000` after 2000-01-01 00:00:00 (negative before),
    /// as the binary form holds it.
    public init(microsecondsSince2000: Int64) {
        self.microsecondsSince2000 = microsecondsSince2000
    }

    /// `infinity`: later than every other timestamp.
    public static let infinity = PGLocalTimestamp(microsecondsSince2000: .max)
    /// `-infinity`: earlier than every other timestamp.
    public static let negativeInfinity = PGLocalTimestamp(microsecondsSince2000: .min)

    /// The wall-clock time of `date` in `timeZone`.
    public init(_ date: Date, in timeZone: TimeZone = TimeZone(identifier: "UTC")!) {
        let shifted = date.addingTimeInterval(Double(timeZone.secondsFromGMT(for: date)))
        microsecondsSince2000 = TimestampMath.microseconds(of: shifted)
    }

    /// A wall-clock date and time; `year` uses astronomical numbering (0 is 1 BC).
    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, microsecond: Int = 0) {
        guard let value = TimestampMath.microseconds(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second, microsecond: microsecond
        ) else { return nil }
        microsecondsSince2000 = value
    }

    /// True for `infinity` and `-infinity`.
    public var isInfinite: Bool { microsecondsSince2000 == .max || microsecondsSince2000 == .min }

    /// The instant this wall-clock time names in `timeZone`.
    public func date(in timeZone: TimeZone = TimeZone(identifier: "UTC")!) -> Date {
        let asUTC = TimestampMath.date(of: microsecondsSince2000)
        guard !isInfinite else { return asUTC }
        return TimestampMath.instant(ofWallClock: asUTC, in: timeZone)
    }

    public static func < (lhs: PGLocalTimestamp, rhs: PGLocalTimestamp) -> Bool {
        lhs.microsecondsSince2000 < rhs.microsecondsSince2000
    }

    /// ISO 8601 without a zone, such as `2024-01-15T10:30:00.123456` (or `… BC`, `infinity`).
    public var postgresLiteral: String { TimestampMath.format(microsecondsSince2000, zone: "") }

    public init(postgresLiteral literal: String) throws {
        guard let value = TimestampMath.parse(literal, allowsZone: false) else {
            throw PGLiteralError("timestamp", literal)
        }
        microsecondsSince2000 = value
    }

    public var description: String { postgresLiteral }
}

/// Shared arithmetic of the two timestamp types.
enum TimestampMath {
    static let microsecondsPerDay: Int64 = 86_400_000_000
    /// Seconds from 2000-01-01 to 2001-01-01, `Date`'s reference date (2000 was a leap year).
    static let referenceDateOffset: Int64 = 31_622_400
    /// PostgreSQL's range: 4714-11-24 00:00:00 BC up to (not including) 294277-01-01 00:00:00.
    static let validRange: Range<Int64> = -211_813_488_000_000_000..<9_223_371_331_200_000_000

    /// The instant a wall-clock time, given as the `Date` it would be in UTC, names in `timeZone`.
    ///
    /// The offset must hold at the instant itself, not at `wallClock` read as UTC (that is off by the
    /// transition within hours of a DST change). Like PostgreSQL, a wall-clock time skipped by a
    /// transition or repeated by one is read as the later of its two candidate instants.
    static func instant(ofWallClock wallClock: Date, in timeZone: TimeZone) -> Date {
        let offsets = [-86_400.0, 0, 86_400].map { Double(timeZone.secondsFromGMT(for: wallClock.addingTimeInterval($0))) }
        var latest: Date?
        for offset in offsets {
            let candidate = wallClock.addingTimeInterval(-offset)
            if Double(timeZone.secondsFromGMT(for: candidate)) == offset, latest.map({ candidate > $0 }) ?? true {
                latest = candidate
            }
        }
        return latest ?? wallClock.addingTimeInterval(-(offsets.min() ?? 0))
    }

    static func microseconds(of date: Date) -> Int64 {
        let interval = date.timeIntervalSinceReferenceDate
        if interval == .infinity { return .max }
        if interval == -.infinity { return .min }
        let whole = interval.rounded(.down)
        // Beyond Int64 microseconds, `Int64(_:)` would trap: such instants are ±infinity.
        if whole >= 9_223_372_036_854 - Double(referenceDateOffset) { return .max }
        if whole <= -9_223_372_036_854 - Double(referenceDateOffset) { return .min }
        let fraction = Int64(((interval - whole) * 1_000_000).rounded())
        return (Int64(whole) + referenceDateOffset) * 1_000_000 + fraction
    }

    static func date(of microseconds: Int64) -> Date {
        if microseconds == .max { return Date(timeIntervalSinceReferenceDate: .infinity) }
        if microseconds == .min { return Date(timeIntervalSinceReferenceDate: -.infinity) }
        let shifted = microseconds - referenceDateOffset * 1_000_000
        let seconds = shifted >= 0 ? shifted / 1_000_000 : (shifted - 999_999) / 1_000_000
        let fraction = shifted - seconds * 1_000_000
        return Date(timeIntervalSinceReferenceDate: Double(seconds) + Double(fraction) / 1_000_000)
    }

    static func microseconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, microsecond: Int) -> Int64? {
        guard CivilCalendar.isValid(year: year, month: month, day: day),
              (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second),
              (0...999_999).contains(microsecond) else { return nil }
        let days = Int64(CivilCalendar.days(year: year, month: month, day: day))
        let time = Int64(((hour * 60 + minute) * 60 + second)) * 1_000_000 + Int64(microsecond)
        let (product, overflow) = days.multipliedReportingOverflow(by: microsecondsPerDay)
        guard !overflow else { return nil }
        let (sum, overflow2) = product.addingReportingOverflow(time)
        guard !overflow2, validRange.contains(sum) else { return nil }
        return sum
    }

    static func format(_ microseconds: Int64, zone: String) -> String {
        if microseconds == .max { return "infinity" }
        if microseconds == .min { return "-infinity" }
        var days = microseconds / microsecondsPerDay
        var time = microseconds % microsecondsPerDay
        if time < 0 {
            time += microsecondsPerDay
            days -= 1
        }
        let (year, month, day) = CivilCalendar.date(days: Int(days))
        let isBC = year <= 0
        return ASCIIText.make(capacity: 40 + zone.utf8.count) { text in
            text.appendDate(year: isBC ? 1 - year : year, month: month, day: day)
            text.append(UInt8(ascii: "T"))
            text.appendTimeOfDay(time)
            for byte in zone.utf8 { text.append(byte) }
            if isBC { text.append(" BC") }
        }
    }

    /// Reads `YYYY-MM-DD[T| ]HH:MM:SS[.ffffff][zone][ BC]`, where the zone is `Z` or `±HH[:MM[:SS]]`.
    static func parse(_ literal: String, allowsZone: Bool) -> Int64? {
        switch literal.lowercased() {
        case "infinity": return .max
        case "-infinity": return .min
        default: break
        }
        var scanner = LiteralScanner(literal)
        guard var date = PGDate.parse(&scanner) else { return nil }
        guard scanner.consume(UInt8(ascii: "T")) || scanner.consume(UInt8(ascii: " ")) || scanner.consume(UInt8(ascii: "t")),
              let time = parseTimeOfDay(&scanner) else { return nil }
        var offsetSeconds = 0
        if scanner.consume(UInt8(ascii: "Z")) {
            offsetSeconds = 0
        } else if let sign = scanner.peek, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            guard allowsZone, let offset = parseZoneOffset(&scanner) else { return nil }
            offsetSeconds = offset
        }
        if PGDate.consumeBC(&scanner) {
            guard date.year >= 1 else { return nil }
            date.year = 1 - date.year
        }
        guard scanner.isAtEnd, CivilCalendar.isValid(year: date.year, month: date.month, day: date.day) else { return nil }
        let days = Int64(CivilCalendar.days(year: date.year, month: date.month, day: date.day))
        let (product, overflow) = days.multipliedReportingOverflow(by: microsecondsPerDay)
        guard !overflow else { return nil }
        let (local, overflow2) = product.addingReportingOverflow(time)
        guard !overflow2 else { return nil }
        let (utc, overflow3) = local.subtractingReportingOverflow(Int64(offsetSeconds) * 1_000_000)
        guard !overflow3, validRange.contains(utc) else { return nil }
        return utc
    }

    /// Reads `±HH[:MM[:SS]]` (or `±HHMM`) as seconds east of UTC; like PostgreSQL, at most 15:59:59.
    static func parseZoneOffset(_ scanner: inout LiteralScanner) -> Int? {
        guard let sign = scanner.peek, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        scanner.position += 1
        let negative = sign == UInt8(ascii: "-")
        guard let hours = scanner.integer(maxDigits: 2) else { return nil }
        var minutes = 0
        var seconds = 0
        if scanner.consume(UInt8(ascii: ":")) {
            guard let parsed = scanner.integer(maxDigits: 2) else { return nil }
            minutes = parsed.value
            if scanner.consume(UInt8(ascii: ":")) {
                guard let parsedSeconds = scanner.integer(maxDigits: 2) else { return nil }
                seconds = parsedSeconds.value
            }
        } else if let parsed = scanner.integer(maxDigits: 2) {
            minutes = parsed.value
        }
        guard hours.value <= 15, minutes < 60, seconds < 60 else { return nil }
        let total = (hours.value * 60 + minutes) * 60 + seconds
        return negative ? -total : total
    }

    /// `+05:30`, `-08`, `+05:53:28` for seconds east of UTC.
    static func formatZoneOffset(_ secondsEast: Int) -> String {
        let sign = secondsEast < 0 ? "-" : "+"
        let magnitude = abs(secondsEast)
        var text = sign + CivilCalendar.pad(magnitude / 3600, 2)
        if magnitude % 3600 != 0 {
            text += ":" + CivilCalendar.pad(magnitude / 60 % 60, 2)
            if magnitude % 60 != 0 { text += ":" + CivilCalendar.pad(magnitude % 60, 2) }
        }
        return text
    }
}
