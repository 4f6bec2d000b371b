import Foundation

/// A PostgreSQL `money`: a signed 64-bit count of the currency's minor units (cents).
///
/// The server's text form depends on `lc_monetary`. EntityKit assumes a locale with two
/// fraction digits and `.` as the decimal point (C, POSIX, en_US and most others): the literal
/// is the plain amount (`-1234.56`), which such a server reads back exactly whatever its
/// currency symbol, and parsing accepts what it prints (`$1,234.56`, `-$1,234.56`,
/// `($1,234.56)`). Under a locale with other conventions (`1.234,56 €`) the text forms do not
/// apply; the binary form, used by EntityKitPostgres, is locale-independent.
public struct PGMoney: Hashable, Comparable, Sendable, Codable, PGLiteralConvertible, CustomStringConvertible {
    /// The amount in minor units: 123456 is 1234.56.
    public let minorUnits: Int64

    /// The amount `minorUnits` hundredths: `PGMoney(minorUnits: 123456)` is 1234.56.
    public init(minorUnits: Int64) {
        self.minorUnits = minorUnits
    }

    /// The amount as a decimal number of major units (exact).
    public var decimalValue: Decimal {
        Decimal(minorUnits) / 100
    }

    public static func < (lhs: PGMoney, rhs: PGMoney) -> Bool {
        lhs.minorUnits < rhs.minorUnits
    }

    /// `-1234.56`, `0.00`: no currency symbol or grouping, two fraction digits.
    public var postgresLiteral: String {
        let magnitude = minorUnits.magnitude
        let fraction = magnitude % 100
        return (minorUnits < 0 ? "-" : "") + "\(magnitude / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    public var description: String { postgresLiteral }

    /// Reads amounts as `cash_in` does under the C locale: white space, `$`, a leading `-` or
    /// `(` or `+`, digits with `,` group separators, `.` and fraction digits (a third fraction
    /// digit rounds half away from zero, later ones are ignored), then optional `)`, `-`, `+`,
    /// `$` or white space. As in PostgreSQL, text without digits (`""`, `$`) is zero.
    public init(postgresLiteral literal: String) throws {
        var scanner = LiteralScanner(literal)
        func skipSymbol() {
            PGFloatText.skipWhitespace(&scanner)
            _ = scanner.consume(UInt8(ascii: "$"))
            PGFloatText.skipWhitespace(&scanner)
        }
        skipSymbol()
        var negative = false
        if scanner.consume(UInt8(ascii: "-")) || scanner.consume(UInt8(ascii: "(")) {
            negative = true
        } else {
            _ = scanner.consume(UInt8(ascii: "+"))
        }
        skipSymbol()

        // Accumulate the negated amount: Int64's range reaches one unit further below zero.
        var value: Int64 = 0
        var fractionDigits = 0
        var seenPoint = false
        func append(_ digit: Int64) throws {
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = shifted.subtractingReportingOverflow(digit)
            guard !overflow, !overflow2 else { throw PGLiteralError("money", literal) }
            value = sum
        }
        while let byte = scanner.peek {
            if PGFloatText.isDigit(byte), !seenPoint || fractionDigits < 2 {
                try append(Int64(byte - UInt8(ascii: "0")))
                if seenPoint { fractionDigits += 1 }
            } else if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else if byte != UInt8(ascii: ",") {
                break
            }
            scanner.position += 1
        }
        if let byte = scanner.peek, PGFloatText.isDigit(byte), byte >= UInt8(ascii: "5") {
            let (rounded, overflow) = value.subtractingReportingOverflow(1)
            guard !overflow else { throw PGLiteralError("money", literal) }
            value = rounded
        }
        while fractionDigits < 2 {
            try append(0)
            fractionDigits += 1
        }
        while let byte = scanner.peek, PGFloatText.isDigit(byte) { scanner.position += 1 }
        while let byte = scanner.peek {
            if PGFloatText.isWhitespace(byte) || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "$") {
                scanner.position += 1
            } else if byte == UInt8(ascii: "-") {
                negative = true
                scanner.position += 1
            } else {
                throw PGLiteralError("money", literal)
            }
        }
        if negative {
            minorUnits = value
        } else {
            guard value != .min else { throw PGLiteralError("money", literal) }
            minorUnits = -value
        }
    }
}
