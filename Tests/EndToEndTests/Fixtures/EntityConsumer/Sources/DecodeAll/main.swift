@_spi(Generated) import EntityKit
import EntityKitPostgres
import Foundation
import Models

// Reads every row of every generated entity twice — positionally, as generated code reads
// itself, and through the Codable path by column name — and checks that both give the same
// values. Prints `schema.table<TAB>rows`, or `FAILED schema.table<TAB>error`; exits 1 if any
// entity failed.

struct Mismatch: Error, CustomStringConvertible {
    let description: String
}

func rowCount<E: Entity>(_ type: E.Type, client: DatabaseClient) async throws -> Int {
    var rows = 0
    for row in try await client.rows(EntityQuery(E.self).selectStatement) {
        let positional = try row.decode(E.self)
        let byName = try row.decodeRow(E.self)
        var first = LiteralCollector()
        positional.write(to: &first)
        var second = LiteralCollector()
        byName.write(to: &second)
        if first.values != second.values {
            let column = zip(E.Column.allCases, zip(first.values, second.values)).first { $1.0 != $1.1 }
            throw Mismatch(description: "row \(rows + 1): the two decoding paths differ at \(column.map { "\($0.0.rawValue): \(String(describing: $0.1.0)) vs \(String(describing: $0.1.1))" } ?? "?")")
        }
        rows += 1
    }
    return rows
}

guard CommandLine.arguments.count == 2 else {
    print("usage: DecodeAll DATABASE_URL")
    exit(2)
}
let client = try DatabaseClient(connectionString: CommandLine.arguments[1])
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
