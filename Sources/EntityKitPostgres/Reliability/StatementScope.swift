import Foundation
import Logging
import NIOCore
import PostgresConnectionInfo
import PostgresNIO

/// Runs one statement under the runtime's promise: it never waits without bound.
///
/// - Before sending: a cancelled task sends nothing; a closed connection fails at once.
/// - Sending runs on the connection's event loop (the caller's task prefers it as executor for
///   that part): there the channel is checked open and the statement written in one step, so
///   it always reaches PostgresNIO's handler, which fails it when the connection closes.
///   Written to a channel that had closed, it would never complete.
/// - Reading the rows runs in the caller's task, on the executor it came with.
/// - A deadline or task cancellation at any point cancels the statement on the server
///   (``ServerCancel``), then closes the connection, which ends every wait on it: at once for a
///   pooled connection outside a transaction (``StatementPolicy/closesAfterCancel``), else only
///   if the statement has not stopped within the cancel grace. The call then throws
///   ``EntityKitPostgresError/statementTimedOut(_:)`` or `CancellationError`.
/// - The scope does not end until a cancel request it sent has been answered, so a late
///   cancel can never hit the connection's next statement.
final class StatementScope: @unchecked Sendable {
    private enum Interruption {
        case deadline(Duration)
        case cancelled
    }

    private let watch: ConnectionWatch
    private let policy: StatementPolicy
    private let lock = NSLock()
    private var interruption: Interruption?
    private var stopper: Task<Void, Never>?
    private var timer: UInt64?
    /// True once the caller is done with the statement (rows read, or an error).
    private var ended = false
    /// Settled when the caller is done; made only for a statement being stopped, which waits
    /// for it (most statements are never stopped).
    private var endSignal: FirstOutcome<Void>?
    /// True once every row was read without error: nothing left to stop, the connection is clean.
    private var completed = false

    private init(watch: ConnectionWatch, policy: StatementPolicy) {
        self.watch = watch
        self.policy = policy
    }

    /// Sends a statement with `send`, reads its rows with `consume`, and returns what
    /// `consume` returns, within the policy's bounds.
    static func run<Sent: Sendable, Result>(
        on watch: ConnectionWatch, policy: StatementPolicy, mode: StatementMode = .normal,
        send: @escaping @Sendable (PostgresConnection) async throws -> Sent,
        consume: (Sent) async throws -> Result
    ) async throws -> Result {
        if mode == .normal && Task.isCancelled { throw CancellationError() }
        if watch.isClosed { throw StatementNotSent() }
        if policy.cancel.needsProcessID && watch.needsProcessID {
            _ = try await readSessionFacts(of: watch)
        }
        let scope = StatementScope(watch: watch, policy: policy)
        scope.start()
        do {
            let result = try await withTaskCancellationHandler {
                let rows = try await scope.send(send)
                let result = try await consume(rows)
                scope.complete()
                return result
            } onCancel: {
                if mode == .normal { scope.interrupt(.cancelled) }
            }
            await scope.end()
            return result
        } catch {
            await scope.end()
            if let error = error as? PSQLError, error.serverInfo?[.sqlState] == "25006" { watch.noteRefusedWrite() }
            throw scope.translate(error)
        }
    }

    /// Reads, in one round trip, the backend's process ID (for cancel requests) and what the
    /// server is (a standby, read-only by default), once per connection. Past `bound`, the
    /// connection is closed.
    ///
    /// `connectedPort` is the TCP port the connection was opened to, when known: a server that
    /// says it listens on another port is behind a pooler or proxy (PgBouncer in transaction
    /// mode runs each transaction on any of its server connections), whose backend process ID
    /// is not the connection's own, so it is not used for cancel requests.
    static func readSessionFacts(
        of watch: ConnectionWatch, connectedPort: Int? = nil, within bound: Duration = Deadlines.standard.connect
    ) async throws -> TargetSessionAttributes.ServerRole {
        // Cancel requests are unavailable in this policy, so run() does not come back here.
        let policy = StatementPolicy(deadlines: Deadlines(statement: bound), cancel: .unavailable, logger: .entityKitSilent)
        let query: PostgresQuery = "SELECT pg_backend_pid(), pg_is_in_recovery(), current_setting('transaction_read_only') = 'on', inet_server_port()"
        return try await run(on: watch, policy: policy, send: { connection in
            try await connection.query(query, logger: .entityKitSilent).get().rows
        }, consume: { rows in
            guard let row = rows.first else { throw EntityKitPostgresError.connectionFailed("the server did not say what it is") }
            let (processID, inRecovery, readOnly, serverPort) = try row.decode((Int32, Bool, Bool, Int32?).self)
            // Over TCP the server always knows its port: none (a Unix socket) means something in between.
            let behindProxy = connectedPort.map { connected in serverPort.map(Int.init) != connected } ?? false
            watch.setProcessID(processID, usable: !behindProxy)
            return TargetSessionAttributes.ServerRole(inRecovery: inRecovery, readOnlyByDefault: readOnly)
        })
    }

    private func start() {
        if let bound = policy.deadlines.statement {
            let timer = DeadlineTimer.shared.schedule(after: bound) { [self] in interrupt(.deadline(bound)) }
            lock.withLock { self.timer = timer }
        }
    }

    /// Sends the statement from the connection's event loop.
    ///
    /// PostgresNIO never completes a statement written to a channel whose handlers are gone
    /// (they are removed after it closes), and its wait ignores cancellation. On the event loop
    /// nothing can close the channel between the check and the write, so a statement that
    /// passes the check reaches the driver's handler, which fails it when the connection closes:
    /// a deadline or cancellation ends the wait by closing the connection.
    private func send<Sent: Sendable>(
        _ operation: @escaping @Sendable (PostgresConnection) async throws -> Sent
    ) async throws -> Sent {
        let connection = watch.connection
        let executor = watch.sendingExecutor
        return try await withTaskExecutorPreference(executor) {
            if connection.eventLoop.inEventLoop { return try await Self.sendOnLoop(watch, operation) }
            // The preference moves the task at its next executor switch; should a toolchain
            // not switch here, a task enqueued on the loop starts there for certain.
            return try await Task(executorPreference: executor) { [watch] in try await Self.sendOnLoop(watch, operation) }.value
        }
    }

    /// On the connection's event loop: refuses a closed channel, else runs `operation`, whose
    /// synchronous start writes the statement to the channel (PostgresNIO's `execute` and
    /// `query` do).
    private static func sendOnLoop<Sent: Sendable>(
        _ watch: ConnectionWatch, _ operation: @Sendable (PostgresConnection) async throws -> Sent
    ) async throws -> Sent {
        let connection = watch.connection
        connection.eventLoop.preconditionInEventLoop()
        guard !connection.isClosed else { throw StatementNotSent() }
        watch.installObserverIfNeeded()
        return try await operation(connection)
    }

    private func interrupt(_ reason: Interruption) {
        lock.withLock {
            if completed || ended || interruption != nil { return }
            interruption = reason
            let endSignal = FirstOutcome<Void>()
            self.endSignal = endSignal
            stopper = Task { await self.stopOnServer(waitingFor: endSignal) }
        }
    }

    /// Cancels the statement on the server; closes the connection if it has not stopped within
    /// the grace period (or could not be cancelled).
    private func stopOnServer(waitingFor endSignal: FirstOutcome<Void>) async {
        let grace = policy.deadlines.cancelGrace
        var delivered = false
        if let processID = watch.processID {
            delivered = await policy.cancel.cancel(processID: processID, server: watch.server, within: grace, logger: policy.logger)
        }
        if delivered, !policy.closesAfterCancel, (try? await Bounded.run(within: grace) { try await endSignal.value }) != nil {
            return
        }
        // A statement that finished while it was being stopped (a deadline that fired as the
        // last row arrived) left its connection clean: keep it.
        if lock.withLock({ completed }) { return }
        policy.logger.debug(
            "closing the connection of an interrupted statement",
            metadata: ["cancel_delivered": "\(delivered)", "waited_for_stop": "\(delivered && !policy.closesAfterCancel)"])
        try? await watch.connection.close()
    }

    /// Every row was read: a deadline or cancellation from now on has nothing to stop.
    private func complete() {
        lock.withLock { completed = true }
    }

    /// The caller is done: stops the timer, and waits for a cancel request in flight.
    private func end() async {
        let (timer, stopper, endSignal): (UInt64?, Task<Void, Never>?, FirstOutcome<Void>?) = lock.withLock {
            ended = true
            return (self.timer, self.stopper, self.endSignal)
        }
        endSignal?.settle(.success(()))
        if let timer { DeadlineTimer.shared.cancel(timer) }
        await stopper?.value
    }

    /// The error to throw: the interruption's, a closed connection's, or the statement's own
    /// (a server error as ``DatabaseError``).
    private func translate(_ error: any Error) -> any Error {
        switch lock.withLock({ interruption }) {
        case let .deadline(bound)?: return EntityKitPostgresError.statementTimedOut(bound)
        case .cancelled?: return CancellationError()
        case nil: break
        }
        if let closed = Self.connectionError(error, connectionClosed: watch.isClosed) { return closed }
        if let error = error as? PSQLError, let databaseError = DatabaseError(error) { return databaseError }
        return error
    }

    /// `error` as ``EntityKitPostgresError/connectionClosed(_:)`` when it says the connection
    /// is gone.
    static func connectionError(_ error: any Error, connectionClosed: Bool) -> EntityKitPostgresError? {
        if let error = error as? EntityKitPostgresError { return error }
        if error is StatementNotSent { return .connectionClosed(StatementNotSent.reason) }
        guard let error = error as? PSQLError else { return nil }
        let state = error.serverInfo?[.sqlState]
        // A FATAL error ends the session, whatever its SQLSTATE (25P03 for an idle-in-
        // transaction timeout, 57P05 for an idle-session timeout).
        if error.serverInfo?[.severity] == "FATAL" || error.serverInfo?[.localizedSeverity] == "FATAL" {
            return .connectionClosed(error.serverInfo?[.message] ?? "the server ended the session")
        }
        // 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now, class 08
        // connection exceptions: the server ends the session with these.
        if let state, state.hasPrefix("57P") || state.hasPrefix("08") {
            return .connectionClosed(error.serverInfo?[.message] ?? "SQLSTATE \(state)")
        }
        switch error.code {
        case .serverClosedConnection: return .connectionClosed("the server closed it")
        case .clientClosedConnection: return .connectionClosed("it was closed by this process")
        case .connectionError, .uncleanShutdown: return .connectionClosed("the network connection failed")
        default: return connectionClosed && error.code != .server ? .connectionClosed("\(error.code)") : nil
        }
    }
}

/// The connection had closed before the statement was sent: nothing reached the server, so the
/// statement may be sent again on another connection. ``DatabaseClient`` does so; other runners
/// report ``EntityKitPostgresError/connectionClosed(_:)``.
struct StatementNotSent: Error {
    static let reason = "it had closed before the statement was sent"
}
