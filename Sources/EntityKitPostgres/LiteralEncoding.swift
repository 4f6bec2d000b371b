import EntityKit
import Foundation

/// A value in PostgreSQL's text input syntax, before it is spelled out.
indirect enum LiteralValue: Sendable, Equatable {
    case null
    case scalar(String)
    case array([LiteralValue])
    case record([LiteralValue])

    /// The literal as a top-level value (nil for NULL).
    var text: String? {
        switch self {
        case .null: return nil
        case let .scalar(text): return text
        case .array, .record: return nested
        }
    }

    /// The spelling inside an array or record.
    private var nested: String {
        switch self {
        case .null:
            return "NULL"
        case let .scalar(text):
            return text
        case let .array(elements):
            return "{" + elements.map { element in
                switch element {
                case .null: return "NULL"
                case .array: return element.nested
                case let .scalar(text): return Self.quoted(text)
                case .record: return Self.quoted(element.nested)
                }
            }.joined(separator: ",") + "}"
        case let .record(fields):
            return "(" + fields.map { field in
                switch field {
                case .null: return ""
                case let .scalar(text): return Self.quoted(text)
                case .array, .record: return Self.quoted(field.nested)
                }
            }.joined(separator: ",") + ")"
        }
    }

    private static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            if character == "\"" || character == "\\" { result.append("\\") }
            result.append(character)
        }
        return result + "\""
    }
}

/// Turns an `Encodable` value into literals: a keyed value (an entity, a composite key) into
/// literals by key, anything else into one literal.
final class LiteralEncoder: Encoder {
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// Keyed output, in the order the keys were encoded.
    fileprivate(set) var fields: [(key: String, value: LiteralValue)] = []
    fileprivate var single: LiteralValue?
    fileprivate var elements: [LiteralValue]?

    /// Literals by key, in encoding order (for entities: column order).
    static func fields<T: Encodable>(of value: T) throws -> [(key: String, value: LiteralValue)] {
        let encoder = LiteralEncoder()
        try value.encode(to: encoder)
        return encoder.fields
    }

    /// One literal for `value`.
    static func literal<T: Encodable>(_ value: T) throws -> LiteralValue {
        if let literal = try ScalarLiterals.literal(value) { return literal }
        let encoder = LiteralEncoder()
        try value.encode(to: encoder)
        if let elements = encoder.elements { return .array(elements) }
        if let single = encoder.single { return single }
        if let composite = T.self as? any PGComposite.Type {
            let byName = Dictionary(encoder.fields.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
            return .record(composite.attributeNames.map { byName[$0] ?? .null })
        }
        // A keyed value that is not a composite goes to a json column.
        let json = try JSONEncoder().encode(value)
        return .scalar(String(decoding: json, as: UTF8.self))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(LiteralKeyedContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        elements = elements ?? []
        return LiteralUnkeyedContainer(encoder: self)
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        LiteralSingleValueContainer(encoder: self)
    }
}

private struct LiteralKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: LiteralEncoder
    var codingPath: [CodingKey] { encoder.codingPath }

    mutating func encodeNil(forKey key: Key) throws {
        encoder.fields.append((key.stringValue, .null))
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        encoder.fields.append((key.stringValue, try LiteralEncoder.literal(value)))
    }

    // Optionals must be written as NULL, not left out: a left-out column would take its default.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try encodeOptional(value, key) }

    private mutating func encodeOptional<T: Encodable>(_ value: T?, _ key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        LiteralEncoder().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        LiteralEncoder().unkeyedContainer()
    }

    mutating func superEncoder() -> Encoder { encoder }
    mutating func superEncoder(forKey key: Key) -> Encoder { LiteralEncoder() }
}

private struct LiteralUnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: LiteralEncoder
    var codingPath: [CodingKey] { encoder.codingPath }
    var count: Int { encoder.elements?.count ?? 0 }

    mutating func encodeNil() throws {
        encoder.elements?.append(.null)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.elements?.append(try LiteralEncoder.literal(value))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        LiteralEncoder().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        LiteralEncoder().unkeyedContainer()
    }

    mutating func superEncoder() -> Encoder { encoder }
}

private struct LiteralSingleValueContainer: SingleValueEncodingContainer {
    let encoder: LiteralEncoder
    var codingPath: [CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws {
        encoder.single = .null
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.single = try LiteralEncoder.literal(value)
    }
}

/// Text literals of scalar Swift types, exact and independent of session settings.
enum ScalarLiterals {
    static func literal<T: Encodable>(_ value: T) throws -> LiteralValue? {
        switch value {
        case let value as any PGLiteralConvertible: return .scalar(value.postgresLiteral)
        case let value as String: return .scalar(value)
        case let value as Bool: return .scalar(value ? "true" : "false")
        case let value as Int16: return .scalar(String(value))
        case let value as Int32: return .scalar(String(value))
        case let value as Int64: return .scalar(String(value))
        case let value as Int: return .scalar(String(value))
        case let value as Int8: return .scalar(String(value))
        case let value as UInt8: return .scalar(String(value))
        case let value as UInt16: return .scalar(String(value))
        case let value as UInt: return .scalar(String(value))
        case let value as UInt32: return .scalar(String(value))
        case let value as UInt64: return .scalar(String(value))
        case let value as Double: return .scalar(floating(value))
        case let value as Float: return .scalar(floating(value))
        case let value as UUID: return .scalar(value.uuidString.lowercased())
        case let value as Data: return .scalar(ByteaText.encode(value))
        case let value as Date: return .scalar(PGTimestamp(value).postgresLiteral)
        case let value as Decimal: return .scalar(PGNumeric(value).postgresLiteral)
        default: return nil
        }
    }

    /// Shortest text that reads back as the same value; PostgreSQL spells the specials in words.
    private static func floating<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F) -> String {
        if value.isNaN { return "NaN" }
        if value == .infinity { return "Infinity" }
        if value == -.infinity { return "-Infinity" }
        return value.description
    }
}
