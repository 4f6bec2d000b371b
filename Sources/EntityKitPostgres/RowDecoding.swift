@_spi(Generated) import EntityKit
import Foundation
import PostgresNIO

extension PostgresRow {
    /// Decodes the row into any `Decodable` type whose coding keys are the column names: for
    /// types you write yourself. Each property is read by its type's own decoder
    /// (`ColumnValue`); a property of another `Decodable` type is read from a `json`/`jsonb`
    /// column with `JSONDecoder`. Generated entities decode faster with ``decode(_:)``.
    public func decodeRow<T: Decodable>(_ type: T.Type) throws -> T {
        var cells: [String: (cell: PostgresCell, position: Int)] = [:]
        cells.reserveCapacity(count)
        for (position, cell) in enumerated() where cells[cell.columnName] == nil {
            cells[cell.columnName] = (cell, position)
        }
        return try T(from: NamedRowDecoder(cells: cells, reading: ReadingName(T.self)))
    }
}

/// Reads one named cell as `Value`: through `ColumnValue` when the type has one, else as JSON.
private func decodeCell<Value: Decodable>(_ type: Value.Type, _ cell: PostgresCell, position: Int, reading: ReadingName) throws -> Value {
    if let columnType = type as? any ColumnValue.Type {
        return try decodeColumnValue(columnType, cell, position: position, reading: reading) as! Value
    }
    guard cell.bytes != nil else {
        throw DecodingError.valueNotFound(Value.self, DecodingError.Context(
            codingPath: [], debugDescription: "column \"\(cell.columnName)\" is NULL but \(Value.self) is not optional: make the property optional"))
    }
    let json = try PostgresRowReader.decode(cell, as: PGJSON.self, position: position, reading: reading)
    do {
        return try JSONDecoder().decode(Value.self, from: Data(json.postgresLiteral.utf8))
    } catch {
        throw RowDecodingError.badCell(column: cell.columnName, position: position, reading: reading.description,
                                       reason: "\(Value.self) is not a column type, and its JSON does not decode: \(error)")
    }
}

private func decodeColumnValue<Value: ColumnValue>(_ type: Value.Type, _ cell: PostgresCell, position: Int, reading: ReadingName) throws -> Value {
    guard Value.accepts(typeOID: cell.dataType.rawValue) else {
        throw RowDecodingError.typeMismatch(column: cell.columnName, position: position, typeOID: cell.dataType.rawValue,
                                            swiftType: "\(Value.self)", reading: reading.description)
    }
    return try PostgresRowReader.decode(cell, as: Value.self, position: position, reading: reading)
}

/// A `Decoder` over a row's cells by column name.
private struct NamedRowDecoder: Decoder {
    let cells: [String: (cell: PostgresCell, position: Int)]
    let reading: ReadingName
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(NamedCellContainer<Key>(cells: cells, reading: reading))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, DecodingError.Context(codingPath: [], debugDescription: "a row is not an array: decode a keyed type"))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        guard cells.count == 1, let only = cells.values.first else {
            throw DecodingError.typeMismatch(Any.self, DecodingError.Context(
                codingPath: [], debugDescription: "a row of \(cells.count) columns is not a single value"))
        }
        return SingleCellContainer(cell: only.cell, position: only.position, reading: reading)
    }
}

private struct NamedCellContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let cells: [String: (cell: PostgresCell, position: Int)]
    let reading: ReadingName
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { cells.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { cells[key.stringValue] != nil }

    private func entry(_ key: Key) throws -> (cell: PostgresCell, position: Int) {
        guard let entry = cells[key.stringValue] else {
            throw RowDecodingError.missingColumn(key.stringValue, reading: reading.description)
        }
        return entry
    }

    func decodeNil(forKey key: Key) throws -> Bool { try entry(key).cell.bytes == nil }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let (cell, position) = try entry(key)
        return try decodeCell(T.self, cell, position: position, reading: reading)
    }

    // Integer widths without a column type of their own are read through Int64.
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try narrowed(key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try narrowed(key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try narrowed(key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try narrowed(key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try narrowed(key) }

    private func narrowed<Integer: FixedWidthInteger>(_ key: Key) throws -> Integer {
        let value = try decode(Int64.self, forKey: key)
        guard let result = Integer(exactly: value) else {
            throw RowDecodingError.badCell(column: key.stringValue, position: try entry(key).position, reading: reading.description,
                                           reason: "\(value) does not fit in \(Integer.self)")
        }
        return result
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        throw DecodingError.typeMismatch([String: Any].self, DecodingError.Context(
            codingPath: [key], debugDescription: "a column is not a nested container: give the property a column type"))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, DecodingError.Context(
            codingPath: [key], debugDescription: "a column is not a nested container: give the property an array type"))
    }

    func superDecoder() throws -> any Decoder { NamedRowDecoder(cells: cells, reading: reading) }
    func superDecoder(forKey key: Key) throws -> any Decoder { NamedRowDecoder(cells: cells, reading: reading) }
}

private struct SingleCellContainer: SingleValueDecodingContainer {
    let cell: PostgresCell
    let position: Int
    let reading: ReadingName
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { cell.bytes == nil }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decodeCell(T.self, cell, position: position, reading: reading)
    }
}
