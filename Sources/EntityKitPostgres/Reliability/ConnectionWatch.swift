import Foundation
import NIOCore
import PostgresNIO

/// What the runtime tracks of one `PostgresConnection`: whether it has closed, the server
/// process behind it (for cancel requests), what it is, and the observer of its
/// ReadyForQuery messages.
///
/// PostgresNIO never completes a statement written to a channel that has already closed (nor
/// lets task cancellation end the wait), so ``StatementScope`` checks and writes on the
/// connection's event loop, with ``sendingExecutor``.
final class ConnectionWatch: @unchecked Sendable {
    let connection: PostgresConnection
    /// Runs the part of a statement's task that sends it on the connection's event loop.
    let sendingExecutor: EventLoopTaskExecutor
    private let lock = NSLock()
    private var closed = false
    private var processIDState = ProcessIDState.unread
    private var knownServer: PostgresConnection.Configuration?
    private var refusedAWrite = false
    private var observerState = ObserverState.notTried

    private enum ObserverState {
        case notTried
        case installed(ReadyForQueryObserver)
        case unavailable
    }

    private init(_ connection: PostgresConnection) {
        self.connection = connection
        self.sendingExecutor = EventLoopTaskExecutor(connection.eventLoop)
    }

    /// The watch of `connection`, made the first time it is asked for.
    static func of(_ connection: PostgresConnection) -> ConnectionWatch {
        Registry.shared.watch(for: connection)
    }

    /// True once the connection has closed (observed by the driver).
    var isClosed: Bool {
        lock.withLock { closed } || connection.isClosed
    }

    private enum ProcessIDState {
        case unread
        case read(Int32)
        /// Behind a pooler or proxy the backend changes under the connection: a cancel request
        /// for the process ID read once could stop another client's statement.
        case unusable
    }

    /// The backend's process ID, once read, when cancel requests may use it.
    var processID: Int32? {
        lock.withLock {
            if case let .read(id) = processIDState { return id }
            return nil
        }
    }

    /// True until the backend's process ID has been read (or found unusable).
    var needsProcessID: Bool {
        lock.withLock {
            if case .unread = processIDState { return true }
            return false
        }
    }

    /// Records the backend's process ID; `usable` false when the connection goes through a
    /// pooler or proxy, so cancel requests must not name it.
    func setProcessID(_ id: Int32, usable: Bool = true) {
        lock.withLock { processIDState = usable ? .read(id) : .unusable }
    }

    /// True once the server refused a write on this connection as read-only (SQLSTATE 25006):
    /// after a switchover demoted it, a pool that needs a primary drops the connection.
    var refusedWrite: Bool {
        lock.withLock { refusedAWrite }
    }

    func noteRefusedWrite() {
        lock.withLock { refusedAWrite = true }
    }

    /// The configuration of the server this connection reached (one host of several): where a
    /// cancel request for its backend goes.
    var server: PostgresConnection.Configuration? {
        get { lock.withLock { knownServer } }
        set { lock.withLock { knownServer = newValue } }
    }

    /// What tells when the server has finished this connection's statements without a round
    /// trip, once installed; nil before, or when the driver's pipeline does not allow it.
    var readyForQueryObserver: ReadyForQueryObserver? {
        lock.withLock {
            if case let .installed(observer) = observerState { return observer }
            return nil
        }
    }

    /// Installs the ``ReadyForQueryObserver`` the first time a statement is sent on the
    /// connection. Called on its event loop just before a statement is written, so the observer
    /// sees that statement's write.
    func installObserverIfNeeded() {
        let firstTime: Bool = lock.withLock {
            guard case .notTried = observerState else { return false }
            observerState = .unavailable
            return true
        }
        guard firstTime, let observer = ReadyForQueryObserver.install(on: connection) else { return }
        lock.withLock { observerState = .installed(observer) }
    }

    fileprivate func markClosed() {
        lock.withLock { closed = true }
    }

    /// The watches of open connections, keyed by object identity. An entry keeps its
    /// connection alive until the connection closes, so an identity is never reused while its
    /// entry exists.
    private final class Registry: @unchecked Sendable {
        static let shared = Registry()
        private let lock = NSLock()
        private var watches: [ObjectIdentifier: ConnectionWatch] = [:]

        func watch(for connection: PostgresConnection) -> ConnectionWatch {
            let key = ObjectIdentifier(connection)
            let (watch, isNew): (ConnectionWatch, Bool) = lock.withLock {
                if let existing = watches[key] { return (existing, false) }
                let made = ConnectionWatch(connection)
                watches[key] = made
                return (made, true)
            }
            if isNew {
                connection.closeFuture.whenComplete { [self] _ in
                    watch.markClosed()
                    _ = lock.withLock { watches.removeValue(forKey: key) }
                }
            }
            return watch
        }
    }
}
