import EntityKit
import Foundation
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
///
/// A statement that fails inside the transaction puts it in PostgreSQL's failed state even
/// when the body catches the error: the transaction then throws
/// ``EntityKitPostgresError/transactionRolledBack(cause:)`` instead of returning, naming that
/// first failure, because the server answers the COMMIT with ROLLBACK. Catch failures inside a
/// nested `transaction` (a savepoint) to go on after them.
public struct Transaction: PostgresQueryRunner {
    /// The connection the transaction holds.
    public let connection: PostgresConnection
    /// 0 for the transaction itself, 1 for a savepoint inside it, and so on.
    public let depth: Int
    /// How fixed-shape statements are sent: as the runner that began the transaction sends them.
    public let statementPreparation: StatementPreparation
    let context: TransactionContext

    init(context: TransactionContext, depth: Int) {
        self.connection = context.watch.connection
        self.depth = depth
        self.statementPreparation = context.preparation
        self.context = context
    }

    public func withRows<Result>(
        of statement: SQLStatement, isFixedShape: Bool, delivery: RowDelivery, logger: Logger, _ body: (StatementRows) async throws -> Result
    ) async throws -> Result {
        try await context.run(statement, prepared: isFixedShape && statementPreparation == .prepared, delivery: delivery, logger: logger, body)
    }

    /// Runs `body` in this transaction: a failed statement fails the whole transaction, so
    /// nothing of it is committed.
    public func atomically<Result: Sendable>(
        logger: Logger, _ body: (any PostgresQueryRunner) async throws -> Result
    ) async throws -> Result {
        try await body(self)
    }

    /// Runs `body` inside a savepoint: released when it returns, rolled back to when it throws
    /// (the error is rethrown; the outer transaction goes on, and a failure inside the
    /// savepoint no longer counts against it).
    public func transaction<Result>(
        logger: Logger = .entityKitSilent, isolation: isolated (any Actor)? = #isolation,
        _ body: (Transaction) async throws -> sending Result
    ) async throws -> sending Result {
        let savepoint = "entitykit_savepoint_\(depth + 1)"
        try await context.control("SAVEPOINT \(savepoint)", logger: logger)
        let failureBefore = context.firstFailure
        let result: Result
        do {
            result = try await body(Transaction(context: context, depth: depth + 1))
        } catch {
            try await context.control("ROLLBACK TO SAVEPOINT \(savepoint)", mode: .cleanup, logger: logger)
            context.restoreFirstFailure(failureBefore)
            throw error
        }
        try await context.control("RELEASE SAVEPOINT \(savepoint)", logger: logger)
        return result
    }
}

/// What one transaction shares across its nested ``Transaction`` values: the connection, how
/// statements run on it, and the first statement that failed in it.
final class TransactionContext: @unchecked Sendable {
    let watch: ConnectionWatch
    let policy: StatementPolicy
    let preparation: StatementPreparation
    private let lock = NSLock()
    private var failure: (any Error)?
    /// False once the connection's state is unknown (a ROLLBACK that failed, a COMMIT whose
    /// answer was lost): the connection must not be reused.
    private(set) var isReusable = true

    init(watch: ConnectionWatch, policy: StatementPolicy, preparation: StatementPreparation) {
        self.watch = watch
        self.policy = policy
        self.preparation = preparation
    }

    /// The first failure of a statement in the transaction (outside savepoints rolled back).
    var firstFailure: (any Error)? { lock.withLock { failure } }

    func restoreFirstFailure(_ earlier: (any Error)?) {
        lock.withLock { failure = earlier }
    }

    private func record(_ error: any Error) {
        // Only what reached the server puts the transaction in the failed state.
        guard error is DatabaseError || error is PSQLError || error is EntityKitPostgresError || error is CancellationError else { return }
        lock.withLock { if failure == nil { failure = error } }
    }

    func markUnusable() {
        lock.withLock { isReusable = false }
    }

    /// Runs a statement of the body.
    func run<Result>(
        _ statement: SQLStatement, prepared: Bool, delivery: RowDelivery, logger: Logger, _ body: (StatementRows) async throws -> Result
    ) async throws -> Result {
        try StatementExecution.checkSendable(statement)
        do {
            return try await StatementExecution.run(
                statement, on: watch, policy: policy, prepared: prepared, delivery: delivery, retryingLostStatement: false, confirmingCommit: false,
                logger: logger, body)
        } catch {
            record(error)
            if let error = error as? DatabaseError, error.isLostPreparedStatement {
                throw EntityKitPostgresError.preparedStatementLost
            }
            throw error
        }
    }

    /// Sends a transaction-control statement (BEGIN, SAVEPOINT, ROLLBACK…).
    func control(_ sql: String, mode: StatementMode = .normal, logger: Logger) async throws {
        do {
            try await policy.observed(sql, logger: logger) { _ in
                try await StatementScope.run(on: watch, policy: policy, mode: mode, send: { connection in
                    _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).get()
                }, consume: { _ in })
            }
        } catch {
            if mode == .cleanup { markUnusable() }
            if error is StatementNotSent { throw EntityKitPostgresError.connectionClosed(StatementNotSent.reason) }
            throw error
        }
    }

    /// Sends COMMIT and returns its command tag: `COMMIT`, or `ROLLBACK` when the server
    /// rolled the transaction back instead. Not interrupted by task cancellation once sent.
    func commit(logger: Logger) async throws -> String {
        try await policy.observed("COMMIT", logger: logger) { _ in
            try await StatementScope.run(on: watch, policy: policy, mode: .cleanup, send: { connection in
                try await connection.query(PostgresQuery(unsafeSQL: "COMMIT"), logger: logger).get().metadata.command
            }, consume: { $0 })
        }
    }

    /// Rolls the transaction back after the body failed; a failure here (a broken connection)
    /// changes nothing for the data, which the server rolls back anyway.
    func rollback(logger: Logger) async {
        do {
            try await control("ROLLBACK", mode: .cleanup, logger: logger)
        } catch {
            markUnusable()
        }
    }

    /// Runs `body` as one transaction: BEGIN, the body, COMMIT, with the checks that make
    /// it commit or throw.
    func runOnce<Result>(
        _ options: TransactionOptions, logger: Logger, isolation: isolated (any Actor)?,
        _ body: (Transaction) async throws -> sending Result
    ) async throws -> sending Result {
        try await control(options.beginStatement, logger: logger)
        let result: Result
        do {
            result = try await body(Transaction(context: self, depth: 0))
            // A task cancelled while the body ran does not commit.
            try Task.checkCancellation()
        } catch {
            await rollback(logger: logger)
            throw error
        }
        let tag: String
        do {
            tag = try await commit(logger: logger)
        } catch is StatementNotSent {
            // COMMIT never left: the session ended, and the server rolled the transaction back.
            markUnusable()
            throw EntityKitPostgresError.connectionClosed("it closed before COMMIT was sent, so the transaction was rolled back")
        } catch let error as DatabaseError {
            // The server refused to commit (a deferred constraint, a serialization failure):
            // the transaction has ended, rolled back.
            throw error
        } catch {
            // The answer was lost (the connection closed, the deadline passed): the COMMIT may
            // or may not have taken effect.
            markUnusable()
            let reason: String = switch StatementScope.connectionError(error, connectionClosed: watch.isClosed) {
            case let .connectionClosed(reason)?: reason
            case .statementTimedOut?: "COMMIT ran past the statement deadline"
            default: FailureSummary.describe(error)
            }
            throw EntityKitPostgresError.commitOutcomeUnknown(reason)
        }
        guard tag != "ROLLBACK" else {
            let cause = firstFailure.map { "the first failure inside it was \(FailureSummary.describe($0)), caught in the transaction's body" }
                ?? "a statement inside it failed"
            throw EntityKitPostgresError.transactionRolledBack(cause: cause)
        }
        return result
    }

    /// Runs the transaction, again after a serialization failure, deadlock or lost prepared
    /// statement while `options.attempts` allows. `fate` learns whether the connection may be
    /// reused afterwards.
    static func run<Result>(
        on watch: ConnectionWatch, policy: StatementPolicy, preparation: StatementPreparation,
        _ options: TransactionOptions, logger: Logger, fate: ConnectionFate, isolation: isolated (any Actor)?,
        _ body: (Transaction) async throws -> sending Result
    ) async throws -> sending Result {
        var attempt = 1
        while true {
            let context = TransactionContext(watch: watch, policy: policy, preparation: preparation)
            do {
                defer { if !context.isReusable { fate.markUnusable() } }
                return try await context.runOnce(options, logger: logger, isolation: isolation, body)
            } catch where attempt < options.attempts && Self.isRetryable(error) && context.isReusable && !watch.isClosed {
                attempt += 1
            }
        }
    }

    private static func isRetryable(_ error: any Error) -> Bool {
        if let error = error as? DatabaseError { return error.kind == .serializationFailure || error.kind == .deadlock }
        return error as? EntityKitPostgresError == .preparedStatementLost
    }
}

extension PostgresConnection {
    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws (the
    /// error is rethrown as is). Retried on serialization failures as `options` say. Throws
    /// ``EntityKitPostgresError/transactionRolledBack(cause:)`` when the server rolled it back
    /// instead of committing, and `CancellationError` (after rolling back) when the task was
    /// cancelled.
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
        try await TransactionContext.run(
            on: ConnectionWatch.of(self), policy: .standalone, preparation: preparation, options, logger: logger,
            fate: ConnectionFate(), isolation: isolation, body)
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
        let policy = StatementPolicy(deadlines: .standard, cancel: .pool(self), logger: logger)
        return try await BoundedLease.with(self, within: policy.deadlines.acquire, isolation: isolation) { connection in
            let fate = ConnectionFate()
            defer { if !fate.isReusable { connection.closeInBackground() } }
            return try await TransactionContext.run(
                on: ConnectionWatch.of(connection), policy: policy, preparation: preparation, options, logger: logger,
                fate: fate, isolation: isolation, body)
        }
    }
}

/// Whether a connection may go back to its pool after a transaction: not when its state is
/// unknown (a ROLLBACK that failed, a COMMIT whose answer was lost).
final class ConnectionFate: @unchecked Sendable {
    private let lock = NSLock()
    private var reusable = true

    var isReusable: Bool { lock.withLock { reusable } }

    func markUnusable() {
        lock.withLock { reusable = false }
    }
}

