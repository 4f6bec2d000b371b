/// A value of the `hstore` extension type: a set of keys, each with a text value or NULL.
public struct PGHStore: Hashable, Sendable, Codable, PGLiteralConvertible, CustomStringConvertible,
    ExpressibleByDictionaryLiteral {
    /// Values by key; a nil value is SQL NULL.
    public let pairs: [String: String?]

    /// A value with these pairs; a nil value is SQL NULL.
    public init(_ pairs: [String: String?]) {
        self.pairs = pairs
    }

    public init(dictionaryLiteral elements: (String, String?)...) {
        self.pairs = Dictionary(elements, uniquingKeysWith: { first, _ in first })
    }

    /// The value of `key`: nil when the key is absent, `.some(nil)` when its value is NULL.
    public subscript(key: String) -> String?? {
        pairs[key]
    }

    /// `"a"=>"1", "b"=>NULL`, exactly as the extension prints it: keys ordered by UTF-8 length,
    /// then bytes; keys and values double-quoted with `"` and `\` escaped by a backslash.
    public var postgresLiteral: String {
        let keys = pairs.keys.sorted { left, right in
            let leftCount = left.utf8.count
            let rightCount = right.utf8.count
            return leftCount != rightCount ? leftCount < rightCount : left.utf8.lexicographicallyPrecedes(right.utf8)
        }
        return keys.map { key in
            let value = pairs[key] ?? nil
            return Self.quoted(key) + "=>" + (value.map(Self.quoted) ?? "NULL")
        }.joined(separator: ", ")
    }

    public var description: String { postgresLiteral }

    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" || scalar == "\\" { result.unicodeScalars.append("\\") }
            result.unicodeScalars.append(scalar)
        }
        return result + "\""
    }

    /// Reads `hstore_in`'s syntax: `key=>value` pairs separated by commas, with whitespace
    /// around them; keys and values double-quoted (with `\` escapes) or bare; a bare `NULL` (in
    /// any case) is a NULL value. A repeated key keeps its first value.
    public init(postgresLiteral literal: String) throws {
        let bytes = Array(literal.utf8)
        var index = 0
        var pairs: [String: String?] = [:]
        func fail() -> PGLiteralError { PGLiteralError("hstore", literal) }
        func skipSpaces() {
            while index < bytes.count, RangeLiteralText.isSpace(bytes[index]) { index += 1 }
        }
        /// A quoted or bare word; bare words end at whitespace, at `=` (keys) or `,` (values).
        func word(isKey: Bool) throws -> (text: String, quoted: Bool)? {
            skipSpaces()
            guard index < bytes.count else { return nil }
            var text: [UInt8] = []
            if bytes[index] == UInt8(ascii: "\"") {
                index += 1
                while true {
                    guard index < bytes.count else { throw fail() }
                    let byte = bytes[index]
                    index += 1
                    if byte == UInt8(ascii: "\"") { break }
                    if byte == UInt8(ascii: "\\") {
                        guard index < bytes.count else { throw fail() }
                        text.append(bytes[index])
                        index += 1
                    } else {
                        text.append(byte)
                    }
                }
                return (String(decoding: text, as: UTF8.self), true)
            }
            guard !(isKey && bytes[index] == UInt8(ascii: "=")) else { throw fail() }
            while index < bytes.count {
                let byte = bytes[index]
                if RangeLiteralText.isSpace(byte) || (isKey && byte == UInt8(ascii: "=")) || (!isKey && byte == UInt8(ascii: ",")) { break }
                index += 1
                if byte == UInt8(ascii: "\\") {
                    guard index < bytes.count else { throw fail() }
                    text.append(bytes[index])
                    index += 1
                } else {
                    text.append(byte)
                }
            }
            return (String(decoding: text, as: UTF8.self), false)
        }
        while let key = try word(isKey: true) {
            skipSpaces()
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "="), bytes[index + 1] == UInt8(ascii: ">") else { throw fail() }
            index += 2
            guard let value = try word(isKey: false) else { throw fail() }
            let isNull = !value.quoted && value.text.lowercased() == "null"
            if pairs[key.text] == nil { pairs[key.text] = .some(isNull ? nil : value.text) }
            skipSpaces()
            guard index < bytes.count else { break }
            guard bytes[index] == UInt8(ascii: ",") else { throw fail() }
            index += 1
        }
        self.pairs = pairs
    }
}
