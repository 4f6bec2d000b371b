import Foundation

/// A PostgreSQL `numeric`: an exact decimal of any precision, or `NaN` / `±Infinity`.
///
/// Kept as its decimal text, so values with more digits than `Decimal` holds round-trip exactly.
/// Equality is textual: `1.0` and `1.00` are different values, as their scales differ.
public struct PGNumeric: Hashable, Sendable, Codable, PGLiteralConvertible, CustomStringConvertible,
    ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    /// The canonical text: `-123.4500`, `NaN`, `Infinity` or `-Infinity`.
    public let postgresLiteral: String

    /// `NaN`, which `numeric` holds and `Decimal` cannot.
    public static let nan = PGNumeric(validated: "NaN")
    /// `Infinity` (PostgreSQL 14 and later).
    public static let infinity = PGNumeric(validated: "Infinity")
    /// `-Infinity` (PostgreSQL 14 and later).
    public static let negativeInfinity = PGNumeric(validated: "-Infinity")

    /// Text already in canonical form (the binary reader builds it so).
    init(validated: String) {
        postgresLiteral = validated
    }

    /// Accepts `[-+]digits[.digits]`, `.5`-style fractions, exponents, `NaN` and `±Infinity`.
    public init(postgresLiteral literal: String) throws {
        guard let canonical = Self.canonical(literal) else { throw PGLiteralError("numeric", literal) }
        postgresLiteral = canonical
    }

    /// Crashes on text that is not a number; use ``init(postgresLiteral:)`` for untrusted input.
    public init(stringLiteral value: String) {
        guard let canonical = Self.canonical(value) else { preconditionFailure("\"\(value)\" is not a numeric literal") }
        postgresLiteral = canonical
    }

    public init(integerLiteral value: Int) {
        postgresLiteral = String(value)
    }

    /// The exact value of an integer of any width.
    public init<Integer: BinaryInteger>(_ value: Integer) {
        postgresLiteral = String(value)
    }

    /// The exact value of `decimal`.
    public init(_ decimal: Decimal) {
        if decimal.isNaN {
            postgresLiteral = "NaN"
        } else {
            postgresLiteral = Self.canonical(decimal.description) ?? "NaN"
        }
    }

    /// True for `NaN`.
    public var isNaN: Bool { postgresLiteral == "NaN" }
    /// True for `Infinity` and `-Infinity`.
    public var isInfinite: Bool { postgresLiteral.hasSuffix("Infinity") }

    /// The value as a `Decimal`; nil for NaN and infinities. `Decimal` holds 38 significant
    /// digits, so longer values are rounded.
    public var decimal: Decimal? {
        guard !isNaN, !isInfinite else { return nil }
        return Decimal(string: postgresLiteral, locale: Self.posix)
    }

    /// Made once: a `Decimal` column reads one value per row.
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// The nearest `Double`.
    public var doubleValue: Double {
        switch postgresLiteral {
        case "NaN": .nan
        case "Infinity": .infinity
        case "-Infinity": -.infinity
        default: Double(postgresLiteral) ?? .nan
        }
    }

    public var description: String { postgresLiteral }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            try self.init(postgresLiteral: text)
        } else {
            self.init(try container.decode(Decimal.self))
        }
    }

    /// Encodes as a JSON string: a JSON number would go through `Double` and lose digits.
    /// The canonical spelling of a numeric literal, expanding exponents; nil if it is not one.
    static func canonical(_ text: String) -> String? {
        switch text.lowercased() {
        case "nan": return "NaN"
        case "infinity", "+infinity", "inf", "+inf": return "Infinity"
        case "-infinity", "-inf": return "-Infinity"
        default: break
        }
        var scalars = Substring(text)
        var negative = false
        if scalars.first == "-" || scalars.first == "+" {
            negative = scalars.first == "-"
            scalars = scalars.dropFirst()
        }
        var exponent = 0
        if let e = scalars.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let value = Int(scalars[scalars.index(after: e)...]), abs(value) < 100_000 else { return nil }
            exponent = value
            scalars = scalars[..<e]
        }
        let parts = scalars.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var integer = String(parts[0])
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        guard !(integer.isEmpty && fraction.isEmpty),
              integer.allSatisfy({ $0.isASCII && $0.isNumber }), fraction.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        if exponent > 0 {
            let moved = String(fraction.prefix(exponent))
            integer += moved + String(repeating: "0", count: max(0, exponent - fraction.count))
            fraction = String(fraction.dropFirst(moved.count))
        } else if exponent < 0 {
            let shift = -exponent
            let padded = String(repeating: "0", count: max(0, shift - integer.count)) + integer
            fraction = String(padded.suffix(shift)) + fraction
            integer = String(padded.dropLast(shift))
        }
        while integer.count > 1, integer.first == "0" { integer.removeFirst() }
        if integer.isEmpty { integer = "0" }
        let digits = fraction.isEmpty ? integer : integer + "." + fraction
        let isZero = !digits.contains { $0 != "0" && $0 != "." }
        return negative && !isZero ? "-" + digits : digits
    }
}
