/// A PostgreSQL `interval`: months, days and microseconds, kept apart as PostgreSQL keeps them
/// (a month is not a fixed number of days, nor a day a fixed number of hours across DST).
public struct PGInterval: Hashable, Sendable, Codable, PGLiteralConvertible, CustomStringConvertible {
    /// Whole months (a year is 12): their length in days depends on the date they are added to.
    public let months: Int32
    /// Whole days: their length in hours depends on DST where they are added.
    public let days: Int32
    /// The time part, in microseconds.
    public let microseconds: Int64

    /// An interval from its three parts, kept apart: `PGInterval(days: 7)` is seven calendar
    /// days, not 168 hours.
    public init(months: Int32 = 0, days: Int32 = 0, microseconds: Int64 = 0) {
        self.months = months
        self.days = days
        self.microseconds = microseconds
    }

    /// An interval of whole and fractional seconds, rounded to the microsecond.
    public init(seconds: Double) {
        self.init(microseconds: Int64((seconds * 1_000_000).rounded()))
    }

    /// Exact units that the server reads back unchanged, whatever `IntervalStyle` is:
    /// `14 mons -3 days 14706000007 microseconds`.
    public var postgresLiteral: String {
        "\(months) mons \(days) days \(microseconds) microseconds"
    }

    /// Reads PostgreSQL's `postgres` output style (`1 year 2 mons -3 days +04:05:06.000007`), the
    /// exact-unit form of ``postgresLiteral`` and ISO 8601 durations (`P1Y2M-3DT4H5M6.000007S`).
    public init(postgresLiteral literal: String) throws {
        let trimmed = literal.trimmingSpaces
        let parsed = trimmed.hasPrefix("P") ? IntervalParser.iso8601(trimmed) : IntervalParser.postgres(trimmed)
        guard let parsed else { throw PGLiteralError("interval", literal) }
        self = parsed
    }

    /// ISO 8601, such as `P1Y2M-3DT4H5M6.000007S`; `PT0S` for zero.
    public var description: String {
        var text = "P"
        let years = months / 12
        let remainingMonths = months % 12
        if years != 0 { text += "\(years)Y" }
        if remainingMonths != 0 { text += "\(remainingMonths)M" }
        if days != 0 { text += "\(days)D" }
        if microseconds != 0 || text == "P" {
            text += "T"
            let magnitude = microseconds.magnitude
            let sign = microseconds < 0 ? "-" : ""
            let hours = magnitude / 3_600_000_000
            let minutes = magnitude / 60_000_000 % 60
            let secondsPart = magnitude % 60_000_000
            if hours != 0 { text += "\(sign)\(hours)H" }
            if minutes != 0 { text += "\(sign)\(minutes)M" }
            if secondsPart != 0 || (hours == 0 && minutes == 0) {
                var seconds = "\(secondsPart / 1_000_000)"
                var fraction = String(secondsPart % 1_000_000)
                if fraction != "0" {
                    fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
                    while fraction.hasSuffix("0") { fraction.removeLast() }
                    seconds += "." + fraction
                }
                text += "\(sign)\(seconds)S"
            }
        }
        return text
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }
}

/// Parsers for the interval text forms; all arithmetic is overflow-checked.
enum IntervalParser {
    private struct Accumulator {
        var months: Int64 = 0
        var days: Int64 = 0
        var microseconds: Int64 = 0

        mutating func add(_ value: Int64, times factor: Int64, to keyPath: WritableKeyPath<Accumulator, Int64>) -> Bool {
            let (product, overflow) = value.multipliedReportingOverflow(by: factor)
            guard !overflow else { return false }
            let (sum, overflow2) = self[keyPath: keyPath].addingReportingOverflow(product)
            guard !overflow2 else { return false }
            self[keyPath: keyPath] = sum
            return true
        }

        var interval: PGInterval? {
            guard let months = Int32(exactly: months), let days = Int32(exactly: days) else { return nil }
            return PGInterval(months: months, days: days, microseconds: microseconds)
        }
    }

    /// `[@] N unit … [±]HH:MM:SS[.ffffff] [ago]`.
    static func postgres(_ text: String) -> PGInterval? {
        var tokens = text.split(separator: " ").map(String.init)
        if tokens.first == "@" { tokens.removeFirst() }
        var negate = false
        if tokens.last == "ago" {
            negate = true
            tokens.removeLast()
        }
        guard !tokens.isEmpty else { return nil }  // "", "@" and "ago" are not intervals
        var total = Accumulator()
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if token.contains(":") {
                guard let time = signedTime(token), total.add(time, times: 1, to: \.microseconds) else { return nil }
                index += 1
                continue
            }
            guard index + 1 < tokens.count, let value = Int64(token.hasPrefix("+") ? String(token.dropFirst()) : token) else { return nil }
            let unit = tokens[index + 1].lowercased()
            let ok: Bool
            switch unit {
            case "millennium", "millennia", "millenniums": ok = total.add(value, times: 12_000, to: \.months)
            case "century", "centuries": ok = total.add(value, times: 1200, to: \.months)
            case "decade", "decades": ok = total.add(value, times: 120, to: \.months)
            case "year", "years", "yr", "yrs", "y": ok = total.add(value, times: 12, to: \.months)
            case "mon", "mons", "month", "months": ok = total.add(value, times: 1, to: \.months)
            case "week", "weeks", "w": ok = total.add(value, times: 7, to: \.days)
            case "day", "days", "d": ok = total.add(value, times: 1, to: \.days)
            case "hour", "hours", "hr", "hrs", "h": ok = total.add(value, times: 3_600_000_000, to: \.microseconds)
            case "min", "mins", "minute", "minutes", "m": ok = total.add(value, times: 60_000_000, to: \.microseconds)
            case "sec", "secs", "second", "seconds", "s": ok = total.add(value, times: 1_000_000, to: \.microseconds)
            case "millisecond", "milliseconds", "ms", "msec", "msecs": ok = total.add(value, times: 1000, to: \.microseconds)
            case "microsecond", "microseconds", "us", "usec", "usecs": ok = total.add(value, times: 1, to: \.microseconds)
            default: ok = false
            }
            guard ok else { return nil }
            index += 2
        }
        if negate {
            total.months = -total.months
            total.days = -total.days
            total.microseconds = -total.microseconds
        }
        return total.interval
    }

    /// `[±]H:MM:SS[.ffffff]` as signed microseconds; hours may be large.
    private static func signedTime(_ token: String) -> Int64? {
        var body = Substring(token)
        var negative = false
        if body.first == "-" || body.first == "+" {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        let parts = body.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, let hours = Int64(parts[0]), let minutes = Int64(parts[1]) else { return nil }
        var microseconds: Int64 = 0
        if parts.count == 3 {
            var scanner = LiteralScanner(String(parts[2]))
            guard let seconds = scanner.integer(maxDigits: 2) else { return nil }
            var fraction = 0
            if scanner.consume(UInt8(ascii: ".")) {
                guard let parsed = scanner.microsecondFraction() else { return nil }
                fraction = parsed
            }
            guard scanner.isAtEnd else { return nil }
            microseconds = Int64(seconds.value) * 1_000_000 + Int64(fraction)
        }
        // Accumulate with the sign applied so that Int64.min (-2562047788:00:54.775808) fits.
        let (hourPart, overflow) = (negative ? -hours : hours).multipliedReportingOverflow(by: 3_600_000_000)
        guard !overflow, minutes < 60 else { return nil }
        let rest = minutes * 60_000_000 + microseconds
        let (result, overflow2) = negative ? hourPart.subtractingReportingOverflow(rest) : hourPart.addingReportingOverflow(rest)
        return overflow2 ? nil : result
    }

    /// ISO 8601 `P[nY][nM][nW][nD][T[nH][nM][n[.f]S]]`, each component optionally signed.
    static func iso8601(_ text: String) -> PGInterval? {
        var scanner = LiteralScanner(text)
        guard scanner.consume(UInt8(ascii: "P")), !scanner.isAtEnd else { return nil }  // "P" alone is not one
        var total = Accumulator()
        var inTime = false
        while !scanner.isAtEnd {
            if scanner.consume(UInt8(ascii: "T")) {
                inTime = true
                continue
            }
            var negative = false
            if scanner.consume(UInt8(ascii: "-")) { negative = true } else { _ = scanner.consume(UInt8(ascii: "+")) }
            guard let whole = scanner.integer(maxDigits: 18) else { return nil }
            var fraction = 0
            var hasFraction = false
            if scanner.consume(UInt8(ascii: ".")) {
                guard let parsed = scanner.microsecondFraction() else { return nil }
                fraction = parsed
                hasFraction = true
            }
            guard let designator = scanner.peek else { return nil }
            scanner.position += 1
            let sign: Int64 = negative ? -1 : 1
            let value = sign * Int64(whole.value)
            let ok: Bool
            switch (inTime, designator) {
            case (false, UInt8(ascii: "Y")): ok = !hasFraction && total.add(value, times: 12, to: \.months)
            case (false, UInt8(ascii: "M")): ok = !hasFraction && total.add(value, times: 1, to: \.months)
            case (false, UInt8(ascii: "W")): ok = !hasFraction && total.add(value, times: 7, to: \.days)
            case (false, UInt8(ascii: "D")): ok = !hasFraction && total.add(value, times: 1, to: \.days)
            case (true, UInt8(ascii: "H")): ok = !hasFraction && total.add(value, times: 3_600_000_000, to: \.microseconds)
            case (true, UInt8(ascii: "M")): ok = !hasFraction && total.add(value, times: 60_000_000, to: \.microseconds)
            case (true, UInt8(ascii: "S")):
                ok = total.add(value, times: 1_000_000, to: \.microseconds)
                    && total.add(sign * Int64(fraction), times: 1, to: \.microseconds)
            default: ok = false
            }
            guard ok else { return nil }
        }
        return total.interval
    }
}
