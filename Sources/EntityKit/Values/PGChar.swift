/// A PostgreSQL `"char"`: the single-byte internal type (not `char(n)`), used by catalog
/// columns such as `pg_class.relkind`.
///
/// The server prints byte 0 as the empty string, bytes 1–127 as themselves and bytes 128–255
/// as a backslash and three octal digits (`\377`), and reads all of these back, so every one of
/// the 256 values round-trips through ``postgresLiteral``.
public struct PGChar: Hashable, Comparable, Sendable, Codable, PGLiteralConvertible, CustomStringConvertible {
    /// The byte: 0 is the empty string, 1–127 ASCII, 128–255 printed as octal escapes.
    public let byte: UInt8

    /// The value holding `byte`; every byte is a valid `"char"`.
    public init(byte: UInt8) {
        self.byte = byte
    }

    /// The ASCII character `character` (nil for non-ASCII characters).
    public init?(_ character: Character) {
        guard let ascii = character.asciiValue else { return nil }
        byte = ascii
    }

    public static func < (lhs: PGChar, rhs: PGChar) -> Bool {
        lhs.byte < rhs.byte
    }

    /// `""` for 0, the character itself for 1–127, `\ooo` for 128–255, as `charout` prints.
    public var postgresLiteral: String {
        switch byte {
        case 0: return ""
        case 1...127: return String(UnicodeScalar(byte))
        default: return "\\" + String(byte >> 6) + String(byte >> 3 & 7) + String(byte & 7)
        }
    }

    public var description: String { postgresLiteral }

    /// Reads what `charout` prints: the empty string, one ASCII character, or `\ooo` up to
    /// `\377`.
    ///
    /// `charin` itself is laxer: it keeps only the first byte of longer text (`ab` is `a`, and
    /// a multi-byte character its first byte) and wraps `\400`–`\777` modulo 256. EntityKit
    /// rejects those rather than lose data silently; the server never prints them.
    public init(postgresLiteral literal: String) throws {
        let bytes = Array(literal.utf8)
        switch bytes.count {
        case 0:
            byte = 0
        case 1 where bytes[0] < 128:
            byte = bytes[0]
        case 4 where bytes[0] == UInt8(ascii: "\\"):
            let digits = bytes[1...].map { Int($0) - Int(UInt8(ascii: "0")) }
            guard digits.allSatisfy({ (0...7).contains($0) }) else { throw PGLiteralError("\"char\"", literal) }
            let value = digits[0] << 6 | digits[1] << 3 | digits[2]
            guard value <= 255 else { throw PGLiteralError("\"char\"", literal) }
            byte = UInt8(value)
        default:
            throw PGLiteralError("\"char\"", literal)
        }
    }
}
