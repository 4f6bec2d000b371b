/// A PostgreSQL `bit(n)` or `bit varying(n)` value: a string of bits, printed `0101`.
///
/// Bits are packed most significant first, eight to a byte, as PostgreSQL stores them; the
/// unused low bits of the last byte are always zero.
public struct PGBitString: Hashable, Sendable, Codable, PGLiteralConvertible, CustomStringConvertible {
    /// The number of bits.
    public let bitCount: Int
    /// `(bitCount + 7) / 8` bytes, first bit in the high bit of the first byte.
    public let bytes: [UInt8]

    /// Nil unless `bytes` has exactly `(bitCount + 7) / 8` bytes; padding bits are cleared.
    public init?(bitCount: Int, bytes: [UInt8]) {
        guard bitCount >= 0, bytes.count == (bitCount + 7) / 8 else { return nil }
        var bytes = bytes
        if bitCount % 8 != 0 {
            bytes[bytes.count - 1] &= UInt8(0xFF) << (8 - bitCount % 8)
        }
        self.bitCount = bitCount
        self.bytes = bytes
    }

    /// The bit string of `bits`, first bit first.
    public init(bits: [Bool]) {
        var bytes = [UInt8](repeating: 0, count: (bits.count + 7) / 8)
        for (index, bit) in bits.enumerated() where bit {
            bytes[index / 8] |= 0x80 >> (index % 8)
        }
        bitCount = bits.count
        self.bytes = bytes
    }

    /// The bits, first bit first.
    public var bits: [Bool] {
        (0..<bitCount).map { bytes[$0 / 8] & (0x80 >> ($0 % 8)) != 0 }
    }

    /// `0101`; the empty bit string is the empty string.
    public var postgresLiteral: String {
        String(decoding: bits.map { $0 ? UInt8(ascii: "1") : UInt8(ascii: "0") }, as: UTF8.self)
    }

    public var description: String { postgresLiteral }

    /// Reads binary digits (`0101`, or `B0101`), or hex digits after `X` (`X1F`: four bits each),
    /// as `bit_in` / `varbit_in` do.
    public init(postgresLiteral literal: String) throws {
        var digits = Array(literal.utf8)
        var isHex = false
        if let first = digits.first, first == UInt8(ascii: "b") || first == UInt8(ascii: "B") {
            digits.removeFirst()
        } else if let first = digits.first, first == UInt8(ascii: "x") || first == UInt8(ascii: "X") {
            digits.removeFirst()
            isHex = true
        }
        var bits: [Bool] = []
        for digit in digits {
            if isHex {
                guard let value = UInt8(String(UnicodeScalar(digit)), radix: 16) else { throw PGLiteralError("bit varying", literal) }
                bits += [value & 8 != 0, value & 4 != 0, value & 2 != 0, value & 1 != 0]
            } else {
                switch digit {
                case UInt8(ascii: "0"): bits.append(false)
                case UInt8(ascii: "1"): bits.append(true)
                default: throw PGLiteralError("bit varying", literal)
                }
            }
        }
        self.init(bits: bits)
    }
}
