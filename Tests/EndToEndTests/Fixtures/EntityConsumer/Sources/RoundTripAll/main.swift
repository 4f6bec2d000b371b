@_spi(Generated) import EntityKit
import EntityKitPostgres
import Foundation
import Models

// Writes every column of every row of every keyed entity back with an UPDATE and checks that the stored row is the
// same value. When the database fills in every key column (identity, default), it also inserts a
// copy of the first row, checks the copy equals the original outside the key, and deletes it.
// Prints `schema.table<TAB>updated N, inserted M`, or `FAILED schema.table<TAB>error`; exits 1
// if any entity failed. Computed and GENERATED ALWAYS columns are never written: a write to one
// would fail here.

struct Failure: Error, CustomStringConvertible {
    let description: String
}

/// The row as sorted JSON, without `leaving` keys: equal values give equal bytes.
func canonical<E: Entity>(_ row: E, leaving keys: Set<String> = []) throws -> Data {
    guard var object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(row)) as? [String: Any] else {
        throw Failure(description: "a row did not encode as a JSON object")
    }
    for key in keys { object.removeValue(forKey: key) }
    return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
}

/// Each column's literal in the row, by column.
func literals<E: Entity>(of row: E) -> [(column: E.Column, literal: SQLLiteral)] {
    var collector = LiteralCollector()
    row.write(to: &collector)
    return zip(E.Column.allCases, collector.literals).map { ($0, $1) }
}

func roundTrip<E: KeyedEntity>(_ type: E.Type, client: DatabaseClient) async throws -> String {
    let rows = try await client.all(E.self)
    for row in rows {
        // Every writable column written back, not only changed ones: the write must be exact.
        let assignments = literals(of: row).filter { !$0.column.definition.isReadOnly }
            .map { ColumnAssignment<E>($0.column, SQLFragment(literal: $0.literal)) }
        guard !assignments.isEmpty else { continue }
        guard let stored = try await client.update(E.self, key: row.primaryKey, set: { _ in assignments }) else {
            throw Failure(description: "update found no row with key \(row.primaryKey)")
        }
        guard try canonical(stored) == canonical(row) else {
            throw Failure(description: "written back, \(row) became \(stored)")
        }
    }
    var inserted = 0
    let keyColumns = Set(E.primaryKeyColumns)
    if let first = rows.first, keyColumns.allSatisfy({ $0.definition.hasDatabaseValue }) {
        // A copy with the key left to the database.
        let written = literals(of: first).filter { !$0.column.definition.isReadOnly && !keyColumns.contains($0.column) }
        var insert = SQLFragment(sql: "INSERT INTO \(E.qualifiedTableName) ")
        if written.isEmpty {
            insert.append(sql: "DEFAULT VALUES")
        } else {
            insert.append(sql: "(" + written.map(\.column.quotedName).joined(separator: ", ") + ") VALUES (")
            insert.append(.joined(written.map { SQLFragment(literal: $0.literal) }, separator: ", "))
            insert.append(sql: ")")
        }
        insert.append(sql: " RETURNING \(E.selectList())")
        guard let copy = try await client.query(insert, as: E.self).first else { throw Failure(description: "the copy was not inserted") }
        let keys = Set(keyColumns.map(\.rawValue))
        guard try canonical(copy, leaving: keys) == canonical(first, leaving: keys), copy.primaryKey != first.primaryKey else {
            throw Failure(description: "inserted as a copy, \(first) became \(copy)")
        }
        guard try await client.delete(copy) else { throw Failure(description: "the inserted copy could not be deleted") }
        inserted = 1
    }
    return "updated \(rows.count), inserted \(inserted)"
}

guard CommandLine.arguments.count == 2 else {
    print("usage: RoundTripAll DATABASE_URL")
    exit(2)
}
let client = try DatabaseClient(connectionString: CommandLine.arguments[1])
let running = Task { await client.run() }
var failures = 0
for entity in DatabaseSchema.entities {
    guard let keyed = entity as? any KeyedEntity.Type else { continue }
    do {
        let summary = try await roundTrip(keyed, client: client)
        print("\(entity.schemaName).\(entity.tableName)\t\(summary)")
    } catch {
        failures += 1
        print("FAILED \(entity.schemaName).\(entity.tableName)\t\(String(reflecting: error).replacingOccurrences(of: "\n", with: " "))")
    }
}
running.cancel()
exit(failures == 0 ? 0 : 1)
