/// A PostgreSQL `pg_lsn`: a position in the write-ahead log, printed as two hex halves
/// `16/B374D848`.
public struct PGLSN: Hashable, Comparable, Sendable, Codable, PGLiteralConvertible, CustomStringConvertible {
    /// The byte position in the write-ahead log.
    public let value: UInt64

    /// The position `value`.
    public init(value: UInt64) {
        self.value = value
    }

    public static func < (lhs: PGLSN, rhs: PGLSN) -> Bool {
        lhs.value < rhs.value
    }

    /// `16/B374D848`: the high and low 32 bits in uppercase hex without leading zeros.
    public var postgresLiteral: String {
        String(value >> 32, radix: 16, uppercase: true) + "/" + String(value & 0xFFFF_FFFF, radix: 16, uppercase: true)
    }

    public var description: String { postgresLiteral }

    /// Reads 1–8 hex digits (either case), `/`, 1–8 hex digits, with no white space, as
    /// `pg_lsn_in` does.
    public init(postgresLiteral literal: String) throws {
        let halves = literal.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        func half(_ text: Substring) -> UInt64? {
            guard (1...8).contains(text.utf8.count), text.utf8.allSatisfy({ $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "-") }) else { return nil }
            return UInt64(text, radix: 16)
        }
        guard halves.count == 2, let high = half(halves[0]), let low = half(halves[1]) else {
            throw PGLiteralError("pg_lsn", literal)
        }
        value = high << 32 | low
    }
}
