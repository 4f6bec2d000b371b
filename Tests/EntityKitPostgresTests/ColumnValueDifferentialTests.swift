import EntityKit
@testable import EntityKitPostgres
import Foundation
import PostgresNIO
import Testing
import LiveTestSupport
import TestSupport

/// Every cell of every type in Tests/Fixtures/round_trip.sql, read twice: by `ColumnValue.decode`
/// from the cell's bytes, and by the Codable path (`CellDecoding`, what `decodeRow` uses). The
/// values must be the same, and so must the literals each path writes them back as.
@Suite("ColumnValue decoding against the Codable path", .serialized, .enabled(if: TestEnvironment.runsLiveTests, Comment(rawValue: TestEnvironment.liveTestsSkipReason)))
final class ColumnValueDifferentialTests: Sendable {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase.create("column_values")
        let fixture = TestEnvironment.packageRoot.appendingPathComponent("Tests/Fixtures/round_trip.sql")
        try database.execute(String(contentsOf: fixture, encoding: .utf8))
    }

    deinit {
        database.drop()
    }

    @Test func everyCellOfTheGeneratedEntityDecodesAsTheCodablePathDecodes() async throws {
        let report = try await withClient(database.url) { client in
            var report = DifferentialReport()
            // The generated select list: columns without a binary reader come through their read cast.
            for try await row in try await client.run(EveryType.order { $0.id.ascending }.selectStatement) {
                var reader = ColumnValueReader(row: row)
                let new = try EveryType(row: &reader)
                let old = try row.decodeRow(EveryType.self)
                report.add(try Self.compare(new, old, typeOIDs: reader.typeOIDs), row: new.id)
            }
            return report
        }
        #expect(report.rows == 4)
        #expect(report.cells == 4 * EveryType.Column.allCases.count)
        #expect(report.nonNullCells > 100, "the fixture's cells are mostly NULL: \(report.nonNullCells)")
        #expect(report.mismatches.isEmpty, "\(report.mismatches.count) cells differ:\n\(report.mismatches.joined(separator: "\n"))")
    }

    /// Compares the entity read positionally through `ColumnValue` with the one `decodeRow`
    /// read through Codable, property by property, and the literals `write(to:)` and
    /// `LiteralEncoder` write for them.
    static func compare(_ new: EveryType, _ old: EveryType, typeOIDs: [UInt32]) throws -> [Comparison] {
        var newLiterals = LiteralCollector()
        new.write(to: &newLiterals)
        let oldLiterals = Dictionary(try LiteralEncoder.fields(of: old).map { ($0.key, $0.value.text) }, uniquingKeysWith: { first, _ in first })
        let newValues = Array(Mirror(reflecting: new).children)
        let oldValues = Array(Mirror(reflecting: old).children)
        let columns = EveryType.Column.allCases
        precondition(newValues.count == columns.count && oldValues.count == columns.count && typeOIDs.count == columns.count)
        return columns.enumerated().map { index, column in
            let newValue = newValues[index].value, oldValue = oldValues[index].value
            var difference: String?
            if !DifferentialReader.same(newValue, oldValue) {
                difference = "values differ: \(String(reflecting: newValue)) ≠ \(String(reflecting: oldValue))"
            } else if newLiterals.values[index]?.text != oldLiterals[column.rawValue] ?? nil {
                difference = "literals differ: \(newLiterals.values[index]?.text ?? "NULL") ≠ \((oldLiterals[column.rawValue] ?? nil) ?? "NULL")"
            }
            return Comparison(column: column.rawValue, typeOID: typeOIDs[index], isNull: newLiterals.values[index] == .null,
                              difference: difference, isExpected: false)
        }
    }

    /// `Date`, `Decimal` and JSON-backed `Codable` types are not generated, but a type override
    /// may choose them.
    @Test func overrideTypesDecodeAsTheCodablePathDecodes() async throws {
        let report = try await withClient(database.url) { client in
            var report = DifferentialReport()
            let sql = "SELECT instant, moment, day, exact, exact_scaled, amounts, document, binary_document FROM every_type ORDER BY id"
            for try await row in try await client.run(SQLStatement(sql: sql)) {
                var reader = DifferentialReader(row: row, infiniteDatesMayFail: true)
                // A cell neither path reads throws; the comparison is recorded first.
                _ = try? reader.next(Date?.self)
                _ = try? reader.next(Date?.self)
                _ = try? reader.next(Date?.self)
                _ = try? reader.next(Decimal?.self)
                _ = try? reader.next(Decimal?.self)
                _ = try? reader.next([Decimal?]?.self)
                _ = try? reader.next(JSONDocument?.self)
                _ = try? reader.next(JSONDocument?.self)
                report.add(reader.comparisons, row: Int32(report.rows + 1))
            }
            return report
        }
        #expect(report.cells == 4 * 8)
        #expect(report.mismatches.isEmpty, "\(report.mismatches.count) cells differ:\n\(report.mismatches.joined(separator: "\n"))")
        // Row 2 holds infinity in `instant`, `moment` and `day`, row 3 -infinity in `instant`:
        // the Codable path gives infinitely distant dates, which ColumnValue refuses.
        #expect(report.expectedDifferences == 4, "\(report.expectedDifferences)")
    }
}

extension ColumnValueDifferentialTests {
    /// The one difference in values: the Codable path read an optional `json` or `jsonb` array
    /// element through `JSONDecoder` and wrote it out again (keys sorted, `2.50` as `2.5`);
    /// `ColumnValue` keeps the server's text, as it does for a column.
    @Test func optionalJSONArrayElementsKeepTheServersText() async throws {
        let (new, old) = try await withClient(database.url) { client in
            var values: ([PGJSON?], [PGJSON?]) = ([], [])
            let sql = #"SELECT ARRAY['{"b": 1, "a": 2.50}'::jsonb, NULL] AS documents"#
            for try await row in try await client.run(SQLStatement(sql: sql)) {
                for cell in row {
                    values = (try DifferentialReader.decodeNew([PGJSON?].self, cell), try DifferentialReader.decodeOld([PGJSON?].self, cell))
                }
            }
            return values
        }
        #expect(new.map { $0?.postgresLiteral } == [#"{"a": 2.50, "b": 1}"#, nil])
        #expect(old.map { $0?.postgresLiteral } == [#"{"a":2.5,"b":1}"#, nil])
    }
}

/// A json column read into a Codable type of one's own.
struct JSONDocument: JSONColumnValue, Hashable {
    var a: [JSONValue]?
    var b: Int?
}

/// What the two paths made of one cell.
struct Comparison: Sendable {
    let column: String
    let typeOID: UInt32
    let isNull: Bool
    /// Nil when they agree; else what differed.
    let difference: String?
    /// The difference is one the new path makes on purpose.
    let isExpected: Bool
}

struct DifferentialReport: Sendable {
    var rows = 0
    var cells = 0
    var nonNullCells = 0
    var expectedDifferences = 0
    var mismatches: [String] = []

    mutating func add(_ comparisons: [Comparison], row: Int32) {
        rows += 1
        for comparison in comparisons {
            cells += 1
            if !comparison.isNull { nonNullCells += 1 }
            guard let difference = comparison.difference else { continue }
            if comparison.isExpected {
                expectedDifferences += 1
            } else {
                mismatches.append("row \(row) \(comparison.column) (type OID \(comparison.typeOID)): \(difference)")
            }
        }
    }
}

/// Reads cells with `ColumnValue` only, as `PostgresRowReader` does, and notes their types.
struct ColumnValueReader: RowReader {
    private var iterator: PostgresRow.Iterator
    private(set) var typeOIDs: [UInt32] = []

    init(row: PostgresRow) {
        iterator = row.makeIterator()
    }

    mutating func next<Value: ColumnValue>(_ type: Value.Type) throws -> Value {
        guard let cell = iterator.next() else { throw TestDatabaseError("the row has fewer cells than \(Value.self) reads") }
        typeOIDs.append(cell.dataType.rawValue)
        return try DifferentialReader.decodeNew(Value.self, cell)
    }
}

/// Reads each cell with both paths, records how they compare, and hands on the new path's
/// value (or the old one's, when only the new path failed, so the rest of the row is still
/// compared).
struct DifferentialReader: RowReader {
    private var iterator: PostgresRow.Iterator
    private(set) var comparisons: [Comparison] = []
    /// Accept `ColumnValue`'s refusal of the infinite dates the Codable path returns.
    var infiniteDatesMayFail = false

    init(row: PostgresRow, infiniteDatesMayFail: Bool = false) {
        iterator = row.makeIterator()
        self.infiniteDatesMayFail = infiniteDatesMayFail
    }

    mutating func next<Value: ColumnValue>(_ type: Value.Type) throws -> Value {
        guard let cell = iterator.next() else { throw TestDatabaseError("the row has fewer cells than \(Value.self) reads") }
        let new = Result { try Self.decodeNew(Value.self, cell) }
        let old = Result { try Self.decodeOld(Value.self, cell) }
        var difference: String?
        var isExpected = false
        switch (new, old) {
        case let (.success(newValue), .success(oldValue)):
            if !Self.same(newValue, oldValue) {
                difference = "values differ: \(String(reflecting: newValue)) ≠ \(String(reflecting: oldValue))"
            } else {
                let newLiteral = newValue.sqlLiteral.text
                let oldLiteral = try Self.oldLiteral(oldValue)
                // JSONEncoder orders keys as it likes; the new path sorts them.
                if newLiteral != oldLiteral, !Self.sameJSON(newLiteral, oldLiteral) {
                    difference = "literals differ: \(newLiteral ?? "NULL") ≠ \(oldLiteral ?? "NULL")"
                }
            }
        case (.failure, .failure):
            break
        case let (.failure(error), .success(oldValue)):
            difference = "only ColumnValue failed: \(error); Codable read \(String(reflecting: oldValue))"
            isExpected = infiniteDatesMayFail && Self.isInfiniteDate(oldValue)
        case let (.success(newValue), .failure(error)):
            difference = "only Codable failed: \(error); ColumnValue read \(String(reflecting: newValue))"
        }
        comparisons.append(Comparison(column: cell.columnName, typeOID: cell.dataType.rawValue, isNull: cell.bytes == nil,
                                      difference: difference, isExpected: isExpected))
        if case .failure = new, case let .success(oldValue) = old { return oldValue }
        return try new.get()
    }

    /// The new path: the cell's bytes, as `PostgresRowReader` hands them to `ColumnValue`.
    static func decodeNew<Value: ColumnValue>(_ type: Value.Type, _ cell: PostgresCell) throws -> Value {
        guard let bytes = cell.bytes else { return try Value.decodeNull() }
        let oid = cell.dataType.rawValue
        return try bytes.withUnsafeReadableBytes { try Value.decode(Cell(bytes: $0, typeOID: oid)) }
    }

    /// Today's path: `CellDecoding`, as `PostgresRow.decodeRow` runs it per column. A property
    /// of optional type is read as synthesized `Decodable` code reads it, with
    /// `decodeIfPresent`: NULL is nil, anything else is read as the wrapped type.
    static func decodeOld<Value>(_ type: Value.Type, _ cell: PostgresCell) throws -> Value {
        func decode<D: Decodable>(_ type: D.Type) throws -> D {
            try CellDecoding.decode(type, from: CellValue(cell), codingPath: [])
        }
        if let optional = Value.self as? any OptionalValue.Type, let wrapped = optional.wrappedDecodable {
            guard cell.bytes != nil else { return optional.wrapping(nil) as! Value }
            return optional.wrapping(try decode(wrapped)) as! Value
        }
        guard let decodable = Value.self as? any Decodable.Type else { throw TestDatabaseError("\(Value.self) is not Decodable") }
        return try decode(decodable) as! Value
    }

    /// The literal today's `LiteralEncoder` writes for `value`.
    static func oldLiteral<Value>(_ value: Value) throws -> String? {
        guard let encodable = value as? any Encodable else { throw TestDatabaseError("\(Value.self) is not Encodable") }
        return try LiteralEncoder.literal(encodable).text
    }

    /// Equal dumps (NaN is not equal to itself), or equal values (dictionaries dump in
    /// whatever order they hold their keys).
    static func same(_ lhs: Any, _ rhs: Any) -> Bool {
        if String(reflecting: lhs) == String(reflecting: rhs) { return true }
        guard let equatable = lhs as? any Equatable else { return false }
        return equatable.isEqual(to: rhs)
    }

    static func sameJSON(_ lhs: String?, _ rhs: String?) -> Bool {
        guard let lhs, let rhs,
              let left = try? JSONDecoder().decode(JSONValue.self, from: Data(lhs.utf8)),
              let right = try? JSONDecoder().decode(JSONValue.self, from: Data(rhs.utf8)) else { return false }
        return left == right
    }

    static func isInfiniteDate(_ value: Any) -> Bool {
        guard let date = value as? Date? else { return false }
        return date.map { !$0.timeIntervalSinceReferenceDate.isFinite } ?? false
    }
}

/// Optionals, so that the Codable path can be run on the wrapped type.
protocol OptionalValue {
    static var wrappedDecodable: (any Decodable.Type)? { get }
    static func wrapping(_ value: Any?) -> Self
}

extension Optional: OptionalValue {
    static var wrappedDecodable: (any Decodable.Type)? { Wrapped.self as? any Decodable.Type }
    static func wrapping(_ value: Any?) -> Self { value.map { $0 as! Wrapped } }
}

extension Equatable {
    fileprivate func isEqual(to other: Any) -> Bool {
        (other as? Self) == self
    }
}
