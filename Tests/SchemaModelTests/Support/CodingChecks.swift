import Foundation
@testable import SchemaModel
import Testing

/// Foundation's coder with the snapshot's options: the reference our coder must match.
enum FoundationJSON {
    static func encode<Value: Encodable>(_ value: Value) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        try JSONDecoder().decode(type, from: data)
    }
}

/// Checks that `value` encodes to exactly Foundation's bytes, and that both decoders read both
/// encodings back to `value`.
func expectSameCodingAsFoundation<Value: Codable & Equatable>(
    _ value: Value, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let ours = try JSONCoding.encode(value)
    let theirs = try FoundationJSON.encode(value)
    #expect(ours == theirs, "encodings differ:\nours:\n\(String(decoding: ours, as: UTF8.self))\nFoundation:\n\(String(decoding: theirs, as: UTF8.self))",
            sourceLocation: sourceLocation)
    #expect(try JSONCoding.decode(Value.self, from: ours) == value, "our decoder did not read our encoding back", sourceLocation: sourceLocation)
    #expect(try JSONCoding.decode(Value.self, from: theirs) == value, "our decoder did not read Foundation's encoding", sourceLocation: sourceLocation)
    #expect(try FoundationJSON.decode(Value.self, from: ours) == value, "Foundation did not read our encoding back", sourceLocation: sourceLocation)
}

/// The text of the error that decoding `json` as `Value` throws, or nil when it succeeds.
func decodingError<Value: Decodable>(_ type: Value.Type, _ json: String) -> (any Error)? {
    decodingError(type, Data(json.utf8))
}

func decodingError<Value: Decodable>(_ type: Value.Type, _ json: Data) -> (any Error)? {
    do {
        _ = try JSONCoding.decode(type, from: json)
        return nil
    } catch {
        return error
    }
}
