import Foundation

/// Malformed JSON: what was wrong and where.
struct JSONSyntaxError: Error, Equatable, CustomStringConvertible {
    var message: String
    var location: JSONLocation

    var description: String { "\(message) at \(location) (byte \(location.offset))" }
}

/// A single pass over UTF-8 bytes (RFC 8259) that checks everything a decoder will later rely on —
/// structure, number syntax, escapes, surrogate pairs, UTF-8 — and records the values on a tape.
struct JSONParser {
    /// Deeper documents are refused rather than risking the stack; Foundation has the same limit.
    static let maximumDepth = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var depth = 0
    // The tape is a malloc'd buffer rather than an Array: appending is the parser's commonest
    // step, and an Array checks capacity and uniqueness on every append.
    private var nodes: UnsafeMutablePointer<TapeNode>
    private var nodeCount = 0
    private var nodeCapacity: Int

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // A pretty-printed snapshot has about one value per 17 bytes; compact JSON regrows.
        nodeCapacity = bytes.count / 12 + 16
        nodes = malloc(nodeCapacity * MemoryLayout<TapeNode>.stride)!.assumingMemoryBound(to: TapeNode.self)
    }

    /// Parses the whole document; the caller owns (and must `free`) the returned nodes.
    mutating func parseDocument() throws(JSONSyntaxError) -> UnsafeMutableBufferPointer<TapeNode> {
        do throws(JSONSyntaxError) {
            guard bytes.count < Int(UInt32.max) else { throw failure("the document is larger than 4 GB") }
            skipWhitespace()
            try parseValue()
            skipWhitespace()
            guard position == bytes.count else { throw unexpected("the end of the document") }
        } catch {
            free(nodes)
            throw error
        }
        return UnsafeMutableBufferPointer(start: nodes, count: nodeCount)
    }

    // MARK: Values

    private mutating func parseValue() throws(JSONSyntaxError) {
        guard position < bytes.count else { throw failure("unexpected end of the document; expected a value") }
        switch bytes[position] {
        case UInt8(ascii: "{"): try parseObject()
        case UInt8(ascii: "["): try parseArray()
        case UInt8(ascii: "\""): try parseString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try parseNumber()
        case UInt8(ascii: "t"): try parseLiteral("true", .true)
        case UInt8(ascii: "f"): try parseLiteral("false", .false)
        case UInt8(ascii: "n"): try parseLiteral("null", .null)
        default: throw unexpected("a value")
        }
    }

    private mutating func parseObject() throws(JSONSyntaxError) {
        let index = try openContainer(.object)
        skipWhitespace()
        var count: UInt32 = 0
        if peek() == UInt8(ascii: "}") {
            position += 1
        } else {
            while true {
                guard peek() == UInt8(ascii: "\"") else { throw unexpected(count == 0 ? "a key string or '}'" : "a key string") }
                try parseString()
                let key = nodeCount - 1
                nodes[key].end = TapeNode.keyPrefix(UnsafeBufferPointer(rebasing: bytes[Int(nodes[key].start)..<position - 1]))
                skipWhitespace()
                guard peek() == UInt8(ascii: ":") else { throw unexpected("':' after the key") }
                position += 1
                skipWhitespace()
                try parseValue()
                count += 1
                skipWhitespace()
                if peek() == UInt8(ascii: ",") {
                    position += 1
                    skipWhitespace()
                } else if peek() == UInt8(ascii: "}") {
                    position += 1
                    break
                } else {
                    throw unexpected("',' or '}' in the object")
                }
            }
        }
        closeContainer(index, count: count)
    }

    private mutating func parseArray() throws(JSONSyntaxError) {
        let index = try openContainer(.array)
        skipWhitespace()
        var count: UInt32 = 0
        if peek() == UInt8(ascii: "]") {
            position += 1
        } else {
            while true {
                try parseValue()
                count += 1
                skipWhitespace()
                if peek() == UInt8(ascii: ",") {
                    position += 1
                    skipWhitespace()
                } else if peek() == UInt8(ascii: "]") {
                    position += 1
                    break
                } else {
                    throw unexpected("',' or ']' in the array")
                }
            }
        }
        closeContainer(index, count: count)
    }

    private mutating func openContainer(_ kind: TapeNode.Kind) throws(JSONSyntaxError) -> Int {
        depth += 1
        guard depth <= Self.maximumDepth else { throw failure("more than \(Self.maximumDepth) nested arrays and objects") }
        let index = nodeCount
        appendNode(TapeNode(kind: kind, flags: 0, start: UInt32(position), length: 0, end: 0))
        position += 1
        return index
    }

    private mutating func closeContainer(_ index: Int, count: UInt32) {
        depth -= 1
        nodes[index].length = count
        nodes[index].end = UInt32(nodeCount)
    }

    private mutating func parseLiteral(_ word: StaticString, _ kind: TapeNode.Kind) throws(JSONSyntaxError) {
        let length = word.utf8CodeUnitCount
        guard bytes.count - position >= length,
              memcmp(bytes.baseAddress! + position, word.utf8Start, length) == 0 else { throw unexpected("a value") }
        append(kind, flags: 0, start: position, length: length)
        position += length
    }

    private mutating func append(_ kind: TapeNode.Kind, flags: UInt8, start: Int, length: Int) {
        appendNode(TapeNode(kind: kind, flags: flags, start: UInt32(start), length: UInt32(length), end: UInt32(nodeCount + 1)))
    }

    @inline(__always)
    private mutating func appendNode(_ node: TapeNode) {
        if nodeCount == nodeCapacity {
            nodeCapacity *= 2
            nodes = realloc(nodes, nodeCapacity * MemoryLayout<TapeNode>.stride)!.assumingMemoryBound(to: TapeNode.self)
        }
        (nodes + nodeCount).initialize(to: node)
        nodeCount += 1
    }

    // MARK: Numbers

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    private mutating func parseNumber() throws(JSONSyntaxError) {
        let start = position
        var isInteger = true
        if peek() == UInt8(ascii: "-") { position += 1 }
        if peek() == UInt8(ascii: "0") {
            position += 1
            if isDigit(peek()) { throw failure("a number cannot have a leading zero") }
        } else {
            guard isDigit(peek()) else { throw unexpected("a digit") }
            skipDigits()
        }
        if peek() == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard isDigit(peek()) else { throw unexpected("a digit after the decimal point") }
            skipDigits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            isInteger = false
            position += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
            guard isDigit(peek()) else { throw unexpected("a digit in the exponent") }
            skipDigits()
        }
        append(.number, flags: isInteger ? TapeNode.isInteger : 0, start: start, length: position - start)
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return byte &- UInt8(ascii: "0") < 10
    }

    private mutating func skipDigits() {
        while position < bytes.count, bytes[position] &- UInt8(ascii: "0") < 10 { position += 1 }
    }

    // MARK: Strings

    private mutating func parseString() throws(JSONSyntaxError) {
        let open = position
        position += 1
        let start = position
        var flags: UInt8 = 0
        while true {
            // Eight plain bytes at a time, then byte by byte up to the next byte that needs a look.
            while position + 8 <= bytes.count, !Self.hasSpecialByte(load8(at: position)) { position += 8 }
            while position < bytes.count, Self.isPlain(bytes[position]) { position += 1 }
            guard position < bytes.count else {
                position = open
                throw failure("unterminated string")
            }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                flags |= TapeNode.hasEscapes
                try checkEscape()
            } else if byte < 0x20 {
                throw failure("a control character (U+\(hex(byte, digits: 4))) must be escaped in a string")
            } else {
                flags |= TapeNode.hasNonASCII
                try checkUTF8Sequence()
            }
        }
        append(.string, flags: flags, start: start, length: position - start)
        position += 1
    }

    /// Printable ASCII other than `"` and `\`: what a string holds without a second look.
    @inline(__always)
    private static func isPlain(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte < 0x80 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
    }

    /// Whether any of eight bytes is not plain (SWAR: a quote or backslash, below 0x20, or not ASCII).
    @inline(__always)
    private static func hasSpecialByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ 0x2222_2222_2222_2222, backslashes = word ^ 0x5C5C_5C5C_5C5C_5C5C
        let found = ((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes)
            | ((word &- 0x2020_2020_2020_2020) & ~word) | word
        return found & high != 0
    }

    @inline(__always)
    private func load8(at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self))
    }

    /// Checks the escape at `position` (a backslash) and moves past it.
    private mutating func checkEscape() throws(JSONSyntaxError) {
        guard position + 1 < bytes.count else { throw failure("unterminated string") }
        switch bytes[position + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
             UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            position += 2
        case UInt8(ascii: "u"):
            let unit = try hexEscape(at: position)
            if (0xDC00...0xDFFF).contains(unit) { throw failure("\\u\(hex(unit, digits: 4)) is a low surrogate without a high surrogate before it") }
            if (0xD800...0xDBFF).contains(unit) {
                let low = position + 6
                guard low + 1 < bytes.count, bytes[low] == UInt8(ascii: "\\"), bytes[low + 1] == UInt8(ascii: "u"),
                      (0xDC00...0xDFFF).contains(try hexEscape(at: low)) else {
                    throw failure("\\u\(hex(unit, digits: 4)) is a high surrogate without a low surrogate after it")
                }
                position += 12
            } else {
                position += 6
            }
        default:
            position += 1
            throw unexpected("an escape character (one of \" \\ / b f n r t u)")
        }
    }

    /// The code unit of the `\uXXXX` escape whose backslash is at `start`.
    private mutating func hexEscape(at start: Int) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for offset in 2..<6 {
            guard start + offset < bytes.count, let digit = JSONEscapes.hexDigit(bytes[start + offset]) else {
                position = min(start + offset, bytes.count)
                throw failure("\\u must be followed by four hex digits")
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// Checks the multi-byte UTF-8 sequence at `position` (Unicode Table 3-7) and moves past it.
    private mutating func checkUTF8Sequence() throws(JSONSyntaxError) {
        let lead = bytes[position]
        let count: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: count = 1
        case 0xE0: count = 2; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: count = 2
        case 0xED: count = 2; high = 0x9F
        case 0xF0: count = 3; low = 0x90
        case 0xF1...0xF3: count = 3
        case 0xF4: count = 3; high = 0x8F
        default: throw failure("invalid UTF-8 (byte 0x\(hex(lead, digits: 2)))")
        }
        for offset in 1...count {
            guard position + offset < bytes.count else { throw failure("invalid UTF-8 (truncated sequence)") }
            let byte = bytes[position + offset]
            let range = offset == 1 ? low...high : 0x80...0xBF
            guard range.contains(byte) else { throw failure("invalid UTF-8 (byte 0x\(hex(byte, digits: 2)) after 0x\(hex(lead, digits: 2)))") }
        }
        position += count + 1
    }

    // MARK: Helpers

    @inline(__always)
    private func peek() -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "):
                // Pretty-printed JSON indents with runs of spaces: eight at a time.
                position += 1
                while position + 8 <= bytes.count, load8(at: position) == 0x2020_2020_2020_2020 { position += 8 }
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): position += 1
            default: return
            }
        }
    }

    private func failure(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(message: message, location: JSONLocation(bytes: bytes, offset: position))
    }

    /// An error for the byte at `position`, which is not what the grammar allows there.
    private func unexpected(_ expected: String) -> JSONSyntaxError {
        guard let byte = peek() else { return failure("unexpected end of the document; expected \(expected)") }
        let found = (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(hex(byte, digits: 2))"
        return failure("unexpected \(found); expected \(expected)")
    }

    private func hex(_ value: some BinaryInteger, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
