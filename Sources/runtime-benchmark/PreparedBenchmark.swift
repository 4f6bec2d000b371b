import BenchmarkModels
import EntityKitPostgres
import PostgresNIO

/// Finds by primary key, one at a time, 10,000 per pass: unnamed statements (parsed and
/// planned on every call, `Unprepared`) against named prepared ones (the default), on one
/// connection and on a pooled client. Every key exists.
struct PreparedBenchmark {
    let url: String
    let connection: PostgresConnection
    let passes: Int
    let finds = 10_000

    func run(into report: inout RuntimeReport) async throws {
        let keys = (0..<finds).map { Int64($0 % 10_000 + 1) }
        progress("find by key, \(finds) times on a connection…")
        try await report.add(section: .prepared, subject: "one connection", figures: compare(connection, keys: keys))

        progress("find by key, \(finds) times on a client…")
        let client = try PostgresClient(url: url)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            try await report.add(section: .prepared, subject: "pooled client", figures: compare(client, keys: keys))
            group.cancelAll()
        }
    }

    private func compare(_ runner: some PostgresQueryRunner, keys: [Int64]) async throws -> [String: Figures] {
        let unprepared = runner.unprepared
        return try await Measure.compare([
            (RuntimeReport.unnamed, {
                for key in keys { blackHole(try await unprepared.find(BenchNarrow.self, key: key)) }
            }),
            (RuntimeReport.prepared, {
                for key in keys { blackHole(try await runner.find(BenchNarrow.self, key: key)) }
            }),
        ], units: keys.count, passes: passes)
    }
}
