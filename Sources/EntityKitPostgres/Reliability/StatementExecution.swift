import Logging
import PostgresNIO

/// Sends one statement on a connection the way a runner asked: checked, unnamed or prepared,
/// within a ``StatementScope``.
enum StatementExecution {
    /// Refuses a statement that must not reach the server. Every runner calls it once, on entry,
    /// before it takes a connection.
    static func checkSendable(_ statement: SQLStatement) throws(SQLRejection) {
        if let rejection = statement.rejection { throw rejection }
        if statement.sql.utf8.contains(0) { throw .nulInText }
    }

    /// Runs `statement` on the watched connection.
    ///
    /// - Parameters:
    ///   - prepared: send it as a named prepared statement (a fixed shape on a preparing runner).
    ///   - retryingLostStatement: when the server no longer has the prepared statement (26000,
    ///     after `DISCARD ALL`, a restart or a pooler), prepare it again and send it once more.
    ///     Safe outside a transaction: the server ran nothing. Inside one, the runner reports
    ///     ``EntityKitPostgresError/preparedStatementLost`` instead.
    ///   - passingUnsent: throw ``StatementNotSent`` when the connection had closed before the
    ///     statement was sent, for a caller that sends it again on another connection; otherwise
    ///     that is ``EntityKitPostgresError/connectionClosed(_:)``.
    ///   - confirmingCommit: the statement runs outside a transaction: when it may write, wait
    ///     for the server to commit it before returning (``CommitConfirmation``).
    static func run<Result>(
        _ statement: SQLStatement, on watch: ConnectionWatch, policy: StatementPolicy, mode: StatementMode = .normal,
        prepared: Bool, delivery: RowDelivery = .collected, retryingLostStatement: Bool, passingUnsent: Bool = false,
        confirmingCommit: Bool, logger: Logger, _ body: (StatementRows) async throws -> Result
    ) async throws -> Result {
        try await policy.observed(statement.sql, logger: logger) { counter in
            try await run(
                statement, on: watch, policy: policy, mode: mode, prepared: prepared, delivery: delivery,
                retryingLostStatement: retryingLostStatement, passingUnsent: passingUnsent, confirmingCommit: confirmingCommit,
                logger: logger, body: { rows in try await body(rows.counted(by: counter)) })
        }
    }

    private static func run<Result>(
        _ statement: SQLStatement, on watch: ConnectionWatch, policy: StatementPolicy, mode: StatementMode,
        prepared: Bool, delivery: RowDelivery, retryingLostStatement: Bool, passingUnsent: Bool,
        confirmingCommit: Bool, logger: Logger, body: (StatementRows) async throws -> Result
    ) async throws -> Result {
        let confirming = confirmingCommit && CommitConfirmation.mayWrite(statement.sql)
        let result: Result
        do {
            result = try await send(
                statement, on: watch, policy: policy, mode: mode, prepared: prepared, delivery: delivery,
                retryingLostStatement: retryingLostStatement, logger: logger, body)
        } catch is StatementNotSent where !passingUnsent {
            throw EntityKitPostgresError.connectionClosed(StatementNotSent.reason)
        } catch let EntityKitPostgresError.connectionClosed(reason) where confirming {
            // A write sent outside a transaction may have been committed before the connection
            // closed: repeating it could write twice.
            throw EntityKitPostgresError.commitOutcomeUnknown(reason)
        }
        if confirming {
            try await CommitConfirmation.confirm(on: watch, policy: policy, logger: logger)
        }
        return result
    }

    private static func send<Result>(
        _ statement: SQLStatement, on watch: ConnectionWatch, policy: StatementPolicy, mode: StatementMode,
        prepared: Bool, delivery: RowDelivery, retryingLostStatement: Bool, logger: Logger,
        _ body: (StatementRows) async throws -> Result
    ) async throws -> Result {
        guard prepared else {
            if delivery == .streamed {
                return try await StatementScope.run(on: watch, policy: policy, mode: mode, send: { connection in
                    StatementRows(try await connection.query(statement.postgresQuery, logger: logger))
                }, consume: body)
            }
            // Read by the driver without back-pressure (see RowDelivery.collected).
            return try await StatementScope.run(on: watch, policy: policy, mode: mode, send: { connection in
                StatementRows(collected: try await connection.query(statement.postgresQuery, logger: logger).get().rows)
            }, consume: body)
        }
        let send: @Sendable (PostgresConnection) async throws -> StatementRows = { connection in
            try await PreparedExecution.run(statement) { try await connection.execute($0, logger: logger) }
        }
        do {
            return try await StatementScope.run(on: watch, policy: policy, mode: mode, send: send, consume: body)
        } catch let error as DatabaseError where retryingLostStatement && error.isLostPreparedStatement {
            // PreparedExecution gave the shape a new name: this sends Parse, Bind, Execute.
            do {
                return try await StatementScope.run(on: watch, policy: policy, mode: mode, send: send, consume: body)
            } catch let again as DatabaseError where again.isLostPreparedStatement || again.isDuplicatePreparedStatement {
                // Lost again just after preparing it, or the new name taken by another client's
                // session: the server does not keep this connection's statements.
                throw EntityKitPostgresError.preparedStatementsNotKept(sqlState: again.sqlState)
            }
        } catch let error as DatabaseError where error.isDuplicatePreparedStatement {
            throw EntityKitPostgresError.preparedStatementsNotKept(sqlState: "42P05")
        }
    }
}

extension DatabaseError {
    /// 26000: the named prepared statement does not exist on the server.
    var isLostPreparedStatement: Bool {
        sqlState == "26000"
    }

    /// 42P05: a prepared statement of that name exists already, so this connection's statements
    /// reach server sessions that another client prepared in (a pooler in transaction mode).
    var isDuplicatePreparedStatement: Bool {
        sqlState == "42P05"
    }
}
