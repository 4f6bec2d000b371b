@_spi(Generated) import EntityKit
import PostgresNIO

/// A result that does not have the shape the Swift type reads. Cases carry facts; the
/// description says what to change.
public enum RowDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A column the type reads is not in the result.
    case missingColumn(String, reading: String)
    /// The result's column at `position` has a type the Swift type cannot read.
    case typeMismatch(column: String, position: Int, typeOID: UInt32, swiftType: String, reading: String)
    /// A cell's value could not be read.
    case badCell(column: String, position: Int, reading: String, reason: String)
    /// The result has fewer columns than the type reads.
    case tooFewColumns(found: Int, reading: String)

    public var description: String {
        switch self {
        case let .missingColumn(name, reading):
            return "the result has no column \"\(name)\", which \(reading) reads: select it (\(reading).selectList() selects every column with its read cast)"
        case let .typeMismatch(column, position, oid, swiftType, reading):
            return "column \(position + 1) \"\(column)\" has type OID \(oid), which \(reading) cannot read as \(swiftType): "
                + "regenerate the entities if the column's type changed, or cast it in the query"
        case let .badCell(column, position, reading, reason):
            return "column \(position + 1) \"\(column)\" of \(reading): \(reason)"
        case let .tooFewColumns(found, reading):
            return "the result has \(found) columns, fewer than \(reading) reads: select \(reading).selectList()"
        }
    }
}

/// Reads a `PostgresRow`'s cells in order. When `expectedNames` is set (the first row of a
/// result set), it also checks each cell's name and type against what is read; later rows
/// skip the checks.
struct PostgresRowReader: RowReader {
    private var iterator: PostgresRow.Iterator
    private var position = 0
    private let expectedNames: [String]?
    private let reading: ReadingName

    init(_ row: PostgresRow, checking expectedNames: [String]?, reading: ReadingName) {
        iterator = row.makeIterator()
        self.expectedNames = expectedNames
        self.reading = reading
    }

    mutating func next<Value: ColumnValue>(_ type: Value.Type) throws -> Value {
        guard let cell = iterator.next() else {
            throw RowDecodingError.tooFewColumns(found: position, reading: reading.description)
        }
        defer { position += 1 }
        if let expectedNames {
            try check(cell, as: Value.self, expectedName: position < expectedNames.count ? expectedNames[position] : nil)
        }
        return try Self.decode(cell, as: Value.self, position: position, reading: reading)
    }

    /// True when the next `count` cells are all NULL (a left join's unmatched side); the
    /// reader does not move.
    func nextCellsAreNull(_ count: Int) -> Bool {
        var lookahead = iterator
        for _ in 0..<count {
            guard let cell = lookahead.next() else { return true }
            if cell.bytes != nil { return false }
        }
        return true
    }

    private func check<Value: ColumnValue>(_ cell: PostgresCell, as type: Value.Type, expectedName: String?) throws {
        if let expectedName, cell.columnName != expectedName {
            throw RowDecodingError.missingColumn(expectedName, reading: reading.description)
        }
        guard Value.accepts(typeOID: cell.dataType.rawValue) else {
            throw RowDecodingError.typeMismatch(column: cell.columnName, position: position, typeOID: cell.dataType.rawValue,
                                                swiftType: "\(Value.self)", reading: reading.description)
        }
    }

    static func decode<Value: ColumnValue>(_ cell: PostgresCell, as type: Value.Type, position: Int, reading: ReadingName) throws -> Value {
        do {
            guard let bytes = cell.bytes else { return try Value.decodeNull() }
            let oid = cell.dataType.rawValue
            return try bytes.withUnsafeReadableBytes { try Value.decode(Cell(bytes: $0, typeOID: oid)) }
        } catch {
            throw RowDecodingError.badCell(column: cell.columnName, position: position, reading: reading.description, reason: "\(error)")
        }
    }
}

/// Reads the cells a type needs from a row whose columns are in another order (hand-written
/// SQL, `SELECT *` after a column was added or moved), matched by name.
struct NamedCellReader: RowReader {
    private let cells: PostgresRandomAccessRow
    private let positions: [Int]
    private var index = 0
    private let reading: ReadingName

    /// The row's position of each of `names`; throws when one is missing.
    static func positions(of names: [String], in row: PostgresRow, reading: ReadingName) throws -> [Int] {
        var byName: [String: Int] = [:]
        for (position, cell) in row.enumerated() where byName[cell.columnName] == nil {
            byName[cell.columnName] = position
        }
        return try names.map { name in
            guard let position = byName[name] else { throw RowDecodingError.missingColumn(name, reading: reading.description) }
            return position
        }
    }

    init(_ row: PostgresRow, positions: [Int], reading: ReadingName) {
        cells = PostgresRandomAccessRow(row)
        self.positions = positions
        self.reading = reading
    }

    mutating func next<Value: ColumnValue>(_ type: Value.Type) throws -> Value {
        guard index < positions.count else { throw RowDecodingError.tooFewColumns(found: index, reading: reading.description) }
        let position = positions[index]
        index += 1
        let cell = cells[position]
        guard Value.accepts(typeOID: cell.dataType.rawValue) else {
            throw RowDecodingError.typeMismatch(column: cell.columnName, position: position, typeOID: cell.dataType.rawValue,
                                                swiftType: "\(Value.self)", reading: reading.description)
        }
        return try PostgresRowReader.decode(cell, as: Value.self, position: position, reading: reading)
    }
}

extension PostgresRow {
    /// Decodes the row into a generated entity. Columns in the entity's own order (its select
    /// list, `SELECT *` of an unchanged table) are read positionally; any other order is
    /// matched by name. Types are checked against the entity's.
    ///
    /// The layout of the last row read positionally is remembered per type, so the rows of one
    /// result set decoded one by one are checked once, as ``EntityRowDecoder`` checks them.
    public func decode<E: Entity>(_ type: E.Type) throws -> E {
        let reading = ReadingName(E.self)
        let memory = RowLayoutMemory.shared
        if memory.matches(self, E.self) {
            var reader = PostgresRowReader(self, checking: nil, reading: reading)
            return try E(row: &reader)
        }
        let names = E.columnNames
        if count >= names.count && zip(self, names).allSatisfy({ $0.columnName == $1 }) {
            var reader = PostgresRowReader(self, checking: names, reading: reading)
            let value = try E(row: &reader)
            memory.remember(self, E.self)
            return value
        }
        var reader = NamedCellReader(self, positions: try NamedCellReader.positions(of: names, in: self, reading: reading), reading: reading)
        return try E(row: &reader)
    }
}

/// The rows of a result decoded into `E` as they arrive, in constant memory. The columns are
/// checked once, on the first row.
public struct EntityRowSequence<E: Entity>: AsyncSequence, Sendable {
    public typealias Element = E

    let rows: PostgresRowSequence

    public struct AsyncIterator: AsyncIteratorProtocol {
        var rows: PostgresRowSequence.AsyncIterator
        var decoder = EntityRowDecoder<E>()

        public mutating func next() async throws -> E? {
            guard let row = try await rows.next() else { return nil }
            return try decoder.decode(row)
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(rows: rows.makeAsyncIterator())
    }
}

/// Decodes the rows of one result set into `E`, as every EntityKitPostgres read does: the
/// first row settles how (positionally, or by name) and checks names and types; later rows
/// only read cells. Use one decoder per result set; ``PostgresNIO/PostgresRow/decode(_:)`` checks every
/// row instead.
public struct EntityRowDecoder<E: Entity> {
    private enum Mode {
        case undecided
        case positional
        case byName([Int])
    }

    private var mode = Mode.undecided
    private let reading = ReadingName(E.self)

    /// A decoder for a new result set.
    public init() {}

    /// The row as an `E`.
    public mutating func decode(_ row: PostgresRow) throws -> E {
        switch mode {
        case .positional:
            var reader = PostgresRowReader(row, checking: nil, reading: reading)
            return try E(row: &reader)
        case let .byName(positions):
            var reader = NamedCellReader(row, positions: positions, reading: reading)
            return try E(row: &reader)
        case .undecided:
            let names = E.columnNames
            if row.count >= names.count && zip(row, names).allSatisfy({ $0.columnName == $1 }) {
                var reader = PostgresRowReader(row, checking: names, reading: reading)
                let value = try E(row: &reader)
                mode = .positional
                return value
            }
            let positions = try NamedCellReader.positions(of: names, in: row, reading: reading)
            var reader = NamedCellReader(row, positions: positions, reading: reading)
            let value = try E(row: &reader)
            mode = .byName(positions)
            return value
        }
    }
}

extension PostgresRowSequence {
    /// The rows decoded into a generated entity as they arrive.
    public func decode<E: Entity>(_ type: E.Type) -> EntityRowSequence<E> {
        EntityRowSequence(rows: self)
    }
}
