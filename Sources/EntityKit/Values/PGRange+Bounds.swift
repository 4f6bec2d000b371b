// The built-in range subtypes as `PGRange` bounds: their text is what the subtype prints and reads.

extension Int32: PGRangeBound, PGDiscreteRangeBound {
    public init(rangeBoundLiteral literal: String) throws {
        guard let value = Int32(literal.trimmingSpaces) else { throw PGLiteralError("integer", literal) }
        self = value
    }

    public var rangeBoundLiteral: String { String(self) }

    public var rangeSuccessor: Int32? { self == .max ? nil : self + 1 }
}

extension Int64: PGRangeBound, PGDiscreteRangeBound {
    public init(rangeBoundLiteral literal: String) throws {
        guard let value = Int64(literal.trimmingSpaces) else { throw PGLiteralError("bigint", literal) }
        self = value
    }

    public var rangeBoundLiteral: String { String(self) }

    public var rangeSuccessor: Int64? { self == .max ? nil : self + 1 }
}

extension Double: PGRangeBound {
    /// Reads `float8` text: decimal or exponent notation, `NaN`, `Infinity`, `-Infinity`.
    public init(rangeBoundLiteral literal: String) throws {
        let text = literal.trimmingSpaces
        switch text.lowercased() {
        case "nan": self = .nan
        case "infinity", "+infinity", "inf", "+inf": self = .infinity
        case "-infinity", "-inf": self = -.infinity
        default:
            // Swift also reads hexadecimal and `nan(…)` spellings; keep to decimal notation.
            guard text.utf8.allSatisfy({ byte in
                      (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".")
                          || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
                          || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                  }),
                  let value = Double(text), value.isFinite else { throw PGLiteralError("double precision", literal) }
            self = value
        }
    }

    /// The shortest text that reads back as exactly this value (`1.5`, `1e-07`, `-0.0`), or
    /// `NaN`, `Infinity`, `-Infinity`.
    public var rangeBoundLiteral: String {
        if isNaN { return "NaN" }
        if self == .infinity { return "Infinity" }
        if self == -.infinity { return "-Infinity" }
        return description
    }
}

extension PGNumeric: PGRangeBound {
    public init(rangeBoundLiteral literal: String) throws { try self.init(postgresLiteral: literal) }
    public var rangeBoundLiteral: String { postgresLiteral }
}

extension PGDate: PGRangeBound, PGDiscreteRangeBound {
    public init(rangeBoundLiteral literal: String) throws { try self.init(postgresLiteral: literal) }
    public var rangeBoundLiteral: String { postgresLiteral }

    /// The next day; nil for ±infinity (`daterange` leaves those bounds as they are).
    public var rangeSuccessor: PGDate? {
        isInfinite || Int(daysSince2000) >= PGDate.maximumDays ? nil : PGDate(daysSince2000: daysSince2000 + 1)
    }
}

extension PGTimestamp: PGRangeBound {
    public init(rangeBoundLiteral literal: String) throws { try self.init(postgresLiteral: literal) }
    public var rangeBoundLiteral: String { postgresLiteral }
}

extension PGLocalTimestamp: PGRangeBound {
    public init(rangeBoundLiteral literal: String) throws { try self.init(postgresLiteral: literal) }
    public var rangeBoundLiteral: String { postgresLiteral }
}
