import Foundation
import NIOCore
import PostgresNIO

/// What the runtime tracks of one `PostgresConnection`: whether it has closed, the server
/// process behind it (for cancel requests), and the statements waiting on it, which are
/// failed the moment it closes.
///
/// PostgresNIO never completes a statement written to a connection that has already closed
/// (nor lets task cancellation end the wait), so every statement checks ``isClosed`` before it
/// is sent and registers here while it waits: a close between the two still ends the wait.
final class ConnectionWatch: @unchecked Sendable {
    let connection: PostgresConnection
    /// Runs the tasks that send this connection's statements on its event loop.
    let sendingExecutor: EventLoopTaskExecutor
    private let lock = NSLock()
    private var closed = false
    private var processIDState = ProcessIDState.unread
    private var knownServer: PostgresConnection.Configuration?
    private var refusedAWrite = false
    private var waiters: [UInt64: @Sendable () -> Void] = [:]
    private var nextWaiter: UInt64 = 0

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

    /// Calls `onClose` when the connection closes (at once if it has): returns a token for
    /// ``removeWaiter(_:)``, or nil when it was called at once.
    func addWaiter(_ onClose: @escaping @Sendable () -> Void) -> UInt64? {
        let token: UInt64? = lock.withLock {
            if closed { return nil }
            nextWaiter &+= 1
            waiters[nextWaiter] = onClose
            return nextWaiter
        }
        if token == nil { onClose() }
        return token
    }

    func removeWaiter(_ token: UInt64?) {
        guard let token else { return }
        _ = lock.withLock { waiters.removeValue(forKey: token) }
    }

    fileprivate func markClosed() {
        let toCall: [@Sendable () -> Void] = lock.withLock {
            closed = true
            defer { waiters.removeAll() }
            return Array(waiters.values)
        }
        for call in toCall { call() }
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
