/// A PostgreSQL multirange (`int4multirange`, `datemultirange`, `tstzmultirange`, …): a list of
/// ranges of the same subtype.
///
/// Ranges are kept as given. The server stores a multirange sorted, with empty ranges dropped
/// and overlapping or adjacent ranges merged (`{[5,7),[1,3),[2,4)}` is stored as
/// `{[1,4),[5,7)}`), so one built by hand may read back in that canonical spelling; values read
/// from the server are canonical already.
public struct PGMultirange<Bound: PGRangeBound>: Hashable, Sendable, Codable, PGLiteralConvertible, CustomStringConvertible,
    ExpressibleByArrayLiteral {
    /// The ranges, as given or as the server returned them (sorted, merged, no empty ones).
    public let ranges: [PGRange<Bound>]

    /// A multirange of `ranges`, kept as given; the server stores them sorted and merged.
    public init(_ ranges: [PGRange<Bound>]) {
        self.ranges = ranges
    }

    public init(arrayLiteral ranges: PGRange<Bound>...) {
        self.ranges = ranges
    }

    /// Whether the multirange holds no values: no ranges, or only empty ones.
    public var isEmpty: Bool { ranges.allSatisfy(\.isEmpty) }

    /// `{[1,3),[5,7)}`, `{}`: each range as ``PGRange/postgresLiteral`` writes it.
    public var postgresLiteral: String {
        "{" + ranges.map(\.postgresLiteral).joined(separator: ",") + "}"
    }

    public var description: String { postgresLiteral }

    /// Reads what `multirange_out` prints, and the other spellings `multirange_in` accepts:
    /// whitespace around the braces, ranges and commas, and `empty` ranges.
    public init(postgresLiteral literal: String) throws {
        let bytes = Array(literal.utf8)
        var index = 0
        RangeLiteralText.skipSpaces(bytes, &index)
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { throw PGLiteralError("multirange", literal) }
        index += 1
        var ranges: [PGRange<Bound>] = []
        RangeLiteralText.skipSpaces(bytes, &index)
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                guard let range = try PGRange<Bound>.parse(bytes, at: &index, literal: literal) else {
                    throw PGLiteralError("multirange", literal)
                }
                ranges.append(range)
                RangeLiteralText.skipSpaces(bytes, &index)
                guard index < bytes.count else { throw PGLiteralError("multirange", literal) }
                let separator = bytes[index]
                index += 1
                if separator == UInt8(ascii: "}") { break }
                guard separator == UInt8(ascii: ",") else { throw PGLiteralError("multirange", literal) }
            }
        }
        RangeLiteralText.skipSpaces(bytes, &index)
        guard index == bytes.count else { throw PGLiteralError("multirange", literal) }
        self.ranges = ranges
    }
}

extension PGMultirange where Bound: Comparable {
    /// Whether `value` lies in one of the ranges.
    public func contains(_ value: Bound) -> Bool {
        ranges.contains { $0.contains(value) }
    }
}
