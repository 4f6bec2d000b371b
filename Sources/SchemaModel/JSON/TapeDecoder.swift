import Foundation

/// Decodes any `Decodable` type from a parsed tape, so that the synthesized conformances of the
/// snapshot types — and any field added to them later — need no hand-written code.
///
/// It decodes the way `JSONDecoder` does with default strategies (dates deferred to `Date`, data
/// as Base64, URLs as strings, decimals as numbers), so both give equal values for the same bytes.
/// Errors are `DecodingError`s with the coding path; their `underlyingError` is the
/// `JSONLocation` of the offending value.
final class TapeDecoder: Decoder, SingleValueDecodingContainer {
    let tape: JSONTape
    let node: Int
    // The path is kept as links to the parent, and only turned into an array for an error.
    private let parent: TapeDecoder?
    private let key: (any CodingKey)?

    init(tape: JSONTape, node: Int, parent: TapeDecoder? = nil, key: (any CodingKey)? = nil) {
        self.tape = tape
        self.node = node
        self.parent = parent
        self.key = key
    }

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var current: TapeDecoder? = self
        while let decoder = current, let key = decoder.key {
            path.append(key)
            current = decoder.parent
        }
        return path.reversed()
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard tape.nodes[node].kind == .object else { throw mismatch([String: Any].self, at: node, key: nil) }
        return KeyedDecodingContainer(TapeKeyedContainer<Key>(decoder: self, object: node))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard tape.nodes[node].kind == .array else { throw mismatch([Any].self, at: node, key: nil) }
        return TapeUnkeyedContainer(decoder: self, array: node)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    // MARK: SingleValueDecodingContainer

    func decodeNil() -> Bool { tape.nodes[node].kind == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try bool(at: node, key: nil) }
    func decode(_ type: String.Type) throws -> String { try string(at: node, key: nil) }
    func decode(_ type: Double.Type) throws -> Double { try float(at: node, key: nil) }
    func decode(_ type: Float.Type) throws -> Float { try float(at: node, key: nil) }
    func decode(_ type: Int.Type) throws -> Int { try integer(at: node, key: nil) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(at: node, key: nil) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(at: node, key: nil) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(at: node, key: nil) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(at: node, key: nil) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(at: node, key: nil) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(at: node, key: nil) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(at: node, key: nil) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(at: node, key: nil) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(at: node, key: nil) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try value(T.self, at: node, key: nil) }

    // MARK: Values, shared by the containers

    /// `key` is the path component of the value below this decoder (nil for its own value).
    func bool(at index: Int, key: (any CodingKey)?) throws -> Bool {
        switch tape.nodes[index].kind {
        case .true: true
        case .false: false
        default: throw mismatch(Bool.self, at: index, key: key)
        }
    }

    func string(at index: Int, key: (any CodingKey)?) throws -> String {
        guard tape.nodes[index].kind == .string else { throw mismatch(String.self, at: index, key: key) }
        return tape.string(index)
    }

    func integer<T: FixedWidthInteger>(at index: Int, key: (any CodingKey)?) throws -> T {
        let node = tape.nodes[index]
        guard node.kind == .number else { throw mismatch(T.self, at: index, key: key) }
        if node.flags & TapeNode.isInteger != 0, let value = JSONNumbers.integer(T.self, tape.rawBytes(index)) { return value }
        // `1e2` or `5.0` are integers written another way; JSONDecoder accepts them too.
        if node.flags & TapeNode.isInteger == 0, let double = Double(numberText(index)), let value = T(exactly: double) { return value }
        throw corrupted("the number \(numberText(index)) does not fit in \(T.self)", at: index, key: key)
    }

    func float<T: BinaryFloatingPoint & LosslessStringConvertible>(at index: Int, key: (any CodingKey)?) throws -> T {
        guard tape.nodes[index].kind == .number else { throw mismatch(T.self, at: index, key: key) }
        // Swift's parsing is correctly rounded, so this is the nearest value, as JSONDecoder gives.
        guard let value = T(numberText(index)), value.isFinite else {
            throw corrupted("the number \(numberText(index)) does not fit in \(T.self)", at: index, key: key)
        }
        return value
    }

    func value<T: Decodable>(_ type: T.Type, at index: Int, key: (any CodingKey)?) throws -> T {
        // The common leaves skip making a decoder for one value.
        if T.self == String.self { return unsafeBitCast(try string(at: index, key: key), to: T.self) }
        if T.self == Int.self { return unsafeBitCast(try integer(at: index, key: key) as Int, to: T.self) }
        if T.self == Bool.self { return unsafeBitCast(try bool(at: index, key: key), to: T.self) }
        if T.self == [String].self { return unsafeBitCast(try strings(at: index, key: key), to: T.self) }
        if let value = SnapshotFastDecoding.decode(T.self, tape, index) { return value }
        if T.self == Data.self || T.self == URL.self || T.self == Decimal.self {
            return try foundationValue(T.self, at: index, key: key)
        }
        guard let key else { return try T(from: self) }  // this decoder's own value
        return try T(from: TapeDecoder(tape: tape, node: index, parent: self, key: key))
    }

    /// `[String]`, the most common array in a snapshot, without a container per array.
    private func strings(at index: Int, key: (any CodingKey)?) throws -> [String] {
        guard tape.nodes[index].kind == .array else { throw mismatch([Any].self, at: index, key: key) }
        var strings: [String] = []
        strings.reserveCapacity(Int(tape.nodes[index].length))
        var element = index + 1
        while element < tape.next(after: index) {
            guard tape.nodes[element].kind == .string else {
                let elementKey = JSONKey(intValue: strings.count)
                throw mismatch(String.self, at: element, key: elementKey, below: key)
            }
            strings.append(tape.string(element))
            element += 1
        }
        return strings
    }

    /// The Foundation types that `JSONDecoder` reads in its own way rather than by their `Decodable`.
    private func foundationValue<T: Decodable>(_ type: T.Type, at index: Int, key: (any CodingKey)?) throws -> T {
        if T.self == Data.self {
            guard let data = Data(base64Encoded: try string(at: index, key: key)) else {
                throw corrupted("the string is not valid Base64", at: index, key: key)
            }
            return data as! T
        }
        if T.self == URL.self {
            guard let url = URL(string: try string(at: index, key: key)) else { throw corrupted("the string is not a valid URL", at: index, key: key) }
            return url as! T
        }
        guard tape.nodes[index].kind == .number else { throw mismatch(Decimal.self, at: index, key: key) }
        guard let decimal = Decimal(string: numberText(index), locale: Locale(identifier: "en_US_POSIX")) else {
            throw corrupted("the number \(numberText(index)) does not fit in Decimal", at: index, key: key)
        }
        return decimal as! T
    }

    func numberText(_ index: Int) -> String {
        String(decoding: tape.rawBytes(index), as: UTF8.self)
    }

    // MARK: Errors

    func path(with key: (any CodingKey)?) -> [any CodingKey] {
        key.map { codingPath + [$0] } ?? codingPath
    }

    func mismatch(_ type: Any.Type, at index: Int, key: (any CodingKey)?, below parentKey: (any CodingKey)? = nil) -> DecodingError {
        let found = tape.nodes[index].kind.description
        return .typeMismatch(type, DecodingError.Context(
            codingPath: path(with: parentKey) + (key.map { [$0] } ?? []), debugDescription: "expected \(Self.describe(type)) but found \(found)",
            underlyingError: tape.location(of: index)))
    }

    func corrupted(_ message: String, at index: Int, key: (any CodingKey)?) -> DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: path(with: key), debugDescription: message, underlyingError: tape.location(of: index)))
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is [String: Any].Type: "an object"
        case is [Any].Type: "an array"
        default: "a number (\(type))"
        }
    }
}

extension TapeNode.Kind: CustomStringConvertible {
    var description: String {
        switch self {
        case .null: "null"
        case .false, .true: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// Array indexes and `super` in coding paths.
struct JSONKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    init(intValue: Int) {
        self.stringValue = "Index \(intValue)"
        self.intValue = intValue
    }

    static let `super` = JSONKey(stringValue: "super")
}

/// Exact integer parsing of JSON digits.
enum JSONNumbers {
    /// The value of `-?[0-9]+` (already validated), or nil when it does not fit in `T`.
    static func integer<T: FixedWidthInteger>(_ type: T.Type, _ digits: UnsafeBufferPointer<UInt8>) -> T? {
        var position = 0
        let negative = digits[0] == UInt8(ascii: "-")
        if negative {
            guard T.isSigned else { return digits.count == 2 && digits[1] == UInt8(ascii: "0") ? 0 : nil }
            position = 1
        }
        var value: T = 0
        while position < digits.count {
            let digit = T(digits[position] &- UInt8(ascii: "0"))
            // Accumulating negatively reaches T.min, whose magnitude T cannot hold.
            let (scaled, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = negative ? scaled.subtractingReportingOverflow(digit) : scaled.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { return nil }
            value = next
            position += 1
        }
        return value
    }
}
