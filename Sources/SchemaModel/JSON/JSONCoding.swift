import Foundation

/// The entry points of the JSON coder the snapshot uses in place of Foundation's: a one-pass
/// parser into a tape plus a `Decoder` over it, and an `Encoder` into a tree plus a writer that
/// prints exactly what `JSONEncoder` prints with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]`. Both run the types' own (synthesized) `Codable` conformances.
enum JSONCoding {
    /// Pretty-printed, sorted-key JSON of `value`, followed by `terminator`.
    static func encode<Value: Encodable>(_ value: Value, terminator: [UInt8] = []) throws -> Data {
        let tree = EncodedTree()
        let root = tree.addNode()
        try TreeEncoder(tree: tree, node: root).encode(value)
        return try PrettyJSONWriter.write(tree, root: root, terminator: terminator)
    }

    /// Decodes `type` from UTF-8 JSON. Throws `JSONSyntaxError` for malformed JSON and
    /// `DecodingError` (with a `JSONLocation` as its underlying error) for JSON of the wrong shape.
    static func decode<Value: Decodable, Input: ContiguousBytes>(_ type: Value.Type, from input: Input) throws -> Value {
        try JSONTape.parse(input) { tape in
            try TapeDecoder(tape: tape, node: 0).decode(Value.self)
        }
    }
}
