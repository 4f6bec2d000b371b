/// Builds Swift source text line by line with four-space indentation.
struct SourceWriter {
    /// UTF-8 bytes, turned into a `String` once at the end: appending to a byte array is a plain
    /// copy, where appending to a `String` checks capacity, uniqueness and encoding per call, and
    /// a 10,000-table run appends millions of lines.
    private(set) var bytes: [UInt8] = []
    private var depth = 0

    /// A writer whose buffer starts with room for `capacity` bytes.
    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The source written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends one line at the current indentation (an empty line has no trailing spaces).
    mutating func line(_ content: String = "") {
        if !content.isEmpty {
            indent()
            append(content)
        }
        bytes.append(0x0A)
    }

    // The same line, given in parts: the hot paths of a large schema spell a line from a few
    // prepared names, and appending the parts directly saves building each line as a `String`.

    /// Appends one line made of the parts, at the current indentation.
    mutating func line(_ first: String, _ second: String) {
        indent()
        append(first)
        append(second)
        bytes.append(0x0A)
    }

    /// Appends one line made of the parts, at the current indentation.
    mutating func line(_ first: String, _ second: String, _ third: String) {
        indent()
        append(first)
        append(second)
        append(third)
        bytes.append(0x0A)
    }

    /// Appends one line made of the parts, at the current indentation.
    mutating func line(_ first: String, _ second: String, _ third: String, _ fourth: String) {
        indent()
        append(first)
        append(second)
        append(third)
        append(fourth)
        bytes.append(0x0A)
    }

    /// Appends one line made of the parts, at the current indentation.
    mutating func line(_ first: String, _ second: String, _ third: String, _ fourth: String, _ fifth: String) {
        indent()
        append(first)
        append(second)
        append(third)
        append(fourth)
        append(fifth)
        bytes.append(0x0A)
    }

    /// Appends one line made of the parts, at the current indentation.
    mutating func line(_ first: String, _ second: String, _ third: String, _ fourth: String, _ fifth: String, _ sixth: String,
                       _ rest: String...) {
        indent()
        append(first)
        append(second)
        append(third)
        append(fourth)
        append(fifth)
        append(sixth)
        for part in rest { append(part) }
        bytes.append(0x0A)
    }

    /// Appends text written elsewhere, as it is.
    mutating func append(bytes other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    private mutating func indent() {
        for _ in 0..<depth { bytes.append(contentsOf: Self.indentation) }
    }

    private mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    private static let indentation: [UInt8] = Array("    ".utf8)

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
            // Most lines are printable ASCII without trailing spaces: written as they are.
            if SwiftText.isPrintableASCII(line), line.utf8.last != 0x20 {
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
