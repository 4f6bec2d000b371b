import EntityKit
import PostgresNIO

/// A runner that sends every statement unnamed, parsed and planned on every call: for a pooler
/// in transaction mode (PgBouncer before 1.21, or without `max_prepared_statements`), which may
/// run a statement on another server connection than the one that prepared it.
///
/// ```swift
/// let db = try PostgresClient(url: url).unprepared
/// let user = try await db.find(User.self, key: id)              // unnamed
/// try await db.transaction { tx in try await tx.delete(User.self, key: id) }   // unnamed too
/// ```
public struct Unprepared<Base: PostgresQueryRunner>: PostgresQueryRunner {
    /// The runner that runs the statements.
    public let base: Base

    /// Wraps `base`; ``PostgresQueryRunner/unprepared`` spells the same.
    public init(_ base: Base) {
        self.base = base
    }

    public func runQuery(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRowSequence {
        try await base.runQuery(query, logger: logger)
    }

    /// Always unnamed.
    public func runFixedShape(_ statement: SQLStatement, logger: Logger) async throws -> StatementRows {
        StatementRows(try await base.runQuery(statement.postgresQuery, logger: logger))
    }
}

extension PostgresQueryRunner {
    /// This runner, sending every statement unnamed (see ``Unprepared``).
    public var unprepared: Unprepared<Self> { Unprepared(self) }
}

extension Unprepared where Base == PostgresClient {
    /// Leases a connection and runs `body` in a transaction on it, every statement unnamed.
    public func transaction<Result>(
        _ options: TransactionOptions = TransactionOptions(), logger: Logger = .entityKitSilent,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (Transaction) async throws -> sending Result
    ) async throws -> sending Result {
        try await base.transaction(options, preparation: .unnamed, logger: logger, isolation: isolation, body)
    }
}

extension Unprepared where Base == PostgresConnection {
    /// Runs `body` in a transaction on the connection, every statement unnamed.
    public func transaction<Result>(
        _ options: TransactionOptions = TransactionOptions(), logger: Logger = .entityKitSilent,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (Transaction) async throws -> sending Result
    ) async throws -> sending Result {
        try await base.transaction(options, preparation: .unnamed, logger: logger, isolation: isolation, body)
    }
}
