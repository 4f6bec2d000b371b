import EntityKit
import PostgresNIO

/// How a transaction runs.
public struct TransactionOptions: Sendable, Hashable {
    /// The SQL isolation levels PostgreSQL implements.
    public enum Isolation: String, Sendable, Hashable {
        /// Each statement sees the data committed before it began: PostgreSQL's default.
        case readCommitted = "READ COMMITTED"
        /// Every statement sees one snapshot, taken at the transaction's first statement; a
        /// write to a row changed concurrently fails with a serialization failure.
        case repeatableRead = "REPEATABLE READ"
        /// As if the transactions had run one after another; the server aborts one of two
        /// transactions whose results would differ from every serial order (SQLSTATE 40001),
        /// so run these with ``TransactionOptions/attempts`` above 1.
        case serializable = "SERIALIZABLE"
    }

    /// The isolation level; nil keeps the server's default (`READ COMMITTED` unless configured).
    public var isolation: Isolation?
    /// `READ ONLY`: writes fail.
    public var readOnly: Bool
    /// How many times in all to run the transaction when it fails with a serialization
    /// failure (SQLSTATE 40001) or a deadlock (40P01), which the server expects the client to
    /// retry. 1 runs it once. The body must then be safe to run again: only its database
    /// work is rolled back.
    public var attempts: Int

    /// Options for `BEGIN [ISOLATION LEVEL …] [READ ONLY]`; `attempts` below 1 counts as 1.
    /// The defaults are a plain `BEGIN`, run once.
    public init(isolation: Isolation? = nil, readOnly: Bool = false, attempts: Int = 1) {
        self.isolation = isolation
        self.readOnly = readOnly
        self.attempts = max(1, attempts)
    }

    /// `SERIALIZABLE`, retried up to `attempts` times on serialization failures.
    public static func serializable(attempts: Int = 3) -> TransactionOptions {
        TransactionOptions(isolation: .serializable, attempts: attempts)
    }

    var beginStatement: String {
        var text = "BEGIN"
        if let isolation { text += " ISOLATION LEVEL \(isolation.rawValue)" }
        if readOnly { text += " READ ONLY" }
        return text
    }
}

/// An open transaction on one connection: every EntityKitPostgres operation runs in it.
/// Nested ``transaction(logger:isolation:_:)`` calls are savepoints: a nested failure rolls back only its own
/// work.
public struct Transaction: PostgresQueryRunner {
    /// The connection the transaction holds.
    public let connection: PostgresConnection
    /// 0 for the transaction itself, 1 for a savepoint inside it, and so on.
    public let depth: Int
    /// How fixed-shape statements are sent: as the runner that began the transaction sends them.
    public let statementPreparation: StatementPreparation

    init(connection: PostgresConnection, depth: Int, statementPreparation: StatementPreparation) {
        self.connection = connection
        self.depth = depth
        self.statementPreparation = statementPreparation
    }

    public func runQuery(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRowSequence {
        try await connection.query(query, logger: logger)
    }

    public func runFixedShape(_ statement: SQLStatement, logger: Logger) async throws -> StatementRows {
        switch statementPreparation {
        case .prepared: try await connection.runFixedShape(statement, logger: logger)
        case .unnamed: StatementRows(try await connection.query(statement.postgresQuery, logger: logger))
        }
    }

    /// Runs `body` inside a savepoint: released when it returns, rolled back to when it throws
    /// (the error is rethrown; the outer transaction goes on).
    public func transaction<Result>(
        logger: Logger = .entityKitSilent, isolation: isolated (any Actor)? = #isolation,
        _ body: (Transaction) async throws -> sending Result
    ) async throws -> sending Result {
        let savepoint = "entitykit_savepoint_\(depth + 1)"
        try await connection.query(PostgresQuery(unsafeSQL: "SAVEPOINT \(savepoint)"), logger: logger)
        let result: Result
        do {
            result = try await body(Transaction(connection: connection, depth: depth + 1, statementPreparation: statementPreparation))
        } catch {
            try await connection.query(PostgresQuery(unsafeSQL: "ROLLBACK TO SAVEPOINT \(savepoint)"), logger: logger)
            throw error
        }
        try await connection.query(PostgresQuery(unsafeSQL: "RELEASE SAVEPOINT \(savepoint)"), logger: logger)
        return result
    }
}

extension PostgresConnection {
    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws (the
    /// error is rethrown as is). Retried on serialization failures as `options` say.
    public func transaction<Result>(
        _ options: TransactionOptions = TransactionOptions(), logger: Logger = .entityKitSilent,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (Transaction) async throws -> sending Result
    ) async throws -> sending Result {
        try await transaction(options, preparation: .prepared, logger: logger, isolation: isolation, body)
    }

    func transaction<Result>(
        _ options: TransactionOptions, preparation: StatementPreparation, logger: Logger,
        isolation: isolated (any Actor)?, _ body: (Transaction) async throws -> sending Result
    ) async throws -> sending Result {
        var attempt = 1
        while true {
            do {
                return try await runTransactionOnce(options, preparation: preparation, logger: logger, isolation: isolation, body)
            } catch let error as PSQLError where attempt < options.attempts && error.isRetryableTransactionFailure {
                attempt += 1
            }
        }
    }

    private func runTransactionOnce<Result>(
        _ options: TransactionOptions, preparation: StatementPreparation, logger: Logger, isolation: isolated (any Actor)?,
        _ body: (Transaction) async throws -> sending Result
    ) async throws -> sending Result {
        try await query(PostgresQuery(unsafeSQL: options.beginStatement), logger: logger)
        let result: Result
        do {
            result = try await body(Transaction(connection: self, depth: 0, statementPreparation: preparation))
        } catch {
            // The body's error is what the caller needs; a failed ROLLBACK (a broken connection)
            // changes nothing for the data, which the server rolls back anyway.
            _ = try? await query(PostgresQuery(unsafeSQL: "ROLLBACK"), logger: logger)
            throw error
        }
        do {
            try await query(PostgresQuery(unsafeSQL: "COMMIT"), logger: logger)
        } catch {
            _ = try? await query(PostgresQuery(unsafeSQL: "ROLLBACK"), logger: logger)
            throw error
        }
        return result
    }
}

extension PostgresClient {
    /// Leases a connection and runs `body` in a transaction on it (see
    /// `PostgresConnection.transaction(_:logger:_:)`).
    public func transaction<Result>(
        _ options: TransactionOptions = TransactionOptions(), logger: Logger = .entityKitSilent,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (Transaction) async throws -> sending Result
    ) async throws -> sending Result {
        try await transaction(options, preparation: .prepared, logger: logger, isolation: isolation, body)
    }

    func transaction<Result>(
        _ options: TransactionOptions, preparation: StatementPreparation, logger: Logger,
        isolation: isolated (any Actor)?, _ body: (Transaction) async throws -> sending Result
    ) async throws -> sending Result {
        try await withConnection(isolation: isolation) { connection in
            try await connection.transaction(options, preparation: preparation, logger: logger, isolation: isolation, body)
        }
    }
}

extension PSQLError {
    /// Serialization failures and deadlocks: the server rolled the transaction back and a
    /// retry may succeed.
    var isRetryableTransactionFailure: Bool {
        let state = serverInfo?[.sqlState]
        return state == "40001" || state == "40P01"
    }
}
