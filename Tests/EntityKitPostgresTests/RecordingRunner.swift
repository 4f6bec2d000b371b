import EntityKitPostgres
import Foundation

/// Runs statements on a client and records their SQL, so tests can assert how many statements
/// an operation sent and what they were.
final class RecordingRunner: PostgresQueryRunner, @unchecked Sendable {
    let client: PostgresClient
    private let lock = NSLock()
    private var recorded: [String] = []

    init(_ client: PostgresClient) {
        self.client = client
    }

    func runQuery(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRowSequence {
        lock.withLock { recorded.append(query.sql) }
        return try await client.query(query, logger: logger)
    }

    /// The SQL of every statement sent since the last call, and forgets it.
    func takeStatements() -> [String] {
        lock.withLock {
            defer { recorded.removeAll() }
            return recorded
        }
    }
}
