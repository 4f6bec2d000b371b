import Logging

/// The bounds a runner applies to its statements and how it cancels one on the server.
struct StatementPolicy: Sendable {
    var deadlines: Deadlines
    var cancel: ServerCancel
    /// Where cancel failures and connections closed by the runtime are logged.
    var logger: Logger
    /// Close the connection as soon as the cancel request is delivered, instead of waiting for
    /// the statement to stop: for pooled connections outside a transaction, which the pool
    /// replaces in milliseconds, while a cancelled statement's rows already in flight could
    /// take long to drain (a server blocked writing to the client acts on a cancel only after
    /// the client has read what it sent).
    var closesAfterCancel = false
    /// What reports each statement (``Observability``); nil when nothing is reported.
    var observer: StatementObserver?

    /// This policy for statements inside a transaction: the connection is kept when the
    /// statement stops in time, so the transaction can roll back on it.
    var insideTransaction: StatementPolicy {
        var policy = self
        policy.closesAfterCancel = false
        return policy
    }

    /// The policy of a plain `PostgresConnection`: the standard deadlines, and closing the
    /// connection as the only way to stop a statement.
    static let standalone = StatementPolicy(deadlines: .standard, cancel: .unavailable, logger: .entityKitSilent)

    /// Runs `run`, which sends `sql`, reported by the observer when there is one; `run` counts
    /// the rows it reads into the counter it is given (nil when nothing is reported).
    func observed<Result>(_ sql: String, logger: Logger, _ run: (RowCounter?) async throws -> Result) async throws -> Result {
        guard let observer else { return try await run(nil) }
        return try await observer.observe(sql, logger: logger) { counter in try await run(counter) }
    }
}

/// Whether a statement may be interrupted by task cancellation. Cleanup (ROLLBACK, and COMMIT
/// once decided) must run even in a cancelled task; deadlines and closed connections still
/// bound it.
enum StatementMode: Sendable {
    case normal
    case cleanup
}
