/// A PostgreSQL `time without time zone`: microseconds since midnight, `24:00:00` included.
public struct PGTime: Hashable, Comparable, Sendable, Codable, PGLiteralConvertible, CustomStringConvertible {
    /// Microseconds since midnight, from 0 to 86 400 000 000.
    public let microsecondsSinceMidnight: Int64

    /// The time `microsecondsSinceMidnight` after midnight, as the binary form holds it
    /// (86 400 000 000 is `24:00:00`).
    public init(microsecondsSinceMidnight: Int64) {
        self.microsecondsSinceMidnight = microsecondsSinceMidnight
    }

    /// A time of day; nil outside `00:00:00`…`24:00:00`.
    public init?(hour: Int, minute: Int, second: Int = 0, microsecond: Int = 0) {
        guard (0...24).contains(hour), (0...59).contains(minute), (0...59).contains(second),
              (0...999_999).contains(microsecond) else { return nil }
        let value = Int64((hour * 60 + minute) * 60 + second) * 1_000_000 + Int64(microsecond)
        guard value <= 86_400_000_000 else { return nil }
        microsecondsSinceMidnight = value
    }

    public static func < (lhs: PGTime, rhs: PGTime) -> Bool {
        lhs.microsecondsSinceMidnight < rhs.microsecondsSinceMidnight
    }

    /// `HH:MM:SS[.ffffff]`.
    public var postgresLiteral: String { formatTimeOfDay(microsecondsSinceMidnight) }

    public init(postgresLiteral literal: String) throws {
        var scanner = LiteralScanner(literal)
        guard let value = parseTimeOfDay(&scanner), scanner.isAtEnd else {
            throw PGLiteralError("time", literal)
        }
        microsecondsSinceMidnight = value
    }

    public var description: String { postgresLiteral }
}

/// A PostgreSQL `time with time zone`: a time of day with a fixed UTC offset.
public struct PGTimeWithTimeZone: Hashable, Sendable, Codable, PGLiteralConvertible, CustomStringConvertible {
    /// Microseconds since midnight in the value's own zone.
    public let microsecondsSinceMidnight: Int64
    /// The offset from UTC in seconds, positive east of Greenwich (`+05:30` is 19 800).
    public let utcOffsetSeconds: Int32

    /// A time of day with its UTC offset (positive east of Greenwich), as the binary form holds them.
    public init(microsecondsSinceMidnight: Int64, utcOffsetSeconds: Int32) {
        self.microsecondsSinceMidnight = microsecondsSinceMidnight
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// `HH:MM:SS[.ffffff]±HH[:MM[:SS]]`.
    public var postgresLiteral: String {
        formatTimeOfDay(microsecondsSinceMidnight) + TimestampMath.formatZoneOffset(Int(utcOffsetSeconds))
    }

    public init(postgresLiteral literal: String) throws {
        var scanner = LiteralScanner(literal)
        guard let time = parseTimeOfDay(&scanner), let offset = TimestampMath.parseZoneOffset(&scanner),
              scanner.isAtEnd, let offset32 = Int32(exactly: offset) else {
            throw PGLiteralError("time with time zone", literal)
        }
        microsecondsSinceMidnight = time
        utcOffsetSeconds = offset32
    }

    public var description: String { postgresLiteral }
}
