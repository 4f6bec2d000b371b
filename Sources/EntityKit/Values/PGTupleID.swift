/// A PostgreSQL `tid`: a row version's physical location, block number and item offset within
/// the block, printed `(0,1)` (as in the `ctid` system column).
public struct PGTupleID: Hashable, Comparable, Sendable, Codable, PGLiteralConvertible, CustomStringConvertible {
    /// The block (page) number in the table's file.
    public let block: UInt32
    /// The item's offset within the block, from 1.
    public let offset: UInt16

    /// The location (`block`,`offset`).
    public init(block: UInt32, offset: UInt16) {
        self.block = block
        self.offset = offset
    }

    public static func < (lhs: PGTupleID, rhs: PGTupleID) -> Bool {
        (lhs.block, lhs.offset) < (rhs.block, rhs.offset)
    }

    /// `(0,1)`.
    public var postgresLiteral: String {
        "(\(block),\(offset))"
    }

    public var description: String { postgresLiteral }

    /// Reads `(block,offset)`; white space and a sign may precede each number, as `tidin`
    /// allows. As there, a negative block number down to -2147483648 stands for its 32-bit
    /// two's complement (`-1` is 4294967295).
    public init(postgresLiteral literal: String) throws {
        var scanner = LiteralScanner(literal)
        func number() -> Int64? {
            PGFloatText.skipWhitespace(&scanner)
            var negative = false
            if scanner.consume(UInt8(ascii: "-")) { negative = true } else { _ = scanner.consume(UInt8(ascii: "+")) }
            var value: Int64 = 0
            var digits = 0
            while let byte = scanner.peek, PGFloatText.isDigit(byte) {
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
                guard value <= 1 << 40 else { return nil }  // far out of range; stop before overflow
                digits += 1
                scanner.position += 1
            }
            guard digits > 0 else { return nil }
            return negative ? -value : value
        }
        guard scanner.consume(UInt8(ascii: "(")), let block = number(), scanner.consume(UInt8(ascii: ",")),
              let offset = number(), scanner.consume(UInt8(ascii: ")")), scanner.isAtEnd,
              (Int64(Int32.min)...Int64(UInt32.max)).contains(block), (0...Int64(UInt16.max)).contains(offset)
        else { throw PGLiteralError("tid", literal) }
        self.block = UInt32(truncatingIfNeeded: block)
        self.offset = UInt16(offset)
    }
}
