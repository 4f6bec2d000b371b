import Logging
import NIOCore
import PostgresNIO

/// How a runner asks the server to cancel a statement that is running on one of its
/// connections: `pg_cancel_backend` sent over another connection, since the statement's own is
/// busy (libpq's cancel request opens a new connection too; PostgresNIO does not expose the
/// key that request needs). A connection that cannot be cancelled is closed instead.
enum ServerCancel: Sendable {
    /// A new connection to the server the statement's connection reached
    /// (``ConnectionWatch/server``): what ``DatabaseClient`` does.
    case newConnectionToSameServer(connectDeadline: Duration)
    /// Another connection leased from this pool for a moment.
    case pool(PostgresClient)
    /// No way to reach the server besides the connection itself: close it.
    case unavailable

    /// True when cancelling needs the backend's process ID.
    var needsProcessID: Bool {
        if case .unavailable = self { return false }
        return true
    }

    /// Asks the server to cancel whatever backend `processID` is running; true when the
    /// request was delivered (`pg_cancel_backend` answered), within `bound`. `server` is the
    /// configuration of the server that runs it, when known.
    func cancel(processID: Int32, server: PostgresConnection.Configuration?, within bound: Duration, logger: Logger) async -> Bool {
        let query = PostgresQuery(unsafeSQL: "SELECT pg_cancel_backend($1::int4)", binds: {
            var binds = PostgresBindings()
            binds.append(UntypedParameter(text: String(processID)))
            return binds
        }())
        do {
            switch self {
            case let .newConnectionToSameServer(connectDeadline):
                guard let configuration = server else { return false }
                let connection = try await Bounded.run(
                    within: min(connectDeadline, bound), discardLate: { $0.closeInBackground() },
                    operation: { try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger) })
                defer { connection.closeInBackground() }
                return try await Bounded.run(
                    within: bound, onGiveUp: { connection.closeInBackground() },
                    operation: {
                        _ = try await connection.query(query, logger: logger).get()
                        return true
                    })
            case let .pool(client):
                return try await Bounded.run(within: bound) {
                    try await client.withConnection { connection in
                        _ = try await connection.query(query, logger: logger).get()
                        return true
                    }
                }
            case .unavailable:
                return false
            }
        } catch {
            logger.debug("could not send a cancel request", metadata: ["error": "\(error)"])
            return false
        }
    }
}

extension PostgresConnection {
    /// Starts closing the connection and keeps it alive until it has closed (PostgresNIO
    /// requires a connection to be closed before it is released).
    func closeInBackground() {
        close().whenComplete { _ in _ = self }
    }
}
