import EntityKitPostgres
import Foundation
import Models

// Reads every row of every generated entity and prints `schema.table<TAB>rows`, or
// `FAILED schema.table<TAB>error`; exits 1 if any entity failed.

func rowCount<E: Entity>(_ type: E.Type, client: PostgresClient) async throws -> Int {
    try await client.all(type).count
}

guard CommandLine.arguments.count == 2 else {
    print("usage: DecodeAll DATABASE_URL")
    exit(2)
}
let client = try PostgresClient(url: CommandLine.arguments[1])
let running = Task { await client.run() }
var failures = 0
for entity in DatabaseSchema.entities {
    do {
        let count = try await rowCount(entity, client: client)
        print("\(entity.schemaName).\(entity.tableName)\t\(count)")
    } catch {
        failures += 1
        print("FAILED \(entity.schemaName).\(entity.tableName)\t\(String(reflecting: error).replacingOccurrences(of: "\n", with: " "))")
    }
}
running.cancel()
exit(failures == 0 ? 0 : 1)
