import EntityKit
import Foundation
import NIOCore

/// Marks `Optional`, whose decoding handles NULL itself.
private protocol OptionalMarker {}
extension Optional: OptionalMarker {}

/// The one place that decides how a Swift type is read from a cell.
enum CellDecoding {
    static func decode<T: Decodable>(_ type: T.Type, from cell: CellValue, codingPath: [CodingKey]) throws -> T {
        if cell.isNull, !(T.self is any OptionalMarker.Type) {
            throw DecodingError.valueNotFound(T.self, DecodingError.Context(
                codingPath: codingPath,
                debugDescription: "the value is NULL but \(T.self) is not optional; make the Swift type optional"))
        }
        do {
            if let value = try ScalarDecoding.decode(T.self, from: cell) { return value }
        } catch {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: codingPath, debugDescription: error.message))
        }
        if case let .binary(buffer, oid) = cell, oid == TypeOID.json || oid == TypeOID.jsonb {
            // Any other Decodable type in a json column is read from the JSON (a type override).
            let text = try ScalarDecoding.string(cell)
            _ = buffer
            do {
                return try JSONDecoder().decode(T.self, from: Data(text.utf8))
            } catch {
                throw DecodingError.dataCorrupted(DecodingError.Context(
                    codingPath: codingPath, debugDescription: "the JSON does not decode as \(T.self): \(error)"))
            }
        }
        let fieldNames = (T.self as? any PGComposite.Type)?.attributeNames
        return try T(from: CellDecoder(cell: cell, codingPath: codingPath, fieldNames: fieldNames))
    }
}

/// Decodes the row: columns by name.
struct RowDecoder: Decoder {
    let cells: [String: CellValue]
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(NamedCellsContainer<Key>(cells: cells, codingPath: codingPath, what: "column"))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, DecodingError.Context(codingPath: codingPath, debugDescription: "a row is not an array"))
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer {
        guard cells.count == 1, let cell = cells.values.first else {
            throw DecodingError.typeMismatch(Any.self, DecodingError.Context(codingPath: codingPath, debugDescription: "a row of \(cells.count) columns is not a single value"))
        }
        return CellSingleValueContainer(cell: cell, codingPath: codingPath)
    }
}

/// Decodes one value: a scalar, an array, or a composite.
struct CellDecoder: Decoder {
    let cell: CellValue
    var codingPath: [CodingKey]
    /// Attribute names, when the value is a composite.
    let fieldNames: [String]?
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard let fieldNames, let fields = StructuredValues.record(cell) else {
            throw DecodingError.typeMismatch([String: Any].self, DecodingError.Context(
                codingPath: codingPath,
                debugDescription: "cannot read a keyed value from \(cell.summary); composite types must conform to PGComposite"))
        }
        var cells: [String: CellValue] = [:]
        for (name, field) in zip(fieldNames, fields) { cells[name] = field }
        return KeyedDecodingContainer(NamedCellsContainer<Key>(cells: cells, codingPath: codingPath, what: "attribute"))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard let (dimensions, elements) = StructuredValues.array(cell) else {
            throw DecodingError.typeMismatch([Any].self, DecodingError.Context(codingPath: codingPath, debugDescription: "cannot read an array from \(cell.summary)"))
        }
        return ArrayContainer(dimensions: dimensions, elements: elements, codingPath: codingPath)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer {
        CellSingleValueContainer(cell: cell, codingPath: codingPath)
    }
}

/// Values by name: the columns of a row or the attributes of a composite.
struct NamedCellsContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let cells: [String: CellValue]
    let codingPath: [CodingKey]
    let what: String

    var allKeys: [Key] { cells.keys.sorted().compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { cells[key.stringValue] != nil }

    private func cell(_ key: Key) throws -> CellValue {
        guard let cell = cells[key.stringValue] else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(
                codingPath: codingPath, debugDescription: "the \(what) \"\(key.stringValue)\" is not in the result"))
        }
        return cell
    }

    func decodeNil(forKey key: Key) throws -> Bool { try cell(key).isNull }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try CellDecoding.decode(type, from: cell(key), codingPath: codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try CellDecoder(cell: cell(key), codingPath: codingPath + [key], fieldNames: nil).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        try CellDecoder(cell: cell(key), codingPath: codingPath + [key], fieldNames: nil).unkeyedContainer()
    }

    func superDecoder() throws -> Decoder { RowDecoder(cells: cells, codingPath: codingPath) }

    func superDecoder(forKey key: Key) throws -> Decoder {
        CellDecoder(cell: try cell(key), codingPath: codingPath + [key], fieldNames: nil)
    }
}

/// The elements of an array; for a multi-dimensional array each element is a sub-array.
struct ArrayContainer: UnkeyedDecodingContainer {
    let dimensions: [Int]
    let elements: [CellValue]
    let codingPath: [CodingKey]
    private(set) var currentIndex = 0

    init(dimensions: [Int], elements: [CellValue], codingPath: [CodingKey]) {
        self.dimensions = dimensions
        self.elements = elements
        self.codingPath = codingPath
    }

    var count: Int? { dimensions.first ?? 0 }
    var isAtEnd: Bool { currentIndex >= (count ?? 0) }

    private struct IndexKey: CodingKey {
        let intValue: Int?
        var stringValue: String { "[\(intValue ?? 0)]" }
        init(_ index: Int) { intValue = index }
        init?(stringValue: String) { nil }
        init?(intValue: Int) { self.intValue = intValue }
    }

    private func current() throws -> CellValue {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, DecodingError.Context(codingPath: codingPath, debugDescription: "the array has no more elements"))
        }
        if dimensions.count <= 1 { return elements[currentIndex] }
        let inner = Array(dimensions.dropFirst())
        let stride = inner.reduce(1, *)
        let slice = Array(elements[(currentIndex * stride)..<((currentIndex + 1) * stride)])
        return .array(dimensions: inner, elements: slice)
    }

    mutating func decodeNil() throws -> Bool {
        guard try current().isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let cell = try current()
        let value: T
        do {
            value = try CellDecoding.decode(type, from: cell, codingPath: codingPath + [IndexKey(currentIndex)])
        } catch let DecodingError.valueNotFound(type, context) where cell.isNull {
            throw DecodingError.valueNotFound(type, DecodingError.Context(
                codingPath: context.codingPath,
                debugDescription: "the array holds a NULL element; declare the element type optional ([\(type)?])"))
        }
        currentIndex += 1
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let decoder = CellDecoder(cell: try current(), codingPath: codingPath, fieldNames: nil)
        currentIndex += 1
        return try decoder.container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        let decoder = CellDecoder(cell: try current(), codingPath: codingPath, fieldNames: nil)
        currentIndex += 1
        return try decoder.unkeyedContainer()
    }

    mutating func superDecoder() throws -> Decoder {
        let decoder = CellDecoder(cell: try current(), codingPath: codingPath, fieldNames: nil)
        currentIndex += 1
        return decoder
    }
}

/// A single value: used by enums (their raw value), `Optional`, and types with custom decoding.
struct CellSingleValueContainer: SingleValueDecodingContainer {
    let cell: CellValue
    let codingPath: [CodingKey]

    func decodeNil() -> Bool { cell.isNull }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try CellDecoding.decode(type, from: cell, codingPath: codingPath)
    }
}
