import BenchmarkModels
import EntityKitPostgres
import Foundation
import PostgresNIO
@_spi(Generated) import EntityKit

/// Inserting 10,000 rows of the 10-column table and reading them back (`RETURNING`): (a) a
/// hand-written multi-row INSERT with typed PostgresNIO binds (two statements, the parameter
/// limit, not atomic) against (b) `insert([Draft])`, which is one statement over one text
/// array per column (`INSERT … SELECT … FROM unnest(…)`), and (c) the runtime's multi-row
/// `VALUES` chunks inside one transaction, the other way to make insert-many all or nothing.
/// The rows are deleted between passes, outside the timed part.
struct InsertBenchmark {
    let connection: PostgresConnection
    let passes: Int
    let count = 10_000

    static func row(_ index: Int, id: Int64, base: Date) -> NarrowRow {
        let note: String? = index % 2 == 0 ? "A note about row \(index)" : nil
        let ratio: Double? = index % 3 == 0 ? nil : Double(index) / 7
        let createdAt = base.addingTimeInterval(Double(index) * 60)
        let deletedAt: Date? = index % 5 == 0 ? base.addingTimeInterval(Double(index)) : nil
        return NarrowRow(id: id, externalID: UUID(), name: "Customer name \(index)", code: "code-\(index % 1000)", note: note,
                         quantity: Int32(index), ratio: ratio, active: index % 2 == 0, createdAt: createdAt, deletedAt: deletedAt)
    }

    func run(into report: inout RuntimeReport) async throws {
        progress("insert of \(count) rows…")
        let firstID: Int64 = 10_000_000
        let base = Date(timeIntervalSince1970: 1_735_689_600)
        let rows = (0..<count).map { index -> NarrowRow in Self.row(index, id: firstID + Int64(index), base: base) }
        let drafts = rows.map { row in
            BenchNarrow.Draft(id: row.id, externalID: row.externalID, name: row.name, code: row.code, note: row.note, quantity: row.quantity,
                              ratio: row.ratio, active: row.active, createdAt: PGTimestamp(row.createdAt), deletedAt: row.deletedAt.map(PGTimestamp.init))
        }
        let logger = Logger.entityKitSilent
        let cleanUp: PostgresQuery = "DELETE FROM bench_narrow WHERE id >= \(firstID)"
        let figures = try await Measure.compare([
            (RuntimeReport.handWritten, {
                var stored: [NarrowRow] = []
                for statement in NarrowRow.insertStatements(rows) {
                    for try await row in try await connection.query(statement, logger: logger) { stored.append(try NarrowRow(row: row)) }
                }
                precondition(stored.count == count)
            }),
            (RuntimeReport.generated, {
                let stored = try await connection.insert(drafts)
                precondition(stored.count == count)
            }),
            (RuntimeReport.chunksInTransaction, {
                let stored = try await connection.transaction { transaction in
                    var stored: [BenchNarrow] = []
                    for statement in WriteStatements.insert(drafts) {
                        try await transaction.withRows(of: statement, isFixedShape: false, delivery: .collected, logger: logger) { rows in
                            var decoder = EntityRowDecoder<BenchNarrow>()
                            for try await row in rows { stored.append(try decoder.decode(row)) }
                        }
                    }
                    return stored
                }
                precondition(stored.count == count)
            }),
        ], units: count, passes: passes, reset: {
            try await connection.query(cleanUp, logger: logger)
            try await connection.query("VACUUM bench_narrow", logger: logger)
        })
        try await connection.query(cleanUp, logger: logger)
        report.add(section: .insert, subject: "10 columns, \(RuntimeReport.grouped(count)) rows", figures: figures)
    }
}
