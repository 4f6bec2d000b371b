import BenchmarkModels
import EntityKitPostgres
import PostgresNIO

/// End to end: query, iterate and decode on one connection, (a) hand-written against (b)
/// `all(_:)` of a typed query.
struct EndToEndBenchmark {
    let connection: PostgresConnection
    let passes: Int

    func run(rows counts: [Int], into report: inout RuntimeReport) async throws {
        let logger = Logger.entityKitSilent
        for count in counts {
            let last = Int64(count)
            progress("end to end: \(count) rows…")
            let narrow = try await Measure.compare([
                (RuntimeReport.handWritten, {
                    var result: [NarrowRow] = []
                    let query: PostgresQuery = "SELECT \(unescaped: NarrowRow.columns) FROM bench_narrow WHERE id <= \(last)"
                    for try await row in try await connection.query(query, logger: logger) { result.append(try NarrowRow(row: row)) }
                    blackHole(result)
                }),
                (RuntimeReport.generated, { blackHole(try await connection.all(BenchNarrow.where { $0.id <= last })) }),
            ], units: count, passes: passes)
            report.add(section: .endToEnd, subject: "10 columns, \(RuntimeReport.grouped(count)) rows", figures: narrow)
            let wide = try await Measure.compare([
                (RuntimeReport.handWritten, {
                    var result: [WideRow] = []
                    let query: PostgresQuery = "SELECT \(unescaped: WideRow.columns) FROM bench_wide WHERE id <= \(last)"
                    for try await row in try await connection.query(query, logger: logger) { result.append(try WideRow(row: row)) }
                    blackHole(result)
                }),
                (RuntimeReport.generated, { blackHole(try await connection.all(BenchWide.where { $0.id <= last })) }),
            ], units: count, passes: passes)
            report.add(section: .endToEnd, subject: "20 columns, \(RuntimeReport.grouped(count)) rows", figures: wide)
        }
    }
}
