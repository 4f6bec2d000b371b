import BenchmarkModels
import EntityKitPostgres
import Foundation
import PostgresNIO

/// Finds by primary key, one at a time, 10,000 per pass: unnamed statements (parsed and
/// planned on every call, `Unprepared`) against named prepared ones (the default), on one
/// connection (with PostgresNIO's own `PostgresPreparedStatement` of the same query as the
/// floor), on PostgresNIO's pooled client and on the runtime's `DatabaseClient`. Every key
/// exists.
struct PreparedBenchmark {
    let url: String
    let connection: PostgresConnection
    let passes: Int
    let finds = 10_000
    let pairs = 2_000

    func run(into report: inout RuntimeReport) async throws {
        let keys = (0..<finds).map { Int64($0 % 10_000 + 1) }
        progress("find by key, \(finds) times on a connection…")
        try await report.add(
            section: .prepared, subject: "find by key, one connection", figures: compare(connection, keys: keys, handWritten: connection))

        progress("insert one draft and delete it by key, \(pairs) times on a connection…")
        try await report.add(section: .prepared, subject: "insert one + delete by key, one connection",
                             figures: compareWrites(connection, handWritten: connection))

        progress("find by key, \(finds) times on a client…")
        let client = try PostgresClient(connectionString: url)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            try await report.add(section: .prepared, subject: "find by key, PostgresNIO's PostgresClient", figures: compare(client, keys: keys))
            group.cancelAll()
        }

        progress("find by key, \(finds) times on a DatabaseClient…")
        let database = try DatabaseClient(connectionString: url)
        try await report.add(section: .prepared, subject: "find by key, DatabaseClient", figures: compare(database, keys: keys))
        await database.shutdown()
    }

    /// One-row inserts and deletes by key: `pairs` rows inserted and deleted again per pass. With
    /// `handWritten`, also the same as PostgresNIO prepared statements with typed binds on that
    /// connection: the driver reports each write at the server's answer, before its implicit
    /// commit, which the runtime waits for (one more round trip per write, see
    /// `CommitConfirmation`), so most of the difference is what that confirmation costs.
    private func compareWrites(_ runner: some PostgresQueryRunner, handWritten connection: PostgresConnection? = nil) async throws -> [String: Figures] {
        let unprepared = runner.unprepared
        let rows = (0..<pairs).map { index in
            InsertBenchmark.row(index, id: 20_000_000 + Int64(index), base: Date(timeIntervalSince1970: 1_735_689_600))
        }
        let drafts = rows.map { row in
            BenchNarrow.Draft(id: row.id, externalID: row.externalID, name: row.name, code: row.code, note: row.note, quantity: row.quantity,
                              ratio: row.ratio, active: row.active, createdAt: PGTimestamp(row.createdAt), deletedAt: row.deletedAt.map(PGTimestamp.init))
        }
        func insertAndDelete(_ runner: some PostgresQueryRunner) async throws {
            for draft in drafts {
                let stored = try await runner.insert(draft)
                guard try await runner.delete(BenchNarrow.self, key: stored.id) else { throw BenchmarkError("the row was not deleted") }
            }
        }
        var variants: [(String, () async throws -> Void)] = [
            (RuntimeReport.unnamed, { try await insertAndDelete(unprepared) }),
            (RuntimeReport.prepared, { try await insertAndDelete(runner) }),
        ]
        if let connection {
            let logger = Logger.entityKitSilent
            variants.insert((RuntimeReport.handWritten, {
                for row in rows {
                    for try await stored in try await connection.execute(InsertNarrow(row: row), logger: logger) { blackHole(stored) }
                    // The overload that returns the command tag trips a precondition in PostgresNIO
                    // 1.33 (PSQLRowStream.commandTag) when the server answers quickly: read the
                    // (empty) row sequence instead.
                    for try await _ in try await connection.execute(DeleteNarrowByKey(id: row.id), logger: logger) {}
                }
            }), at: 0)
        }
        return try await Measure.compare(variants, units: drafts.count, passes: passes)
    }

    /// Finds through `runner`, unnamed and prepared; with `handWritten`, also PostgresNIO's own
    /// `PostgresPreparedStatement` of the same query on that connection, the floor.
    private func compare(
        _ runner: some PostgresQueryRunner, keys: [Int64], handWritten connection: PostgresConnection? = nil
    ) async throws -> [String: Figures] {
        let unprepared = runner.unprepared
        var variants: [(String, () async throws -> Void)] = [
            (RuntimeReport.unnamed, {
                for key in keys { blackHole(try await unprepared.find(BenchNarrow.self, key: key)) }
            }),
            (RuntimeReport.prepared, {
                for key in keys { blackHole(try await runner.find(BenchNarrow.self, key: key)) }
            }),
        ]
        if let connection {
            let logger = Logger.entityKitSilent
            variants.insert((RuntimeReport.handWritten, {
                for key in keys {
                    for try await row in try await connection.execute(FindNarrowByKey(id: key), logger: logger) { blackHole(row) }
                }
            }), at: 0)
        }
        return try await Measure.compare(variants, units: keys.count, passes: passes)
    }
}
