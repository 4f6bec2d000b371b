import EntityKitPostgres
import Foundation

/// Runs statements on a client and records their SQL, so tests can assert how many statements
/// an operation sent and what they were.
final class RecordingRunner: PostgresQueryRunner, @unchecked Sendable {
    let client: DatabaseClient
    private let lock = NSLock()
    private var recorded: [String] = []

    init(_ client: DatabaseClient) {
        self.client = client
    }

    func withRows<Result>(
        of statement: SQLStatement, isFixedShape: Bool, delivery: RowDelivery, logger: Logger, _ body: (StatementRows) async throws -> Result
    ) async throws -> Result {
        lock.withLock { recorded.append(statement.sql) }
        return try await client.withRows(of: statement, isFixedShape: false, delivery: delivery, logger: logger, body)
    }

    /// Atomic as the client is, recording the transaction's statements.
    func atomically<Result: Sendable>(
        logger: Logger, _ body: (any PostgresQueryRunner) async throws -> Result
    ) async throws -> Result {
        try await client.atomically(logger: logger) { transaction in
            try await body(RecordingTransaction(base: transaction, recorder: self))
        }
    }

    fileprivate func record(_ sql: String) {
        lock.withLock { recorded.append(sql) }
    }

    /// The SQL of every statement sent since the last call, and forgets it.
    func takeStatements() -> [String] {
        lock.withLock {
            defer { recorded.removeAll() }
            return recorded
        }
    }
}

/// A transaction's runner that records its statements in a ``RecordingRunner``.
private struct RecordingTransaction: PostgresQueryRunner {
    let base: any PostgresQueryRunner
    let recorder: RecordingRunner

    func withRows<Result>(
        of statement: SQLStatement, isFixedShape: Bool, delivery: RowDelivery, logger: Logger, _ body: (StatementRows) async throws -> Result
    ) async throws -> Result {
        recorder.record(statement.sql)
        return try await base.withRows(of: statement, isFixedShape: isFixedShape, delivery: delivery, logger: logger, body)
    }
}
