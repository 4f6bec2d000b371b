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
    private let lock = NSLock()
    private var closed = false
    private var knownProcessID: Int32?
    private var waiters: [UInt64: @Sendable () -> Void] = [:]
    private var nextWaiter: UInt64 = 0

    private init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// The watch of `connection`, made the first time it is asked for.
    static func of(_ connection: PostgresConnection) -> ConnectionWatch {
        Registry.shared.watch(for: connection)
    }

    /// True once the connection has closed (observed by the driver).
    var isClosed: Bool {
        lock.withLock { closed } || connection.isClosed
    }

    /// The backend's process ID, once read.
    var processID: Int32? {
        lock.withLock { knownProcessID }
    }

    func setProcessID(_ id: Int32) {
        lock.withLock { knownProcessID = id }
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
