/// A PostgreSQL `macaddr` (6 bytes) or `macaddr8` (8 bytes, EUI-64), printed
/// `08:00:2b:01:02:03`.
///
/// A 6-byte value sent to a `macaddr8` column is stored as the EUI-64 the server derives from
/// it (`ff:fe` inserted in the middle: `08:00:2b:ff:fe:01:02:03`), so it reads back as 8 bytes.
public struct PGMacAddress: Hashable, Sendable, Codable, PGLiteralConvertible, CustomStringConvertible {
    /// 6 bytes (`macaddr`) or 8 bytes (`macaddr8`).
    public let bytes: [UInt8]

    /// Nil unless `bytes` has 6 or 8 bytes.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 6 || bytes.count == 8 else { return nil }
        self.bytes = bytes
    }

    /// Lowercase hex pairs joined by colons: `08:00:2b:01:02:03`.
    public var postgresLiteral: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for (index, byte) in bytes.enumerated() {
            if index > 0 { text.append(UInt8(ascii: ":")) }
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    public var description: String { postgresLiteral }

    /// Reads 12 or 16 hex digits (either case) in pairs, optionally separated by one kind of
    /// separator (`:`, `-` or `.`) between pairs, with optional surrounding white space:
    /// `08:00:2b:01:02:03`, `08-00-2b-01-02-03`, `08002b:010203`, `0800.2b01.0203`, `08002b010203`.
    public init(postgresLiteral literal: String) throws {
        var scanner = LiteralScanner(literal)
        PGFloatText.skipWhitespace(&scanner)
        var bytes: [UInt8] = []
        var separator: UInt8?
        while let high = scanner.peek.flatMap(Self.hexValue) {
            scanner.position += 1
            guard let low = scanner.peek.flatMap(Self.hexValue) else { throw PGLiteralError("macaddr", literal) }
            scanner.position += 1
            bytes.append(high << 4 | low)
            guard let next = scanner.peek, next == UInt8(ascii: ":") || next == UInt8(ascii: "-") || next == UInt8(ascii: ".") else { continue }
            guard separator == nil || separator == next else { throw PGLiteralError("macaddr", literal) }
            separator = next
            scanner.position += 1
            guard scanner.peek.flatMap(Self.hexValue) != nil else { throw PGLiteralError("macaddr", literal) }
        }
        PGFloatText.skipWhitespace(&scanner)
        guard scanner.isAtEnd, let value = PGMacAddress(bytes: bytes) else { throw PGLiteralError("macaddr", literal) }
        self = value
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
