/// A PostgreSQL `tsquery`, kept as its text: `'fat' & ( 'rat' | 'cat' )`, `!'a':AB <-> 'b':*`.
///
/// Values read from the server are in its canonical spelling (operands quoted, operators spaced,
/// parentheses only where needed). A query written by hand (`fat & rat`) is stored by the server
/// in that canonical spelling, so it reads back as different text for the same query; and the
/// server does not lexize a `tsquery` literal (`to_tsquery` does), so words are kept as written.
public struct PGTSQuery: Hashable, Sendable, Codable, PGLiteralConvertible, CustomStringConvertible {
    /// The query text, as given or as the server printed it.
    public let text: String

    /// Checks the shape of the query (operands, `!`, `&`, `|`, `<->`, `<N>`, balanced parentheses,
    /// closed quotes) and keeps `literal` unchanged; the empty query (``empty``) is allowed.
    public init(postgresLiteral literal: String) throws {
        guard Self.isWellFormed(Array(literal.utf8)) else { throw PGLiteralError("tsquery", literal) }
        text = literal
    }

    /// The query that matches nothing, which the server prints as empty text.
    public static let empty = PGTSQuery(unchecked: "")

    private init(unchecked text: String) {
        self.text = text
    }

    /// `lexeme` as a quoted operand, `'it''s'`, to build a query from words safely.
    public static func quoted(_ lexeme: String) -> String {
        var result = "'"
        for scalar in lexeme.unicodeScalars {
            if scalar == "'" || scalar == "\\" { result.unicodeScalars.append(scalar) }
            result.unicodeScalars.append(scalar)
        }
        return result + "'"
    }

    public var postgresLiteral: String { text }

    public var description: String { text }

    /// Follows the token grammar of `tsquery` input: operands alternate with binary operators,
    /// `!` and `(` may precede an operand, `)` may follow one.
    private static func isWellFormed(_ bytes: [UInt8]) -> Bool {
        var index = 0
        var expectsOperand = true
        var depth = 0
        var sawToken = false
        func isSpace(_ byte: UInt8) -> Bool { RangeLiteralText.isSpace(byte) }
        func endsBareWord(_ byte: UInt8) -> Bool {
            isSpace(byte) || "!&|():".utf8.contains(byte)
        }
        func skipWeights() {
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return }
            index += 1
            while index < bytes.count, "aAbBcCdD*".utf8.contains(bytes[index]) { index += 1 }
        }
        while true {
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count else { break }
            let byte = bytes[index]
            sawToken = true
            if expectsOperand {
                switch byte {
                case UInt8(ascii: "!"):
                    index += 1
                case UInt8(ascii: "("):
                    depth += 1
                    index += 1
                case UInt8(ascii: "'"):
                    index += 1
                    var closed = false
                    var empty = true
                    while index < bytes.count {
                        let character = bytes[index]
                        index += 1
                        if character == UInt8(ascii: "\\") {
                            guard index < bytes.count else { return false }
                            index += 1
                            empty = false
                        } else if character == UInt8(ascii: "'") {
                            if index < bytes.count, bytes[index] == UInt8(ascii: "'") {
                                index += 1
                                empty = false
                            } else {
                                closed = true
                                break
                            }
                        } else {
                            empty = false
                        }
                    }
                    guard closed, !empty else { return false }
                    skipWeights()
                    expectsOperand = false
                case UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: ")"), UInt8(ascii: ":"), UInt8(ascii: "<"):
                    return false
                default:
                    while index < bytes.count, !endsBareWord(bytes[index]) {
                        if bytes[index] == UInt8(ascii: "\\") {
                            index += 1
                            guard index < bytes.count else { return false }
                        }
                        index += 1
                    }
                    skipWeights()
                    expectsOperand = false
                }
            } else {
                switch byte {
                case UInt8(ascii: "&"), UInt8(ascii: "|"):
                    index += 1
                    expectsOperand = true
                case UInt8(ascii: "<"):
                    index += 1
                    if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
                        index += 1
                    } else {
                        let start = index
                        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
                        guard index > start else { return false }
                    }
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { return false }
                    index += 1
                    expectsOperand = true
                case UInt8(ascii: ")"):
                    depth -= 1
                    guard depth >= 0 else { return false }
                    index += 1
                default:
                    return false
                }
            }
        }
        return !sawToken || (!expectsOperand && depth == 0)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
