import BenchmarkModels
import EntityKitPostgres
import PostgresNIO

/// Decode-only: the same `PostgresRow`s, collected once, decoded by (a) hand-written
/// PostgresNIO tuples, (b) the generated path as every runtime read uses it
/// (`EntityRowDecoder`, what `all(_:)` runs), (c) the by-name `Decodable` path (`decodeRow`, for types users write themselves)
/// and (d) `row.decode(E.self)` on each row, what hand-written SQL uses.
struct DecodeBenchmark {
    let connection: PostgresConnection
    let passes: Int

    func run(rows counts: [Int], into report: inout RuntimeReport) async throws {
        for count in counts {
            let narrow = try await collect("SELECT \(columnsOf: BenchNarrow.self) FROM bench_narrow ORDER BY id LIMIT \(unsafeRaw: String(count))")
            try await measure("10 columns", narrow, handWritten: { blackHole(try NarrowRow(row: $0)) }, as: BenchNarrow.self, into: &report)
            let wide = try await collect("SELECT \(columnsOf: BenchWide.self) FROM bench_wide ORDER BY id LIMIT \(unsafeRaw: String(count))")
            try await measure("20 columns", wide, handWritten: { blackHole(try WideRow(row: $0)) }, as: BenchWide.self, into: &report)
            // The four fixture rows (every type, extremes, NULLs) repeated to `count` rows.
            let everyType = try await collect("""
                SELECT \(columnsOf: EveryType.self) FROM every_type CROSS JOIN generate_series(1, \(unsafeRaw: String(count / 4))) AS copies ORDER BY copies, id
                """)
            try await measure("every type (\(EveryType.Column.allCases.count) columns)", everyType, handWritten: nil, as: EveryType.self, into: &report)
        }
    }

    private func collect(_ sql: SQLFragment) async throws -> [PostgresRow] {
        try await connection.rows(sql.statement())
    }

    private func measure<E: Entity>(
        _ table: String, _ rows: [PostgresRow], handWritten: ((PostgresRow) throws -> Void)?, as type: E.Type,
        into report: inout RuntimeReport
    ) async throws {
        progress("decode-only: \(table), \(rows.count) rows…")
        var variants: [(String, () async throws -> Void)] = []
        if let handWritten {
            variants.append((RuntimeReport.handWritten, { for row in rows { try handWritten(row) } }))
        }
        variants.append((RuntimeReport.generated, {
            var decoder = EntityRowDecoder<E>()
            for row in rows { blackHole(try decoder.decode(row)) }
        }))
        variants.append((RuntimeReport.codable, { for row in rows { blackHole(try row.decodeRow(E.self)) } }))
        variants.append((RuntimeReport.rowDecode, { for row in rows { blackHole(try row.decode(E.self)) } }))
        let figures = try await Measure.compare(variants, units: rows.count, passes: passes)
        report.add(section: .decode, subject: "\(table), \(RuntimeReport.grouped(rows.count)) rows", figures: figures)
    }
}
