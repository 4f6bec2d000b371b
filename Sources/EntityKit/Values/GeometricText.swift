/// `float8` text as PostgreSQL prints and reads it, for the geometric types' literals.
enum PGFloatText {
    /// The shortest text that reads back as exactly `value`, spelled as PostgreSQL 12+ prints a
    /// `float8` (`extra_float_digits` ≥ 1): `1.5`, `-0`, `1e+15`, `1e-05`, `NaN`, `Infinity`.
    ///
    /// Digits come from Swift's shortest round-trip `description`; the layout follows
    /// PostgreSQL: fixed notation when the decimal exponent is in -4..<15, else `d.ddde±XX`.
    static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        let sign = value.sign == .minus ? "-" : ""
        if value == 0 { return sign + "0" }

        // Split Swift's shortest text (`1.0`, `0.0001`, `1e-05`, `1.25e+17`) into significant
        // digits and the position of the decimal point.
        var text = Substring(value.magnitude.description)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = text[..<e]
        }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integerPart = parts[0]
        var digits = Array((integerPart + (parts.count > 1 ? parts[1] : "")).utf8)
        // value = 0.d₁d₂… × 10^pointPosition
        var pointPosition = exponent + integerPart.count
        while digits.first == UInt8(ascii: "0") {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        let digitText = String(decoding: digits, as: UTF8.self)

        let scientificExponent = pointPosition - 1
        if scientificExponent >= -4 && scientificExponent < 15 {
            if pointPosition <= 0 {
                return sign + "0." + String(repeating: "0", count: -pointPosition) + digitText
            }
            if pointPosition >= digits.count {
                return sign + digitText + String(repeating: "0", count: pointPosition - digits.count)
            }
            let head = String(decoding: digits[..<pointPosition], as: UTF8.self)
            let tail = String(decoding: digits[pointPosition...], as: UTF8.self)
            return sign + head + "." + tail
        }
        var mantissa = String(decoding: digits[..<1], as: UTF8.self)
        if digits.count > 1 { mantissa += "." + String(decoding: digits[1...], as: UTF8.self) }
        let magnitude = abs(scientificExponent)
        let exponentText = magnitude < 10 ? "0\(magnitude)" : "\(magnitude)"
        return sign + mantissa + "e" + (scientificExponent < 0 ? "-" : "+") + exponentText
    }

    /// Reads one `float8` as `float8in` does inside a geometric literal: optional white space,
    /// a decimal number (`-1.5`, `.5`, `1e-05`) or `NaN` / `Infinity` / `inf` (any case,
    /// signed), optional white space. Nil for anything else or for a value out of range.
    static func parse(_ scanner: inout LiteralScanner) -> Double? {
        skipWhitespace(&scanner)
        let start = scanner.position
        var negative = false
        if let sign = scanner.peek, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            scanner.position += 1
        }
        if let first = scanner.peek, isLetter(first) {
            let wordStart = scanner.position
            while let byte = scanner.peek, isLetter(byte) { scanner.position += 1 }
            let word = String(decoding: scanner.bytes[wordStart..<scanner.position], as: UTF8.self).lowercased()
            let value: Double
            switch word {
            case "nan": value = .nan
            case "inf", "infinity": value = negative ? -.infinity : .infinity
            default:
                scanner.position = start
                return nil
            }
            skipWhitespace(&scanner)
            return value
        }
        var mantissaDigits = 0
        var nonZeroDigit = false
        func digits(_ scanner: inout LiteralScanner) {
            while let byte = scanner.peek, isDigit(byte) {
                mantissaDigits += 1
                if byte != UInt8(ascii: "0") { nonZeroDigit = true }
                scanner.position += 1
            }
        }
        digits(&scanner)
        if scanner.consume(UInt8(ascii: ".")) { digits(&scanner) }
        guard mantissaDigits > 0 else {
            scanner.position = start
            return nil
        }
        // An exponent counts only when digits follow it, as with strtod.
        if let e = scanner.peek, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            var lookahead = scanner.position + 1
            if lookahead < scanner.bytes.count, scanner.bytes[lookahead] == UInt8(ascii: "+") || scanner.bytes[lookahead] == UInt8(ascii: "-") {
                lookahead += 1
            }
            if lookahead < scanner.bytes.count, isDigit(scanner.bytes[lookahead]) {
                scanner.position = lookahead
                while let byte = scanner.peek, isDigit(byte) { scanner.position += 1 }
            }
        }
        let token = String(decoding: scanner.bytes[start..<scanner.position], as: UTF8.self)
        // PostgreSQL rejects overflow and total underflow ("out of range"); subnormals are fine.
        guard let value = Double(token), value.isFinite, value != 0 || !nonZeroDigit else {
            scanner.position = start
            return nil
        }
        skipWhitespace(&scanner)
        return value
    }

    /// Parses a whole literal that is one `float8` (surrounding white space allowed).
    static func parse(_ text: String) -> Double? {
        var scanner = LiteralScanner(text)
        guard let value = parse(&scanner), scanner.isAtEnd else { return nil }
        return value
    }

    /// Equality for the geometric types: NaN equals NaN (as in PostgreSQL's float comparisons),
    /// and 0 equals -0, as in Swift.
    static func same(_ lhs: Double, _ rhs: Double) -> Bool {
        lhs == rhs || (lhs.isNaN && rhs.isNaN)
    }

    /// Hashing consistent with ``same(_:_:)``.
    static func hash(_ value: Double, into hasher: inout Hasher) {
        if value.isNaN {
            hasher.combine(UInt64.max)
        } else {
            hasher.combine(value == 0 ? 0 : value)
        }
    }

    /// C's `isspace` in the C locale.
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || (byte >= 9 && byte <= 13)
    }

    static func skipWhitespace(_ scanner: inout LiteralScanner) {
        while let byte = scanner.peek, isWhitespace(byte) { scanner.position += 1 }
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }
}

/// The point-list grammar shared by `point`, `lseg`, `box`, `path`, `polygon` and `circle`
/// input, as PostgreSQL's `pair_decode` / `path_decode` accept it.
enum GeometricText {
    /// `(x,y)` or `x,y`, with white space around every token.
    static func parsePoint(_ scanner: inout LiteralScanner) -> PGPoint? {
        PGFloatText.skipWhitespace(&scanner)
        let parenthesized = scanner.consume(UInt8(ascii: "("))
        guard let x = PGFloatText.parse(&scanner), scanner.consume(UInt8(ascii: ",")),
              let y = PGFloatText.parse(&scanner) else { return nil }
        if parenthesized {
            guard scanner.consume(UInt8(ascii: ")")) else { return nil }
            PGFloatText.skipWhitespace(&scanner)
        }
        return PGPoint(x: x, y: y)
    }

    /// A whole literal made of points: `[(x1,y1),…]` (open; only when `allowsOpen`),
    /// `((x1,y1),…)`, `(x1,y1),…`, `(x1,y1,…)` or `x1,y1,…`.
    ///
    /// Reads exactly `count` points when given, else as many as the commas announce (at least
    /// one). `isOpen` is true when the list was in square brackets.
    static func parsePoints(_ text: String, count: Int?, allowsOpen: Bool) -> (points: [PGPoint], isOpen: Bool)? {
        var scanner = LiteralScanner(text)
        PGFloatText.skipWhitespace(&scanner)
        var depth = 0
        var isOpen = false
        if scanner.peek == UInt8(ascii: "[") {
            guard allowsOpen else { return nil }
            isOpen = true
            depth = 1
            scanner.position += 1
        } else if scanner.peek == UInt8(ascii: "(") {
            var next = scanner
            next.position += 1
            PGFloatText.skipWhitespace(&next)
            let onlyParenthesis = !scanner.bytes[(scanner.position + 1)...].contains(UInt8(ascii: "("))
            // `((x,y),…)` has an outer pair of parentheses; so does `(x1,y1,x2,y2)`, whose
            // only parenthesis is the first. In `(x1,y1),(x2,y2)` the first one is a point's.
            if next.peek == UInt8(ascii: "(") || onlyParenthesis {
                depth = 1
                scanner.position += 1
            }
        }
        var points: [PGPoint] = []
        while true {
            guard let point = parsePoint(&scanner) else { return nil }
            points.append(point)
            if let count {
                _ = scanner.consume(UInt8(ascii: ","))
                if points.count == count { break }
            } else if !scanner.consume(UInt8(ascii: ",")) {
                break
            }
        }
        while depth > 0 {
            // PostgreSQL closes `[` with `]` or `)`.
            guard scanner.consume(UInt8(ascii: ")")) || (isOpen && scanner.consume(UInt8(ascii: "]"))) else { return nil }
            depth -= 1
            PGFloatText.skipWhitespace(&scanner)
        }
        guard scanner.isAtEnd else { return nil }
        return (points, isOpen)
    }

    /// `(x1,y1),(x2,y2),…` without outer delimiters.
    static func format(_ points: [PGPoint]) -> String {
        points.map(\.postgresLiteral).joined(separator: ",")
    }
}
