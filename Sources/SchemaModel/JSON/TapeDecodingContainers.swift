import Foundation

/// An object on the tape, read by key.
///
/// Keys are found by scanning the members and comparing UTF-8 bytes: objects in a snapshot have
/// about ten members, where a scan beats building a dictionary per object (what JSONDecoder does).
struct TapeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: TapeDecoder
    let object: Int

    var codingPath: [any CodingKey] { decoder.codingPath }

    var allKeys: [Key] {
        var keys: [Key] = []
        var member = object + 1
        let end = decoder.tape.next(after: object)
        while member < end {
            if let key = Key(stringValue: decoder.tape.string(member)) { keys.append(key) }
            member = decoder.tape.next(after: member + 1)
        }
        return keys
    }

    /// The tape index of the value for `key`; with duplicate keys the first wins, as in JSONDecoder.
    func valueIndex(for key: Key) -> Int? {
        valueIndex(named: key.stringValue)
    }

    func valueIndex(named name: String) -> Int? {
        let tape = decoder.tape
        var name = name
        return name.withUTF8 { wanted -> Int? in
            let prefix = TapeNode.keyPrefix(wanted)
            var sawSpecialKey = false
            var member = object + 1
            let end = tape.next(after: object)
            while member < end {
                let node = tape.nodes[member]
                if node.flags != 0 {
                    sawSpecialKey = true
                } else if node.end == prefix, Int(node.length) == wanted.count,
                          wanted.count <= 4 || memcmp(tape.bytes.baseAddress! + Int(node.start) + 4, wanted.baseAddress! + 4, wanted.count - 4) == 0 {
                    if !sawSpecialKey { return member + 1 }
                    break  // an earlier escaped key may be the same key
                }
                member = tape.next(after: member + 1)
            }
            guard sawSpecialKey || wanted.contains(where: { $0 >= 0x80 }) else { return nil }
            // Escaped or non-ASCII keys compare as Swift strings (canonical equivalence), as
            // JSONDecoder's dictionary of keys does.
            return slowValueIndex(for: String(decoding: wanted, as: UTF8.self))
        }
    }

    private func slowValueIndex(for name: String) -> Int? {
        var member = object + 1
        let end = decoder.tape.next(after: object)
        while member < end {
            if decoder.tape.string(member) == name { return member + 1 }
            member = decoder.tape.next(after: member + 1)
        }
        return nil
    }

    private func require(_ key: Key) throws -> Int {
        guard let index = valueIndex(for: key) else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(
                codingPath: codingPath, debugDescription: "no value for the key \"\(key.stringValue)\"",
                underlyingError: decoder.tape.location(of: object)))
        }
        return index
    }

    func contains(_ key: Key) -> Bool { valueIndex(for: key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        let index = try require(key)
        return decoder.tape.nodes[index].kind == .null
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder.bool(at: try require(key), key: key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder.string(at: try require(key), key: key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder.float(at: try require(key), key: key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decoder.float(at: try require(key), key: key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder.integer(at: try require(key), key: key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder.integer(at: try require(key), key: key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoder.integer(at: try require(key), key: key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoder.integer(at: try require(key), key: key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder.integer(at: try require(key), key: key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder.integer(at: try require(key), key: key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoder.integer(at: try require(key), key: key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decoder.integer(at: try require(key), key: key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decoder.integer(at: try require(key), key: key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decoder.integer(at: try require(key), key: key) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decoder.value(T.self, at: try require(key), key: key) }

    // Optional members are the most common: one scan instead of the default's three (contains,
    // decodeNil, decode).
    private func presentIndex(_ key: Key) -> Int? {
        guard let index = valueIndex(for: key), decoder.tape.nodes[index].kind != .null else { return nil }
        return index
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        try presentIndex(key).map { try decoder.string(at: $0, key: key) }
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        try presentIndex(key).map { try decoder.bool(at: $0, key: key) }
    }

    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        try presentIndex(key).map { try decoder.integer(at: $0, key: key) }
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try presentIndex(key).map { try decoder.value(T.self, at: $0, key: key) }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try TapeDecoder(tape: decoder.tape, node: try require(key), parent: decoder, key: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try TapeDecoder(tape: decoder.tape, node: try require(key), parent: decoder, key: key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        try superDecoder(key: JSONKey.super)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        try superDecoder(key: key)
    }

    /// Unlike JSONDecoder, which hands out a decoder of `null`, a missing key is an error here:
    /// only class hierarchies use super decoders, and the snapshot has none.
    private func superDecoder(key: some CodingKey) throws -> any Decoder {
        guard let index = valueIndex(named: key.stringValue) else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(
                codingPath: codingPath, debugDescription: "no value for the key \"\(key.stringValue)\"",
                underlyingError: decoder.tape.location(of: object)))
        }
        return TapeDecoder(tape: decoder.tape, node: index, parent: decoder, key: key)
    }
}

/// An array on the tape, read in order.
struct TapeUnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: TapeDecoder
    let array: Int
    private(set) var currentIndex = 0
    private var cursor: Int

    init(decoder: TapeDecoder, array: Int) {
        self.decoder = decoder
        self.array = array
        self.cursor = array + 1
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { Int(decoder.tape.nodes[array].length) }
    var isAtEnd: Bool { currentIndex >= Int(decoder.tape.nodes[array].length) }

    /// The next element's index, moving past it.
    private mutating func next<T>(_ type: T.Type) throws -> (index: Int, key: JSONKey) {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(T.self, DecodingError.Context(
                codingPath: codingPath + [JSONKey(intValue: currentIndex)], debugDescription: "the array has no more elements",
                underlyingError: decoder.tape.location(of: array)))
        }
        let element = (cursor, JSONKey(intValue: currentIndex))
        cursor = decoder.tape.next(after: cursor)
        currentIndex += 1
        return element
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, decoder.tape.nodes[cursor].kind == .null else { return false }
        _ = try next(Never.self)
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { let (index, key) = try next(type); return try decoder.bool(at: index, key: key) }
    mutating func decode(_ type: String.Type) throws -> String { let (index, key) = try next(type); return try decoder.string(at: index, key: key) }
    mutating func decode(_ type: Double.Type) throws -> Double { let (index, key) = try next(type); return try decoder.float(at: index, key: key) }
    mutating func decode(_ type: Float.Type) throws -> Float { let (index, key) = try next(type); return try decoder.float(at: index, key: key) }
    mutating func decode(_ type: Int.Type) throws -> Int { let (index, key) = try next(type); return try decoder.integer(at: index, key: key) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { let (index, key) = try next(type); return try decoder.integer(at: index, key: key) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { let (index, key) = try next(type); return try decoder.integer(at: index, key: key) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { let (index, key) = try next(type); return try decoder.integer(at: index, key: key) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { let (index, key) = try next(type); return try decoder.integer(at: index, key: key) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { let (index, key) = try next(type); return try decoder.integer(at: index, key: key) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { let (index, key) = try next(type); return try decoder.integer(at: index, key: key) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { let (index, key) = try next(type); return try decoder.integer(at: index, key: key) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { let (index, key) = try next(type); return try decoder.integer(at: index, key: key) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { let (index, key) = try next(type); return try decoder.integer(at: index, key: key) }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        // `[String?]` elements: no decoder for each element.
        if T.self == String?.self {
            let (index, key) = try next(type)
            let value: String? = decoder.tape.nodes[index].kind == .null ? nil : try decoder.string(at: index, key: key)
            return unsafeBitCast(value, to: T.self)
        }
        let (index, key) = try next(type)
        return try decoder.value(T.self, at: index, key: key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let (index, key) = try next([String: Any].self)
        return try TapeDecoder(tape: decoder.tape, node: index, parent: decoder, key: key).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (index, key) = try next([Any].self)
        return try TapeDecoder(tape: decoder.tape, node: index, parent: decoder, key: key).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (index, key) = try next(Any.self)
        return TapeDecoder(tape: decoder.tape, node: index, parent: decoder, key: key)
    }
}
