import Foundation

/// A PostgreSQL `json` or `jsonb` value, kept as the exact JSON text the server returned.
///
/// `json` preserves whitespace, key order and duplicate keys, so the text is the only lossless
/// form. Decode it into your own type with ``decode(_:using:)``, or declare a type override.
public struct PGJSON: Hashable, Sendable, Codable, PGLiteralConvertible, CustomStringConvertible {
    /// The JSON text.
    public let postgresLiteral: String

    /// Wraps JSON text; throws when it is not valid JSON.
    public init(postgresLiteral: String) throws {
        // Not `JSONSerialization`: it accepts trailing commas and rejects `1e400` and lone `\ud800`
        // escapes, which PostgreSQL's `json` accepts and returns.
        guard JSONSyntax.isValid(postgresLiteral) else {
            throw PGLiteralError("json", postgresLiteral)
        }
        self.postgresLiteral = postgresLiteral
    }

    /// JSON text the caller vouches for (no validation).
    public init(unchecked text: String) {
        postgresLiteral = text
    }

    /// The JSON encoding of `value`.
    public init<Value: Encodable>(encoding value: Value, using encoder: JSONEncoder = JSONEncoder()) throws {
        postgresLiteral = String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Decodes the JSON text as `type`.
    public func decode<Value: Decodable>(_ type: Value.Type = Value.self, using decoder: JSONDecoder = JSONDecoder()) throws -> Value {
        try decoder.decode(type, from: Data(postgresLiteral.utf8))
    }

    public var description: String { postgresLiteral }

    /// Decodes from any JSON value, which becomes this value's text.
    public init(from decoder: Decoder) throws {
        let value = try JSONValue(from: decoder)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        postgresLiteral = String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Encodes as the JSON value itself, not as a string holding JSON.
    public func encode(to encoder: Encoder) throws {
        try decode(JSONValue.self).encode(to: encoder)
    }
}

/// Any JSON value, for carrying JSON through `Codable`.
public enum JSONValue: Hashable, Sendable, Codable {
    /// JSON `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number that decodes as an `Int64`: integral and in range.
    case integer(Int64)
    /// Any other number.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object; key order is not kept.
    case object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case let .bool(value): try container.encode(value)
        case let .integer(value): try container.encode(value)
        case let .number(value): try container.encode(value)
        case let .string(value): try container.encode(value)
        case let .array(value): try container.encode(value)
        case let .object(value): try container.encode(value)
        }
    }
}

/// The syntax check of PostgreSQL's `json` input (RFC 8259): numbers of any size, `\u` escapes
/// not paired up, whitespace only as space, tab, CR and LF. Iterative, so nesting depth is no issue.
struct JSONSyntax {
    private let bytes: [UInt8]
    private var position = 0

    static func isValid(_ text: String) -> Bool {
        var syntax = JSONSyntax(bytes: Array(text.utf8))
        return syntax.document()
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func consume(_ character: Unicode.Scalar) -> Bool {
        guard peek == UInt8(ascii: character) else { return false }
        position += 1
        return true
    }

    private mutating func skipWhitespace() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { position += 1 }
    }

    private mutating func document() -> Bool {
        var open: [UInt8] = []  // the unclosed `{` and `[`
        skipWhitespace()
        while true {
            // A value is expected here.
            guard let byte = peek else { return false }
            if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                position += 1
                skipWhitespace()
                if !consume(byte == UInt8(ascii: "{") ? "}" : "]") {
                    open.append(byte)
                    if byte == UInt8(ascii: "{") { guard memberName() else { return false } }
                    continue
                }
            } else {
                guard scalar() else { return false }
            }
            // After a value: a comma, the end of containers, or the end of the text.
            while true {
                skipWhitespace()
                guard let container = open.last else { return position == bytes.count }
                if consume(",") {
                    skipWhitespace()
                    if container == UInt8(ascii: "{") { guard memberName() else { return false } }
                    break
                }
                guard consume(container == UInt8(ascii: "{") ? "}" : "]") else { return false }
                open.removeLast()
            }
        }
    }

    /// `"name" :` and the whitespace after it.
    private mutating func memberName() -> Bool {
        guard string() else { return false }
        skipWhitespace()
        guard consume(":") else { return false }
        skipWhitespace()
        return true
    }

    private mutating func scalar() -> Bool {
        switch peek {
        case UInt8(ascii: "\""): return string()
        case UInt8(ascii: "t"): return word("true")
        case UInt8(ascii: "f"): return word("false")
        case UInt8(ascii: "n"): return word("null")
        default: return number()
        }
    }

    private mutating func word(_ text: String) -> Bool {
        for byte in text.utf8 {
            guard peek == byte else { return false }
            position += 1
        }
        return true
    }

    private mutating func string() -> Bool {
        guard consume("\"") else { return false }
        while let byte = peek {
            position += 1
            switch byte {
            case UInt8(ascii: "\""): return true
            case ..<0x20: return false
            case UInt8(ascii: "\\"):
                guard let escaped = peek else { return false }
                position += 1
                if escaped == UInt8(ascii: "u") {
                    for _ in 0..<4 {
                        guard let hex = peek, (48...57).contains(hex) || (65...70).contains(hex) || (97...102).contains(hex)
                        else { return false }
                        position += 1
                    }
                } else {
                    guard "\"\\/bfnrt".utf8.contains(escaped) else { return false }
                }
            default: continue
            }
        }
        return false
    }

    /// `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`
    private mutating func number() -> Bool {
        _ = consume("-")
        if !consume("0") {
            guard let first = peek, (49...57).contains(first) else { return false }
            digits()
        }
        if consume(".") { guard digits() else { return false } }
        if consume("e") || consume("E") {
            if !consume("+") { _ = consume("-") }
            guard digits() else { return false }
        }
        return true
    }

    @discardableResult
    private mutating func digits() -> Bool {
        let start = position
        while let byte = peek, (48...57).contains(byte) { position += 1 }
        return position > start
    }
}
