/// Scans SQL text as PostgreSQL's lexer would, far enough to tell whether a position is inside
/// a string, a quoted identifier, a dollar-quoted string or a comment. The state carries over
/// from one text part of a fragment to the next, with values between them.
struct SQLTextScanner {
    private enum State: Equatable {
        case code
        /// `'…'`; `backslashEscapes` for `E'…'`.
        case string(backslashEscapes: Bool)
        /// `"…"`.
        case identifier
        case lineComment
        /// `/* … */`, which nest.
        case blockComment(depth: Int)
        /// `$tag$ … $tag$`.
        case dollarQuoted(tag: [UInt8])
    }

    private var state = State.code
    /// The byte before the current one in code, to tell `abc$1` (an identifier) from `$1`.
    private var previous: UInt8 = 0
    /// A `'` just closed a string: another `'` right after it is an escaped quote.
    private var pendingQuote = false

    /// The first problem in `text`, if any.
    mutating func scan(_ text: String) -> SQLRejection? {
        var text = text
        return text.withUTF8 { scan($0) }
    }

    /// A value comes next: it must be in code, and it reads as an operand.
    mutating func value() -> SQLRejection? {
        if pendingQuote { pendingQuote = false; state = .code }
        guard state == .code else { return .valueInsideQuotes }
        previous = UInt8(ascii: " ")
        return nil
    }

    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> SQLRejection? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0 { return .nulInText }
            if pendingQuote {
                pendingQuote = false
                if byte == UInt8(ascii: "'") {
                    // '' inside a string: still inside it.
                    index += 1
                    continue
                }
                state = .code
                previous = UInt8(ascii: "'")
            }
            switch state {
            case .code:
                switch byte {
                case UInt8(ascii: "'"):
                    let escapes = previous == UInt8(ascii: "E") || previous == UInt8(ascii: "e")
                    state = .string(backslashEscapes: escapes)
                case UInt8(ascii: "\""):
                    state = .identifier
                case UInt8(ascii: "-") where index + 1 < bytes.endIndex && bytes[index + 1] == UInt8(ascii: "-"):
                    state = .lineComment
                    index += 1
                case UInt8(ascii: "/") where index + 1 < bytes.endIndex && bytes[index + 1] == UInt8(ascii: "*"):
                    state = .blockComment(depth: 1)
                    index += 1
                case UInt8(ascii: "$") where !Self.isIdentifierByte(previous):
                    var end = index + 1
                    while end < bytes.endIndex && Self.isDigit(bytes[end]) { end += 1 }
                    if end > index + 1 {
                        return .placeholderInText(String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self))
                    }
                    // A dollar quote: $$ or $tag$ (a tag does not start with a digit).
                    end = index + 1
                    while end < bytes.endIndex && Self.isIdentifierByte(bytes[end]) && bytes[end] != UInt8(ascii: "$") { end += 1 }
                    if end < bytes.endIndex && bytes[end] == UInt8(ascii: "$") {
                        state = .dollarQuoted(tag: Array(bytes[(index + 1)..<end]))
                        index = end
                    }
                default:
                    break
                }
                previous = byte
            case let .string(backslashEscapes):
                if backslashEscapes && byte == UInt8(ascii: "\\") {
                    index += 1
                } else if byte == UInt8(ascii: "'") {
                    pendingQuote = true
                }
            case .identifier:
                if byte == UInt8(ascii: "\"") {
                    // "" inside an identifier closes and reopens it: the same state either way.
                    state = .code
                    previous = byte
                }
            case .lineComment:
                if byte == UInt8(ascii: "\n") {
                    state = .code
                    previous = byte
                }
            case let .blockComment(depth):
                if byte == UInt8(ascii: "*") && index + 1 < bytes.endIndex && bytes[index + 1] == UInt8(ascii: "/") {
                    state = depth == 1 ? .code : .blockComment(depth: depth - 1)
                    previous = UInt8(ascii: " ")
                    index += 1
                } else if byte == UInt8(ascii: "/") && index + 1 < bytes.endIndex && bytes[index + 1] == UInt8(ascii: "*") {
                    state = .blockComment(depth: depth + 1)
                    index += 1
                }
            case let .dollarQuoted(tag):
                if byte == UInt8(ascii: "$") {
                    let end = index + 1 + tag.count
                    if end < bytes.endIndex && bytes[end] == UInt8(ascii: "$") && bytes[(index + 1)..<end].elementsEqual(tag) {
                        state = .code
                        previous = UInt8(ascii: " ")
                        index = end
                    }
                }
            }
            index += 1
        }
        return nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Letters, digits, `_`, `$` and every non-ASCII byte continue an identifier.
    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") || byte >= 0x80
    }
}
