import Foundation

/// One parsed JSON value, 16 bytes, stored in document order (a "tape").
///
/// A container is followed by its contents: an object by key, value, key, value…; an array by its
/// elements. `end` is the index just past the subtree, so a reader skips a value in O(1). Strings
/// and numbers are byte ranges of the input, decoded only when asked for: most of a snapshot's
/// bytes are whitespace and keys, which never become Swift values.
struct TapeNode {
    enum Kind: UInt8 {
        case null, `false`, `true`, number, string, array, object
    }

    static let hasEscapes: UInt8 = 1
    static let hasNonASCII: UInt8 = 2
    static let isInteger: UInt8 = 4

    var kind: Kind
    /// `hasEscapes` and `hasNonASCII` for strings, `isInteger` for numbers.
    var flags: UInt8
    /// Strings: the first byte after the quote. Numbers and literals: their first byte.
    /// Containers: the bracket.
    var start: UInt32
    /// Strings and numbers: their length in bytes. Containers: their element (or member) count.
    var length: UInt32
    /// The index of the node after this value and everything inside it. A key never needs that
    /// (its value follows it), so a key's `end` holds its first four bytes instead, which
    /// rejects almost every non-matching key in one comparison.
    var end: UInt32

    /// The first four bytes of a key, little-endian, zero-padded, as stored in a key's `end`.
    @inline(__always)
    static func keyPrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var prefix: UInt32 = 0
        for index in 0..<min(4, bytes.count) { prefix |= UInt32(bytes[index]) << (8 * UInt32(index)) }
        return prefix
    }
}

/// A parsed document: the input bytes and its tape. It borrows the bytes, so it must not outlive
/// the `withUnsafeBytes` call that parsed it (`JSONTape.parse` enforces that with a closure).
final class JSONTape {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Owned: malloc'd by the parser, freed here.
    let nodes: UnsafeMutableBufferPointer<TapeNode>

    init(bytes: UnsafeBufferPointer<UInt8>, nodes: UnsafeMutableBufferPointer<TapeNode>) {
        self.bytes = bytes
        self.nodes = nodes
    }

    deinit {
        free(nodes.baseAddress)
    }

    /// Parses `data` and hands the tape to `body`; the tape is only valid inside it.
    static func parse<Input: ContiguousBytes, Result>(_ data: Input, _ body: (JSONTape) throws -> Result) throws -> Result {
        try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var parser = JSONParser(bytes: bytes)
            let tape = JSONTape(bytes: bytes, nodes: try parser.parseDocument())
            return try body(tape)
        }
    }

    /// The node after `index` and its contents.
    @inline(__always)
    func next(after index: Int) -> Int { Int(nodes[index].end) }

    /// The bytes of a string or number node (between the quotes for a string).
    @inline(__always)
    func rawBytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let node = nodes[index]
        return UnsafeBufferPointer(start: bytes.baseAddress! + Int(node.start), count: Int(node.length))
    }

    /// The string node's value, with escapes decoded. The parser has checked the escapes and the
    /// UTF-8, so this cannot fail.
    func string(_ index: Int) -> String {
        let raw = rawBytes(index)
        guard nodes[index].flags & TapeNode.hasEscapes != 0 else { return String(decoding: raw, as: UTF8.self) }
        return JSONEscapes.unescape(raw)
    }

    /// Where a node starts, for messages.
    func location(of index: Int) -> JSONLocation {
        var offset = Int(nodes[index].start)
        if nodes[index].kind == .string { offset -= 1 }  // point at the opening quote
        return JSONLocation(bytes: bytes, offset: offset)
    }
}

/// A position in the input: line and column (both from 1, the column in characters) and byte offset.
struct JSONLocation: Error, Equatable, CustomStringConvertible {
    var line: Int
    var column: Int
    var offset: Int

    init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// Counts lines up to `offset`; only called to report a problem.
    init(bytes: UnsafeBufferPointer<UInt8>, offset: Int) {
        var line = 1
        var lineStart = 0
        let end = min(offset, bytes.count)
        for position in 0..<end where bytes[position] == UInt8(ascii: "\n") {
            line += 1
            lineStart = position + 1
        }
        // Columns count characters, not bytes: UTF-8 continuation bytes do not start one.
        var column = 1
        for position in lineStart..<end where bytes[position] & 0xC0 != 0x80 { column += 1 }
        self.init(line: line, column: column, offset: offset)
    }

    var description: String { "line \(line), column \(column)" }
}

/// Decoding `\` escapes; the parser has validated them.
enum JSONEscapes {
    static func unescape(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        // Decoded text is never longer than its escaped form: `\uXXXX` is 6 bytes for at most 3.
        String(unsafeUninitializedCapacity: raw.count) { output in
            var written = 0
            var position = 0
            func put(_ byte: UInt8) {
                output[written] = byte
                written += 1
            }
            while position < raw.count {
                let byte = raw[position]
                guard byte == UInt8(ascii: "\\") else {
                    put(byte)
                    position += 1
                    continue
                }
                let code = raw[position + 1]
                position += 2
                switch code {
                case UInt8(ascii: "b"): put(0x08)
                case UInt8(ascii: "f"): put(0x0C)
                case UInt8(ascii: "n"): put(0x0A)
                case UInt8(ascii: "r"): put(0x0D)
                case UInt8(ascii: "t"): put(0x09)
                case UInt8(ascii: "u"):
                    var scalar = hexValue(raw, at: position)
                    position += 4
                    if (0xD800...0xDBFF).contains(scalar) {
                        let low = hexValue(raw, at: position + 2)
                        position += 6
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    for unit in UTF8.encode(Unicode.Scalar(scalar)!)! { put(unit) }
                default: put(code)  // \" \\ \/
                }
            }
            return written
        }
    }

    /// The value of the four hex digits at `position` (validated by the parser).
    static func hexValue(_ raw: UnsafeBufferPointer<UInt8>, at position: Int) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 { value = value << 4 | UInt32(hexDigit(raw[position + offset]) ?? 0) }
        return value
    }

    @inline(__always)
    static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
