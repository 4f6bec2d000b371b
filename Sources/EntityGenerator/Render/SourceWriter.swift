/// Builds Swift source text line by line with four-space indentation.
///
/// The text is UTF-8 bytes in a buffer of the writer's own, turned into a `String` once at the
/// end. A line is written by measuring its parts, making room once and copying each part's bytes:
/// a 10,000-table run writes millions of lines, and appending to a `String` or an `Array` checks
/// capacity, uniqueness (and, for a `String`, encoding) once per part.
struct SourceWriter {
    private var storage: Storage
    private var depth = 0

    /// A writer whose buffer starts with room for `capacity` bytes.
    init(capacity: Int = 0) {
        storage = Storage(capacity: max(capacity, 256))
    }

    /// The source written so far, as bytes.
    var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// The source written so far.
    var text: String { withUnsafeBytes { String(decoding: $0, as: UTF8.self) } }

    /// Calls `body` with the bytes written so far, without copying them.
    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: storage.base, count: storage.count))
    }

    /// Empties the writer for the next file, keeping its buffer.
    mutating func reset() {
        makeUnique()
        storage.count = 0
        depth = 0
    }

    /// Appends one line at the current indentation (an empty line has no trailing spaces).
    mutating func line(_ content: String = "") {
        if content.isEmpty {
            write(byteCount: 1) { end in end.pointee = 0x0A; return 1 }
            return
        }
        let indentation = depth * 4
        write(byteCount: indentation + content.utf8.count + 1) { end in
            var cursor = Self.indent(end, indentation)
            cursor = Self.copy(content, to: cursor)
            cursor.pointee = 0x0A
            return cursor + 1 - end
        }
    }

    // The same line, given in parts: the hot paths of a large schema spell a line from a few
    // prepared names, and appending the parts directly saves building each line as a `String`.

    /// Appends one line made of the parts, at the current indentation.
    mutating func line(_ first: String, _ second: String) {
        let indentation = depth * 4
        write(byteCount: indentation + first.utf8.count + second.utf8.count + 1) { end in
            var cursor = Self.indent(end, indentation)
            cursor = Self.copy(first, to: cursor)
            cursor = Self.copy(second, to: cursor)
            cursor.pointee = 0x0A
            return cursor + 1 - end
        }
    }

    /// Appends one line made of the parts, at the current indentation.
    mutating func line(_ first: String, _ second: String, _ third: String) {
        let indentation = depth * 4
        write(byteCount: indentation + first.utf8.count + second.utf8.count + third.utf8.count + 1) { end in
            var cursor = Self.indent(end, indentation)
            cursor = Self.copy(first, to: cursor)
            cursor = Self.copy(second, to: cursor)
            cursor = Self.copy(third, to: cursor)
            cursor.pointee = 0x0A
            return cursor + 1 - end
        }
    }

    /// Appends one line made of the parts, at the current indentation.
    mutating func line(_ first: String, _ second: String, _ third: String, _ fourth: String) {
        let indentation = depth * 4
        write(byteCount: indentation + first.utf8.count + second.utf8.count + third.utf8.count + fourth.utf8.count + 1) { end in
            var cursor = Self.indent(end, indentation)
            cursor = Self.copy(first, to: cursor)
            cursor = Self.copy(second, to: cursor)
            cursor = Self.copy(third, to: cursor)
            cursor = Self.copy(fourth, to: cursor)
            cursor.pointee = 0x0A
            return cursor + 1 - end
        }
    }

    /// Appends one line made of the parts, at the current indentation.
    mutating func line(_ first: String, _ second: String, _ third: String, _ fourth: String, _ fifth: String) {
        let indentation = depth * 4
        let length = first.utf8.count + second.utf8.count + third.utf8.count + fourth.utf8.count + fifth.utf8.count
        write(byteCount: indentation + length + 1) { end in
            var cursor = Self.indent(end, indentation)
            cursor = Self.copy(first, to: cursor)
            cursor = Self.copy(second, to: cursor)
            cursor = Self.copy(third, to: cursor)
            cursor = Self.copy(fourth, to: cursor)
            cursor = Self.copy(fifth, to: cursor)
            cursor.pointee = 0x0A
            return cursor + 1 - end
        }
    }

    /// Appends one line made of the parts, at the current indentation.
    mutating func line(_ first: String, _ second: String, _ third: String, _ fourth: String, _ fifth: String, _ sixth: String,
                       _ rest: String...) {
        let indentation = depth * 4
        var length = first.utf8.count + second.utf8.count + third.utf8.count + fourth.utf8.count + fifth.utf8.count + sixth.utf8.count
        for part in rest { length += part.utf8.count }
        write(byteCount: indentation + length + 1) { end in
            var cursor = Self.indent(end, indentation)
            cursor = Self.copy(first, to: cursor)
            cursor = Self.copy(second, to: cursor)
            cursor = Self.copy(third, to: cursor)
            cursor = Self.copy(fourth, to: cursor)
            cursor = Self.copy(fifth, to: cursor)
            cursor = Self.copy(sixth, to: cursor)
            for part in rest { cursor = Self.copy(part, to: cursor) }
            cursor.pointee = 0x0A
            return cursor + 1 - end
        }
    }

    // A line of any number of parts, some of them literals: `startLine()`, `add` and
    // `addLiteral` as needed, then `endLine()`. No part list or `String` is built for it.

    /// Starts a line at the current indentation.
    mutating func startLine() {
        let indentation = depth * 4
        write(byteCount: indentation) { end in Self.indent(end, indentation) - end }
    }

    /// Adds `part` to the line started with ``startLine()``.
    mutating func add(_ part: String) {
        append(text: part)
    }

    /// Adds `text` as a Swift string literal (see ``SwiftText/literal(_:)``).
    mutating func addLiteral(_ text: String) {
        guard SwiftText.isPrintableASCII(text, literalSafe: true) else {
            append(text: SwiftText.literal(text))
            return
        }
        write(byteCount: text.utf8.count + 2) { end in
            end.pointee = 0x22
            let cursor = Self.copy(text, to: end + 1)
            cursor.pointee = 0x22
            return cursor + 1 - end
        }
    }

    /// Ends the line started with ``startLine()``.
    mutating func endLine() {
        write(byteCount: 1) { end in end.pointee = 0x0A; return 1 }
    }

    /// Appends text written elsewhere, as it is.
    mutating func append(bytes other: [UInt8]) {
        write(byteCount: other.count) { end in
            other.withUnsafeBufferPointer { buffer in
                if let base = buffer.baseAddress { end.update(from: base, count: buffer.count) }
            }
            return other.count
        }
    }

    /// Appends text written elsewhere, as it is.
    mutating func append(text: String) {
        write(byteCount: text.utf8.count) { end in Self.copy(text, to: end) - end }
    }

    /// Makes room for `byteCount` bytes, lets `body` write at most that many at the end and
    /// return how many it wrote.
    @inline(__always)
    private mutating func write(byteCount: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        makeUnique()
        if storage.count + byteCount > storage.capacity { storage.grow(toAtLeast: storage.count + byteCount) }
        storage.count += body(storage.base + storage.count)
    }

    /// Writers are values: a copy that is written to gets its own buffer.
    @inline(__always)
    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    @inline(__always)
    private static func indent(_ cursor: UnsafeMutablePointer<UInt8>, _ count: Int) -> UnsafeMutablePointer<UInt8> {
        if count > 0 { cursor.initialize(repeating: 0x20, count: count) }
        return cursor + count
    }

    /// Copies the UTF-8 of `text` to `cursor`; returns the position after it.
    @inline(__always)
    private static func copy(_ text: String, to cursor: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        var text = text
        return text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return cursor }
            cursor.update(from: base, count: buffer.count)
            return cursor + buffer.count
        }
    }

    /// The bytes, in memory of the writer's own.
    private final class Storage {
        var base: UnsafeMutablePointer<UInt8>
        var count = 0
        private(set) var capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            base = .allocate(capacity: capacity)
        }

        deinit {
            base.deallocate()
        }

        func grow(toAtLeast minimum: Int) {
            var newCapacity = capacity * 2
            while newCapacity < minimum { newCapacity *= 2 }
            let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            newBase.update(from: base, count: count)
            base.deallocate()
            base = newBase
            capacity = newCapacity
        }

        func copy() -> Storage {
            let copy = Storage(capacity: capacity)
            copy.base.update(from: base, count: count)
            copy.count = count
            return copy
        }
    }

    /// `opening`, the body one level deeper, then `closing`.
    mutating func block(_ opening: String, closing: String = "}", _ body: (inout SourceWriter) -> Void) {
        line(opening)
        depth += 1
        body(&self)
        depth -= 1
        line(closing)
    }

    /// `///` lines; every line break in `lines` starts a new comment line.
    mutating func documentation(_ lines: [String]) {
        for line in lines {
            // Most lines are printable ASCII, or at least free of line breaks and invisible
            // characters, without trailing spaces: written as they are.
            if SwiftText.needsNoCommentEscaping(line) {
                if line.isEmpty { self.line("///") } else { self.line("/// ", line) }
                continue
            }
            for part in SwiftText.commentLines(line) {
                self.line(part.isEmpty ? "///" : "/// " + part)
            }
        }
    }
}

/// Escaping of database text into Swift source, so no name, comment, default or label can end
/// its literal or comment early, or hide code with invisible or bidirectional characters.
enum SwiftText {
    /// `text` as a Swift string literal.
    static func literal(_ text: String) -> String {
        if isPrintableASCII(text, literalSafe: true) { return "\"" + text + "\"" }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\0": result += "\\0"
            default:
                if isUnsafe(scalar) {
                    result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// True when every byte of `text` is printable ASCII, and, with `literalSafe`, neither a
    /// quote nor a backslash: such text needs no escaping. Read through the UTF-8 buffer, as the
    /// names and comments of every column pass here.
    static func isPrintableASCII(_ text: String, literalSafe: Bool = false) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            for byte in buffer where byte < 0x20 || byte >= 0x7F || (literalSafe && (byte == 0x22 || byte == 0x5C)) {
                return false
            }
            return true
        }
    }

    /// True when `text` is one comment line as it is: no line break, no control or invisible
    /// character, no trailing space.
    static func needsNoCommentEscaping(_ text: String) -> Bool {
        if text.utf8.last == 0x20 { return false }
        if isPrintableASCII(text) { return true }
        for scalar in text.unicodeScalars where isLineBreak(scalar) || isUnsafe(scalar) || scalar.value < 0x20 {
            return false
        }
        return true
    }

    /// The comment text of one documentation line: split at every kind of line break, with
    /// control and invisible characters shown as `\u{…}`.
    static func commentLines(_ text: String) -> [String] {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            var trimmed = Substring(text)
            while trimmed.last == " " { trimmed.removeLast() }
            return [String(trimmed)]
        }
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            if isLineBreak(scalar) {
                if !(scalar == "\n" && previousWasCarriageReturn) {
                    lines.append(String(current))
                    current = String.UnicodeScalarView()
                }
                previousWasCarriageReturn = scalar == "\r"
                continue
            }
            previousWasCarriageReturn = false
            if isUnsafe(scalar) {
                current.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                current.append(scalar)
            }
        }
        lines.append(String(current))
        return lines.map { line in
            var trimmed = line
            while trimmed.hasSuffix(" ") { trimmed.removeLast() }
            return trimmed
        }
    }

    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Control characters, and format characters that change how surrounding text displays.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x08, 0x0E...0x1F, 0x7F...0x9F: return true
        case 0x0B, 0x0C, 0x85, 0x2028, 0x2029: return true
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F, 0xFEFF, 0xAD, 0x61C: return true
        default: return false
        }
    }
}
