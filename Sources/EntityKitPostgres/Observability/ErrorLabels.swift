import EntityKit
import PostgresNIO

/// How a failed statement is labelled in logs, metrics and spans: by kind, never by the
/// server's message or anything else that can quote a value.
struct ErrorLabels: Sendable {
    /// OpenTelemetry's `error.type`: the SQLSTATE of a server error, the case of an
    /// ``EntityKitPostgresError`` (`statementTimedOut`), `cancelled`, `rejected`, or the error's
    /// type name. Few distinct values, so fit for a metric dimension.
    let type: String
    /// The SQLSTATE, for a server error.
    let sqlState: String?
    /// One line without values (a ``DatabaseError``'s description, else ``type``).
    let summary: String

    init(_ error: any Error) {
        let server = (error as? DatabaseError) ?? (error as? PSQLError).flatMap(DatabaseError.init)
        if let server {
            type = server.sqlState
            sqlState = server.sqlState
            summary = server.description
            return
        }
        sqlState = nil
        type = switch error {
        case let error as EntityKitPostgresError: error.caseName
        case is CancellationError: "cancelled"
        case is SQLRejection: "rejected"
        case is StatementNotSent: "notSent"
        default: String(describing: Swift.type(of: error))
        }
        summary = type
    }
}

extension EntityKitPostgresError {
    /// The case, without its associated values (which can hold a server's message).
    var caseName: String {
        switch self {
        case .connectionFailed: "connectionFailed"
        case .connectTimedOut: "connectTimedOut"
        case .acquireTimedOut: "acquireTimedOut"
        case .connectionClosed: "connectionClosed"
        case .statementTimedOut: "statementTimedOut"
        case .transactionRolledBack: "transactionRolledBack"
        case .commitOutcomeUnknown: "commitOutcomeUnknown"
        case .preparedStatementLost: "preparedStatementLost"
        case .preparedStatementsNotKept: "preparedStatementsNotKept"
        case .invalidArgument: "invalidArgument"
        case .clientShutDown: "clientShutDown"
        }
    }
}
