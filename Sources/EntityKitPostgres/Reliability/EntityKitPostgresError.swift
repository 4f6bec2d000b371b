/// A call that could not finish as asked, for a reason of the runtime's own: the connection,
/// a deadline, a transaction the server rolled back, an argument out of range. Server errors
/// (a unique violation, a syntax error) are thrown as ``DatabaseError``.
///
/// Every description is one line that says what happened and what to do, and never holds a
/// password or a row's values.
public enum EntityKitPostgresError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No connection could be opened; the reason is the server's message or which check failed
    /// (wrong password, unknown database, TLS, refused), as ``ConnectionFailure`` words it.
    case connectionFailed(String)
    /// Connecting took longer than the connect deadline.
    case connectTimedOut(Duration)
    /// No pooled connection became free within the acquire deadline.
    case acquireTimedOut(Duration, maximumConnections: Int?)
    /// The connection closed before the statement finished (the server was stopped or
    /// restarted, the backend was terminated, the network dropped it). The statement's
    /// transaction, if any, was rolled back by the server. The reason is what the server or
    /// the driver said.
    case connectionClosed(String)
    /// The statement ran past the statement deadline: it was cancelled on the server.
    case statementTimedOut(Duration)
    /// COMMIT was answered with ROLLBACK: a statement of the transaction failed (the first
    /// failure is given when the runtime saw it), so none of the transaction's work was kept.
    /// Also thrown for a write outside a transaction whose implicit commit the server refused
    /// (a deferred constraint, a serialization failure).
    case transactionRolledBack(cause: String)
    /// The connection was lost while COMMIT was in flight, or while a write outside a
    /// transaction was running or being committed: it may or may not have been committed.
    /// Check before repeating it.
    case commitOutcomeUnknown(String)
    /// The server no longer has a prepared statement this connection made (after
    /// `DISCARD ALL`, a restart, or a pooler in transaction mode), inside a transaction,
    /// which the server has rolled back.
    case preparedStatementLost
    /// The server does not keep this connection's prepared statements from one statement to the
    /// next (SQLSTATE 26000 again after preparing anew, or 42P05): a pooler in transaction mode,
    /// such as PgBouncer without `max_prepared_statements`, runs each on any server connection.
    case preparedStatementsNotKept(sqlState: String)
    /// An argument out of the range the operation accepts: its name, the value and the range.
    case invalidArgument(name: String, value: String, expected: String)
    /// The client was shut down: no new calls are taken.
    case clientShutDown

    public var description: String {
        switch self {
        case let .connectionFailed(reason):
            return "could not connect to PostgreSQL: \(reason)"
        case let .connectTimedOut(bound):
            return "could not connect to PostgreSQL within \(bound.secondsText): check that the server is up and reachable, or raise connect_timeout"
        case let .acquireTimedOut(bound, maximum):
            let size = maximum.map { " (all \($0) in use)" } ?? ""
            return "no database connection became free within \(bound.secondsText)\(size): "
                + "look for long transactions or streams left open, or raise maximumConnections or the acquire deadline"
        case let .connectionClosed(reason):
            return "the database connection closed before the statement finished (\(reason)): any open transaction was rolled back; retry on a new connection"
        case let .statementTimedOut(bound):
            return "the statement ran longer than its \(bound.secondsText) deadline and was cancelled on the server: "
                + "make it faster or raise the statement deadline"
        case let .transactionRolledBack(cause):
            return "the database rolled the transaction back instead of committing it, so none of its work was kept: \(cause)"
        case let .commitOutcomeUnknown(reason):
            return "the connection was lost before the server confirmed the commit (\(reason)): "
                + "the write may or may not have been committed; check before repeating it"
        case .preparedStatementLost:
            return "the server no longer has a prepared statement of this connection (DISCARD ALL, a restart, or a pooler in transaction mode), "
                + "so the transaction was rolled back: retry it (TransactionOptions.attempts), or use .unprepared behind a pooler"
        case let .preparedStatementsNotKept(sqlState):
            return "the server does not keep this connection's prepared statements (SQLSTATE \(sqlState)), as behind PgBouncer in transaction mode: "
                + "use .unprepared for this client, set max_prepared_statements in PgBouncer 1.21 or later, or use session mode"
        case let .invalidArgument(name, value, expected):
            return "\(name) \(value) is out of range: it must be \(expected)"
        case .clientShutDown:
            return "the database client was shut down: make a new one"
        }
    }

    /// True when the same call may succeed if made again: a closed connection (outside a
    /// COMMIT), a timeout, a lost prepared statement.
    public var isTransient: Bool {
        switch self {
        case .connectionClosed, .connectTimedOut, .acquireTimedOut, .statementTimedOut, .preparedStatementLost: true
        case .connectionFailed, .transactionRolledBack, .commitOutcomeUnknown, .preparedStatementsNotKept, .invalidArgument, .clientShutDown: false
        }
    }
}

extension Duration {
    /// `2 s`, `0.5 s`: for messages.
    var secondsText: String {
        let (seconds, attoseconds) = components
        if attoseconds == 0 { return "\(seconds) s" }
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return milliseconds % 1000 == 0 ? "\(milliseconds / 1000) s" : "\(Double(milliseconds) / 1000) s"
    }
}
