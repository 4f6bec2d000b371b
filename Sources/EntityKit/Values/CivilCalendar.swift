/// Proleptic Gregorian calendar arithmetic with astronomical year numbering (year 0 is 1 BC),
/// as PostgreSQL uses it. Days are counted from 2000-01-01, PostgreSQL's epoch.
enum CivilCalendar {
    /// Days from 1970-01-01 to 2000-01-01.
    static let unixToPostgresEpochDays = 10_957

    /// Days since 2000-01-01 of a calendar date (month 1...12, day 1...31).
    static func days(year: Int, month: Int, day: Int) -> Int {
        // Howard Hinnant's days_from_civil, shifted to PostgreSQL's epoch.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468 - unixToPostgresEpochDays
    }

    /// The calendar date of a day count since 2000-01-01.
    static func date(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + unixToPostgresEpochDays + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        switch month {
        case 2: return day <= (isLeap(year) ? 29 : 28)
        case 4, 6, 9, 11: return day <= 30
        default: return day <= 31
        }
    }

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// `2024-01-15`, or `0044-03-15 BC` for astronomical year -43; years keep at least 4 digits.
    static func format(year: Int, month: Int, day: Int) -> (text: String, isBC: Bool) {
        let isBC = year <= 0
        let displayYear = isBC ? 1 - year : year
        return (ASCIIText.make(capacity: 32) { $0.appendDate(year: displayYear, month: month, day: day) }, isBC)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// A tiny scanner over ASCII text, for the literal parsers.
struct LiteralScanner {
    let bytes: [UInt8]
    var position = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    var isAtEnd: Bool { position >= bytes.count }
    var peek: UInt8? { position < bytes.count ? bytes[position] : nil }
    var rest: String { String(decoding: bytes[min(position, bytes.count)...], as: UTF8.self) }

    mutating func skipSpaces() {
        while let byte = peek, byte == UInt8(ascii: " ") { position += 1 }
    }

    mutating func consume(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        position += 1
        return true
    }

    mutating func consume(_ text: String) -> Bool {
        let expected = Array(text.utf8)
        guard position + expected.count <= bytes.count,
              Array(bytes[position..<position + expected.count]).map(lowercase) == expected.map(lowercase)
        else { return false }
        position += expected.count
        return true
    }

    private func lowercase(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }

    /// Decimal digits as an integer (at most 18 digits, so it cannot overflow).
    mutating func integer(maxDigits: Int = 18) -> (value: Int, digits: Int)? {
        var value = 0
        var digits = 0
        while let byte = peek, byte >= 48, byte <= 57, digits < maxDigits {
            value = value * 10 + Int(byte - 48)
            digits += 1
            position += 1
        }
        return digits == 0 ? nil : (value, digits)
    }

    /// A fraction after a decimal point as microseconds (up to 6 digits; more must be zeros).
    mutating func microsecondFraction() -> Int? {
        var value = 0
        var digits = 0
        while let byte = peek, byte >= 48, byte <= 57 {
            if digits < 6 {
                value = value * 10 + Int(byte - 48)
            } else if byte != 48 {
                return nil
            }
            digits += 1
            position += 1
        }
        guard digits > 0 else { return nil }
        if digits < 6 {
            for _ in digits..<6 { value *= 10 }
        }
        return value
    }
}

/// Formats microseconds of a day as `HH:MM:SS[.ffffff]` (trailing fraction zeros dropped).
func formatTimeOfDay(_ microseconds: Int64) -> String {
    ASCIIText.make(capacity: 32) { $0.appendTimeOfDay(microseconds) }
}

/// Parses `HH:MM[:SS[.ffffff]]` into microseconds since midnight (24:00:00 allowed).
func parseTimeOfDay(_ scanner: inout LiteralScanner) -> Int64? {
    guard let hours = scanner.integer(maxDigits: 2), scanner.consume(UInt8(ascii: ":")),
          let minutes = scanner.integer(maxDigits: 2), minutes.value < 60 else { return nil }
    var seconds = 0
    var fraction = 0
    if scanner.consume(UInt8(ascii: ":")) {
        guard let parsed = scanner.integer(maxDigits: 2), parsed.value < 61 else { return nil }
        seconds = parsed.value
        if scanner.consume(UInt8(ascii: ".")) {
            guard let parsedFraction = scanner.microsecondFraction() else { return nil }
            fraction = parsedFraction
        }
    }
    let total = Int64(((hours.value * 60 + minutes.value) * 60 + seconds)) * 1_000_000 + Int64(fraction)
    guard total <= 86_400_000_000 else { return nil }
    return total
}
