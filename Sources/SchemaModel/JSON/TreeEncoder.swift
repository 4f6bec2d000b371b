import Foundation

/// Encodes any `Encodable` value into an `EncodedTree`, so that the synthesized conformances of
/// the snapshot types — and any field added to them later — need no hand-written code.
///
/// It encodes the way `JSONEncoder` does with default strategies: dates deferred to `Date`, data
/// as Base64, URLs as absolute strings, decimals as numbers, `nil` members left out by the
/// synthesized `encodeIfPresent`, and a value that encodes nothing as `{}`.
final class TreeEncoder: Encoder, SingleValueEncodingContainer {
    let tree: EncodedTree
    /// The node this encoder fills.
    let node: Int
    private let parent: TreeEncoder?
    private let key: (any CodingKey)?

    init(tree: EncodedTree, node: Int, parent: TreeEncoder? = nil, key: (any CodingKey)? = nil) {
        self.tree = tree
        self.node = node
        self.parent = parent
        self.key = key
    }

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var current: TreeEncoder? = self
        while let encoder = current, let key = encoder.key {
            path.append(key)
            current = encoder.parent
        }
        return path.reversed()
    }

    /// The number of containers around this encoder's node, which is how deep the writer indents it.
    var pathLength: Int {
        var length = 0
        var current: TreeEncoder? = self
        while let encoder = current, encoder.key != nil {
            length += 1
            current = encoder.parent
        }
        return length
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        tree.makeContainer(node, .object)
        return KeyedEncodingContainer(TreeKeyedContainer<Key>(encoder: self, object: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        tree.makeContainer(node, .array)
        return TreeUnkeyedContainer(encoder: self, array: node)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    // MARK: SingleValueEncodingContainer

    func encodeNil() { tree.set(node, .null) }
    func encode(_ value: Bool) { tree.set(node, value ? .true : .false) }
    func encode(_ value: String) { tree.set(node, .string, text: value) }
    func encode(_ value: Double) throws { tree.set(node, .number, text: try numberText(value, key: nil)) }
    func encode(_ value: Float) throws { tree.set(node, .number, text: try numberText(value, key: nil)) }
    func encode(_ value: Int) { tree.set(node, .number, text: String(value)) }
    func encode(_ value: Int8) { tree.set(node, .number, text: String(value)) }
    func encode(_ value: Int16) { tree.set(node, .number, text: String(value)) }
    func encode(_ value: Int32) { tree.set(node, .number, text: String(value)) }
    func encode(_ value: Int64) { tree.set(node, .number, text: String(value)) }
    func encode(_ value: UInt) { tree.set(node, .number, text: String(value)) }
    func encode(_ value: UInt8) { tree.set(node, .number, text: String(value)) }
    func encode(_ value: UInt16) { tree.set(node, .number, text: String(value)) }
    func encode(_ value: UInt32) { tree.set(node, .number, text: String(value)) }
    func encode(_ value: UInt64) { tree.set(node, .number, text: String(value)) }
    func encode<T: Encodable>(_ value: T) throws { try encode(value, into: node, key: nil) }

    // MARK: Values, shared by the containers

    /// Fills `slot` with `value`; `key` is its path component below this encoder (nil for this
    /// encoder's own node).
    func encode<T: Encodable>(_ value: T, into slot: Int, key: (any CodingKey)?) throws {
        // The common leaves skip making an encoder for one value.
        if T.self == String.self { return tree.set(slot, .string, text: unsafeBitCast(value, to: String.self)) }
        if T.self == Int.self { return tree.set(slot, .number, text: String(unsafeBitCast(value, to: Int.self))) }
        if T.self == Bool.self { return tree.set(slot, unsafeBitCast(value, to: Bool.self) ? .true : .false) }
        if T.self == Data.self { return tree.set(slot, .string, text: (value as! Data).base64EncodedString()) }
        if T.self == URL.self { return tree.set(slot, .string, text: (value as! URL).absoluteString) }
        if T.self == Decimal.self { return tree.set(slot, .number, text: (value as! Decimal).description) }
        if SnapshotFastEncoding.encode(value, into: slot, depth: { pathLength + (key == nil ? 0 : 1) }, tree) { return }
        if key == nil, slot == node {
            try value.encode(to: self)
        } else {
            try value.encode(to: TreeEncoder(tree: tree, node: slot, parent: self, key: key))
        }
    }

    /// JSONEncoder's spelling: Swift's shortest round-tripping form without a trailing `.0`.
    func numberText<T: BinaryFloatingPoint & CustomStringConvertible>(_ value: T, key: (any CodingKey)?) throws -> String {
        guard value.isFinite else {
            let path = key.map { codingPath + [$0] } ?? codingPath
            throw EncodingError.invalidValue(value, EncodingError.Context(codingPath: path, debugDescription: "\(value) cannot be written as a JSON number"))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}

/// An object being encoded.
struct TreeKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: TreeEncoder
    let object: Int

    var codingPath: [any CodingKey] { encoder.codingPath }

    private func add(_ key: Key, _ kind: EncodedTree.Node.Kind, text: String = "") {
        encoder.tree.append(to: object, key: key.stringValue, value: encoder.tree.addNode(kind, text: text))
    }

    private func slot(for key: Key) -> Int {
        let slot = encoder.tree.addNode()
        encoder.tree.append(to: object, key: key.stringValue, value: slot)
        return slot
    }

    mutating func encodeNil(forKey key: Key) { add(key, .null) }
    mutating func encode(_ value: Bool, forKey key: Key) { add(key, value ? .true : .false) }
    mutating func encode(_ value: String, forKey key: Key) { add(key, .string, text: value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { add(key, .number, text: try encoder.numberText(value, key: key)) }
    mutating func encode(_ value: Float, forKey key: Key) throws { add(key, .number, text: try encoder.numberText(value, key: key)) }
    mutating func encode(_ value: Int, forKey key: Key) { add(key, .number, text: String(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) { add(key, .number, text: String(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) { add(key, .number, text: String(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) { add(key, .number, text: String(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) { add(key, .number, text: String(value)) }
    mutating func encode(_ value: UInt, forKey key: Key) { add(key, .number, text: String(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) { add(key, .number, text: String(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) { add(key, .number, text: String(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) { add(key, .number, text: String(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) { add(key, .number, text: String(value)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try encoder.encode(value, into: slot(for: key), key: key) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder(tree: encoder.tree, node: slot(for: key), parent: encoder, key: key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        TreeEncoder(tree: encoder.tree, node: slot(for: key), parent: encoder, key: key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let slot = encoder.tree.addNode()
        encoder.tree.append(to: object, key: JSONKey.super.stringValue, value: slot)
        return TreeEncoder(tree: encoder.tree, node: slot, parent: encoder, key: JSONKey.super)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeEncoder(tree: encoder.tree, node: slot(for: key), parent: encoder, key: key)
    }
}

/// An array being encoded.
struct TreeUnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: TreeEncoder
    let array: Int

    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { Int(encoder.tree.node(array).count) }

    private func add(_ kind: EncodedTree.Node.Kind, text: String = "") {
        encoder.tree.append(to: array, key: "", value: encoder.tree.addNode(kind, text: text))
    }

    /// A new element to fill, and its path component.
    private func slot() -> (Int, JSONKey) {
        let key = JSONKey(intValue: count)
        let slot = encoder.tree.addNode()
        encoder.tree.append(to: array, key: "", value: slot)
        return (slot, key)
    }

    mutating func encodeNil() { add(.null) }
    mutating func encode(_ value: Bool) { add(value ? .true : .false) }
    mutating func encode(_ value: String) { add(.string, text: value) }
    mutating func encode(_ value: Double) throws { add(.number, text: try encoder.numberText(value, key: JSONKey(intValue: count))) }
    mutating func encode(_ value: Float) throws { add(.number, text: try encoder.numberText(value, key: JSONKey(intValue: count))) }
    mutating func encode(_ value: Int) { add(.number, text: String(value)) }
    mutating func encode(_ value: Int8) { add(.number, text: String(value)) }
    mutating func encode(_ value: Int16) { add(.number, text: String(value)) }
    mutating func encode(_ value: Int32) { add(.number, text: String(value)) }
    mutating func encode(_ value: Int64) { add(.number, text: String(value)) }
    mutating func encode(_ value: UInt) { add(.number, text: String(value)) }
    mutating func encode(_ value: UInt8) { add(.number, text: String(value)) }
    mutating func encode(_ value: UInt16) { add(.number, text: String(value)) }
    mutating func encode(_ value: UInt32) { add(.number, text: String(value)) }
    mutating func encode(_ value: UInt64) { add(.number, text: String(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let (slot, key) = slot()
        try encoder.encode(value, into: slot, key: key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let (slot, key) = slot()
        return TreeEncoder(tree: encoder.tree, node: slot, parent: encoder, key: key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let (slot, key) = slot()
        return TreeEncoder(tree: encoder.tree, node: slot, parent: encoder, key: key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let (slot, key) = slot()
        return TreeEncoder(tree: encoder.tree, node: slot, parent: encoder, key: key)
    }
}
