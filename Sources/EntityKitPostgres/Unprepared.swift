import EntityKit
import PostgresNIO

/// A runner that sends every statement unnamed, parsed and planned on every call: for a pooler
/// in transaction mode (PgBouncer before 1.21, or without `max_prepared_statements`), which may
/// run a statement on another server connection than the one that prepared it.
///
/// ```swift
/// let db = try DatabaseClient(connectionString: url).unprepared
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

    /// Runs the statement on the base runner, unnamed even when it is a fixed shape.
    public func withRows<Result>(
        of statement: SQLStatement, isFixedShape: Bool, delivery: RowDelivery, logger: Logger, _ body: (StatementRows) async throws -> Result
    ) async throws -> Result {
        try await base.withRows(of: statement, isFixedShape: false, delivery: delivery, logger: logger, body)
    }
}

extension Unprepared {
    /// Runs `body` atomically as the base runner does (its statements are never fixed shapes).
    public func atomically<Result: Sendable>(
        logger: Logger, _ body: (any PostgresQueryRunner) async throws -> Result
    ) async throws -> Result {
        try await base.atomically(logger: logger, body)
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
