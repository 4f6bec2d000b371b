/// A PostgreSQL `inet` or `cidr`: an IPv4 or IPv6 address with a network prefix length.
///
/// One type serves both: a `cidr` is an `inet` whose bits right of the prefix are zero (the
/// server rejects a `cidr` literal with host bits set). The literal omits the prefix when it is
/// the full length (`192.168.0.1`, `::1`), as `inet` prints; `cidr` always prints `/n`, and
/// both spellings are read.
public struct PGInet: Hashable, Sendable, Codable, PGLiteralConvertible, CustomStringConvertible {
    /// 4 bytes for IPv4, 16 for IPv6, in network order.
    public let address: [UInt8]
    /// The network prefix length: 0...32 for IPv4, 0...128 for IPv6.
    public let prefixLength: Int

    /// Nil unless `address` has 4 or 16 bytes and `prefixLength` fits it; the prefix length
    /// defaults to the full length (a single host).
    public init?(address: [UInt8], prefixLength: Int? = nil) {
        guard address.count == 4 || address.count == 16 else { return nil }
        let maximum = address.count * 8
        let prefix = prefixLength ?? maximum
        guard (0...maximum).contains(prefix) else { return nil }
        self.address = address
        self.prefixLength = prefix
    }

    /// True for an IPv4 address or network.
    public var isIPv4: Bool { address.count == 4 }
    /// True for an IPv6 address or network.
    public var isIPv6: Bool { address.count == 16 }

    /// Whether the bits right of the prefix are all zero, as a `cidr` value requires.
    public var isNetwork: Bool {
        for (index, byte) in address.enumerated() {
            let bitsInPrefix = min(8, max(0, prefixLength - index * 8))
            let hostMask: UInt8 = bitsInPrefix == 8 ? 0 : 0xFF >> bitsInPrefix
            if byte & hostMask != 0 { return false }
        }
        return true
    }

    /// `192.168.0.1`, `10.0.0.0/8`, `2001:db8::1`, `::ffff:1.2.3.4`, `fe80::/64`: the address as
    /// PostgreSQL prints it, then `/prefix` unless the prefix is the full length.
    public var postgresLiteral: String {
        let text = isIPv4 ? address.map(String.init).joined(separator: ".") : Self.formatIPv6(address)
        return prefixLength == address.count * 8 ? text : "\(text)/\(prefixLength)"
    }

    public var description: String { postgresLiteral }

    /// Reads an IPv4 dotted quad or an IPv6 address (with `::` compression and a trailing
    /// dotted quad, as in `::ffff:1.2.3.4`), then an optional `/prefix`. The abbreviated `cidr`
    /// input forms (`10.1` for `10.1.0.0/16`) are not read: the server never prints them.
    public init(postgresLiteral literal: String) throws {
        let parts = literal.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let addressText = parts[0]
        let parsedAddress = addressText.contains(":") ? Self.parseIPv6(addressText) : Self.parseIPv4(addressText, strict: false)
        guard let parsedAddress else { throw PGLiteralError("inet", literal) }
        var prefix = parsedAddress.count * 8
        if parts.count == 2 {
            let digits = parts[1]
            // IPv6 prefixes may not have leading zeros (`/064`); IPv4 ones may.
            guard (1...3).contains(digits.count), digits.utf8.allSatisfy(PGFloatText.isDigit),
                  parsedAddress.count == 4 || digits.count == 1 || digits.first != "0",
                  let value = Int(digits), value <= prefix else { throw PGLiteralError("inet", literal) }
            prefix = value
        }
        guard let value = PGInet(address: parsedAddress, prefixLength: prefix) else { throw PGLiteralError("inet", literal) }
        self = value
    }

    /// Four decimal octets; `strict` (inside IPv6) forbids leading zeros, as PostgreSQL does.
    static func parseIPv4(_ text: Substring, strict: Bool) -> [UInt8]? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for octet in octets {
            guard (1...3).contains(octet.count), octet.utf8.allSatisfy(PGFloatText.isDigit),
                  !(strict && octet.count > 1 && octet.first == "0"),
                  let value = UInt8(octet) else { return nil }
            bytes.append(value)
        }
        return bytes
    }

    /// Eight groups of 1–4 hex digits, one `::` standing for one or more zero groups, and an
    /// optional dotted quad in place of the last two groups.
    static func parseIPv6(_ text: Substring) -> [UInt8]? {
        let halves = text.split(separator: "::", omittingEmptySubsequences: false)
        guard halves.count <= 2 else { return nil }
        func words(_ part: Substring, allowsIPv4: Bool) -> [UInt16]? {
            guard !part.isEmpty else { return [] }
            let groups = part.split(separator: ":", omittingEmptySubsequences: false)
            var result: [UInt16] = []
            for (index, group) in groups.enumerated() {
                if allowsIPv4, index == groups.count - 1, group.contains(".") {
                    guard let bytes = parseIPv4(group, strict: true) else { return nil }
                    result.append(UInt16(bytes[0]) << 8 | UInt16(bytes[1]))
                    result.append(UInt16(bytes[2]) << 8 | UInt16(bytes[3]))
                } else {
                    guard (1...4).contains(group.count), let word = UInt16(group, radix: 16),
                          group.utf8.allSatisfy({ $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "-") }) else { return nil }
                    result.append(word)
                }
            }
            return result
        }
        var allWords: [UInt16]
        if halves.count == 2 {
            guard let head = words(halves[0], allowsIPv4: false), let tail = words(halves[1], allowsIPv4: true),
                  head.count + tail.count <= 7 else { return nil }
            allWords = head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        } else {
            guard let all = words(halves[0], allowsIPv4: true), all.count == 8 else { return nil }
            allWords = all
        }
        return allWords.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    /// PostgreSQL's spelling: lowercase hex without leading zeros, the first longest run of two
    /// or more zero groups as `::`, and a dotted quad for `::a.b.c.d` and `::ffff:a.b.c.d`.
    static func formatIPv6(_ bytes: [UInt8]) -> String {
        let words = (0..<8).map { UInt16(bytes[2 * $0]) << 8 | UInt16(bytes[2 * $0 + 1]) }
        var best: (start: Int, length: Int) = (-1, 0)
        var index = 0
        while index < 8 {
            guard words[index] == 0 else {
                index += 1
                continue
            }
            let start = index
            while index < 8, words[index] == 0 { index += 1 }
            if index - start > best.length { best = (start, index - start) }
        }
        if best.length < 2 { best = (-1, 0) }
        let embedsIPv4 = best.start == 0 && (best.length == 6 || (best.length == 5 && words[5] == 0xFFFF))
        var text = ""
        index = 0
        while index < 8 {
            if index == best.start {
                text += "::"
                index += best.length
                continue
            }
            if !text.isEmpty && !text.hasSuffix(":") { text += ":" }
            if embedsIPv4 && index == 6 {
                text += bytes[12...15].map(String.init).joined(separator: ".")
                break
            }
            text += String(words[index], radix: 16)
            index += 1
        }
        return text
    }
}
