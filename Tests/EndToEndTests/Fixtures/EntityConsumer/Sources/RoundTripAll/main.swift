import EntityKitPostgres
import Foundation
import Models

// Writes every row of every keyed entity back with `update` and checks that the stored row is the
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

func roundTrip<E: KeyedEntity>(_ type: E.Type, client: PostgresClient) async throws -> String {
    let rows = try await client.all(E.self)
    for row in rows {
        guard let stored = try await client.update(row) else {
            throw Failure(description: "update found no row with key \(row.primaryKey)")
        }
        guard try canonical(stored) == canonical(row) else {
            throw Failure(description: "written back, \(row) became \(stored)")
        }
    }
    var inserted = 0
    let keyColumns = Set(E.primaryKeyColumns)
    if let first = rows.first, keyColumns.allSatisfy({ $0.definition.hasDatabaseValue }) {
        let copy = try await client.insert(first, leavingOut: keyColumns)
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
let client = try PostgresClient(url: CommandLine.arguments[1])
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
