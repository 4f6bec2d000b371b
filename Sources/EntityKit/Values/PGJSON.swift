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
        guard (try? JSONSerialization.jsonObject(with: Data(postgresLiteral.utf8), options: [.fragmentsAllowed])) != nil else {
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
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
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
