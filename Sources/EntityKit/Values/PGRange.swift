/// A value that can bound a ``PGRange``: its text is what the subtype's output function prints
/// and what its input function reads, before the range quotes it.
public protocol PGRangeBound: Hashable, Sendable, Codable {
    /// Parses one bound, already unquoted; throws ``PGLiteralError`` when it is not valid.
    init(rangeBoundLiteral: String) throws
    /// The bound as text the subtype's input function reads back exactly (the range quotes it).
    var rangeBoundLiteral: String { get }
}

/// A bound type whose built-in range types are discrete (`int4range`, `int8range`, `daterange`):
/// the server stores their ranges in the canonical `[lower,upper)` form.
public protocol PGDiscreteRangeBound: PGRangeBound, Comparable {
    /// The next value, or nil when there is none to step to (`Int32.max`, an infinite date).
    var rangeSuccessor: Self? { get }
}

/// A PostgreSQL range (`int4range`, `int8range`, `numrange`, `daterange`, `tsrange`, `tstzrange`
/// or a user-defined range type): lower and upper bounds, each inclusive or exclusive or absent
/// (unbounded), or the empty range.
///
/// Values are kept as given: the server canonicalises discrete ranges (`[1,5]` is stored as
/// `[1,6)`) and stores ranges that contain no values as `empty`, so a range built by hand may read
/// back in another spelling of the same value; ``canonical`` computes that spelling for the
/// discrete built-in types. Values read from the server are canonical already.
public struct PGRange<Bound: PGRangeBound>: Hashable, Sendable, Codable, PGLiteralConvertible, CustomStringConvertible {
    /// The lower bound; nil when the range is unbounded below (or empty).
    public let lower: Bound?
    /// The upper bound; nil when the range is unbounded above (or empty).
    public let upper: Bound?
    /// Whether `lower` belongs to the range; always false when there is no lower bound.
    public let lowerInclusive: Bool
    /// Whether `upper` belongs to the range; always false when there is no upper bound.
    public let upperInclusive: Bool
    /// Whether this is the empty range, which has no bounds.
    public let isEmpty: Bool

    /// A range from `lower` to `upper`, by default `[lower,upper)` as PostgreSQL's range
    /// constructors make; a nil bound is unbounded (and never inclusive, as the server stores it).
    public init(lower: Bound?, lowerInclusive: Bool = true, upper: Bound?, upperInclusive: Bool = false) {
        self.lower = lower
        self.upper = upper
        self.lowerInclusive = lower != nil && lowerInclusive
        self.upperInclusive = upper != nil && upperInclusive
        isEmpty = false
    }

    private init(emptyRange: Void) {
        lower = nil
        upper = nil
        lowerInclusive = false
        upperInclusive = false
        isEmpty = true
    }

    /// The range that contains no values (`empty`).
    public static var empty: PGRange { PGRange(emptyRange: ()) }

    /// Whether the range has no lower bound (and is not empty).
    public var isLowerUnbounded: Bool { !isEmpty && lower == nil }
    /// Whether the range has no upper bound (and is not empty).
    public var isUpperUnbounded: Bool { !isEmpty && upper == nil }

    /// `[1,5)`, `(,10]`, `empty`, `["2024-01-15 BC",)`: bounds are double-quoted when they are
    /// empty or hold whitespace, `"`, `\`, `,`, `(`, `)`, `[` or `]`, with `"` and `\` doubled, as
    /// PostgreSQL prints them.
    public var postgresLiteral: String {
        if isEmpty { return "empty" }
        var text = lowerInclusive ? "[" : "("
        if let lower { text += RangeLiteralText.quoted(lower.rangeBoundLiteral) }
        text += ","
        if let upper { text += RangeLiteralText.quoted(upper.rangeBoundLiteral) }
        text += upperInclusive ? "]" : ")"
        return text
    }

    public var description: String { postgresLiteral }

    /// Reads what `range_out` prints, and any other spelling `range_in` accepts: `empty` in any
    /// case, whitespace around the brackets, bounds quoted or with backslash escapes.
    public init(postgresLiteral literal: String) throws {
        let bytes = Array(literal.utf8)
        var index = 0
        guard let parsed = try Self.parse(bytes, at: &index, literal: literal) else {
            throw PGLiteralError("range", literal)
        }
        RangeLiteralText.skipSpaces(bytes, &index)
        guard index == bytes.count else { throw PGLiteralError("range", literal) }
        self = parsed
    }

    /// Reads one range starting at `index` (leading whitespace allowed) and leaves `index` after
    /// it; nil when the text there is not a range. Throws when a bound is not a valid `Bound`.
    static func parse(_ bytes: [UInt8], at index: inout Int, literal: String) throws -> PGRange? {
        RangeLiteralText.skipSpaces(bytes, &index)
        if RangeLiteralText.consumeEmptyKeyword(bytes, &index) { return .empty }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "[") || bytes[index] == UInt8(ascii: "(") else { return nil }
        let lowerInclusive = bytes[index] == UInt8(ascii: "[")
        index += 1
        guard let lowerText = RangeLiteralText.bound(bytes, &index),
              index < bytes.count, bytes[index] == UInt8(ascii: ",") else { return nil }
        index += 1
        guard let upperText = RangeLiteralText.bound(bytes, &index),
              index < bytes.count, bytes[index] == UInt8(ascii: "]") || bytes[index] == UInt8(ascii: ")") else { return nil }
        let upperInclusive = bytes[index] == UInt8(ascii: "]")
        index += 1
        func bound(_ text: String?) throws -> Bound? {
            guard let text else { return nil }
            do {
                return try Bound(rangeBoundLiteral: text)
            } catch {
                throw PGLiteralError("range", literal)
            }
        }
        return PGRange(lower: try bound(lowerText), lowerInclusive: lowerInclusive,
                       upper: try bound(upperText), upperInclusive: upperInclusive)
    }
}

extension PGRange where Bound: Comparable {
    /// `[lower,upper)`.
    public init(_ range: Range<Bound>) {
        self.init(lower: range.lowerBound, upper: range.upperBound)
    }

    /// `[lower,upper]`.
    public init(_ range: ClosedRange<Bound>) {
        self.init(lower: range.lowerBound, upper: range.upperBound, upperInclusive: true)
    }

    /// `[lower,)`.
    public init(_ range: PartialRangeFrom<Bound>) {
        self.init(lower: range.lowerBound, upper: nil)
    }

    /// `(,upper)`.
    public init(_ range: PartialRangeUpTo<Bound>) {
        self.init(lower: nil, upper: range.upperBound)
    }

    /// `(,upper]`.
    public init(_ range: PartialRangeThrough<Bound>) {
        self.init(lower: nil, upper: range.upperBound, upperInclusive: true)
    }

    /// Whether `value` lies in the range, comparing as Swift orders `Bound` (for the built-in
    /// types, as the server orders them).
    public func contains(_ value: Bound) -> Bool {
        if isEmpty { return false }
        if let lower, lowerInclusive ? value < lower : value <= lower { return false }
        if let upper, upperInclusive ? value > upper : value >= upper { return false }
        return true
    }
}

extension PGRange where Bound: PGDiscreteRangeBound {
    /// The form the server stores for `int4range`, `int8range` and `daterange`: an inclusive lower
    /// and exclusive upper bound (`[1,5]` becomes `[1,6)`, `(1,5)` becomes `[2,5)`), or `empty`
    /// when no value is left. Bounds without a successor (`infinity` dates) stay as they are;
    /// for `Int32.max` / `Int64.max` the server reports "integer out of range" instead.
    /// Like the server, a range whose lower bound is above its upper bound is not valid: it
    /// becomes `empty` here, while the server rejects it.
    public var canonical: PGRange {
        if isEmpty { return self }
        var lower = lower
        var lowerInclusive = lowerInclusive
        var upper = upper
        var upperInclusive = upperInclusive
        if let bound = lower, !lowerInclusive, let next = bound.rangeSuccessor {
            lower = next
            lowerInclusive = true
        }
        if let bound = upper, upperInclusive, let next = bound.rangeSuccessor {
            upper = next
            upperInclusive = false
        }
        if let lower, let upper {
            if lower > upper || (lower == upper && !(lowerInclusive && upperInclusive)) { return .empty }
        }
        return PGRange(lower: lower, lowerInclusive: lowerInclusive, upper: upper, upperInclusive: upperInclusive)
    }
}

/// The quoting rules of range (and multirange) literals.
enum RangeLiteralText {
    static func isSpace(_ byte: UInt8) -> Bool {
        // C's isspace in the "C" locale: space, \t, \n, \v, \f, \r.
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    static func skipSpaces(_ bytes: [UInt8], _ index: inout Int) {
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
    }

    /// Consumes the `empty` key word, in any case.
    static func consumeEmptyKeyword(_ bytes: [UInt8], _ index: inout Int) -> Bool {
        let keyword = Array("empty".utf8)
        guard index + keyword.count <= bytes.count else { return false }
        for offset in 0..<keyword.count where bytes[index + offset] | 0x20 != keyword[offset] { return false }
        index += keyword.count
        return true
    }

    /// `value` as `range_bound_escape` writes it.
    static func quoted(_ value: String) -> String {
        let needsQuotes = value.isEmpty || value.utf8.contains { byte in
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "("), UInt8(ascii: ")"),
                 UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: ","): true
            default: isSpace(byte)
            }
        }
        guard needsQuotes else { return value }
        var text = "\""
        for character in value.unicodeScalars {
            if character == "\"" || character == "\\" { text.unicodeScalars.append(character) }
            text.unicodeScalars.append(character)
        }
        return text + "\""
    }

    /// Reads one bound as `range_parse_bound` does, up to an unquoted `,`, `)` or `]`: `"`
    /// starts and ends quoted text (`""` inside is one quote), `\` takes the next byte literally.
    /// Returns `.some(nil)` for an absent bound, nil when the input ends first.
    static func bound(_ bytes: [UInt8], _ index: inout Int) -> String?? {
        func isDelimiter(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]")
        }
        guard index < bytes.count else { return nil }
        if isDelimiter(bytes[index]) { return .some(nil) }
        var value: [UInt8] = []
        var inQuotes = false
        while index < bytes.count, inQuotes || !isDelimiter(bytes[index]) {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\\") {
                guard index < bytes.count else { return nil }
                value.append(bytes[index])
                index += 1
            } else if byte == UInt8(ascii: "\"") {
                if !inQuotes {
                    inQuotes = true
                } else if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                    value.append(UInt8(ascii: "\""))
                    index += 1
                } else {
                    inQuotes = false
                }
            } else {
                value.append(byte)
            }
        }
        guard index < bytes.count else { return nil }
        return .some(String(decoding: value, as: UTF8.self))
    }
}
