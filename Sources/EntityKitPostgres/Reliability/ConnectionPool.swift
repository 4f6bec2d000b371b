import Foundation
import Logging
import NIOCore
import PostgresNIO

/// A connection of a ``ConnectionPool``.
final class PooledConnection: @unchecked Sendable {
    let connection: PostgresConnection
    let watch: ConnectionWatch
    /// When it was last returned to the pool (read and written under the pool's lock).
    var idleSince: ContinuousClock.Instant

    init(connection: PostgresConnection) {
        self.connection = connection
        self.watch = ConnectionWatch.of(connection)
        self.idleSince = .now
    }
}

/// The connections of a ``DatabaseClient``: at most `maximumConnections`, opened on demand
/// (by a ``HostConnector``, which picks the host), reused last-in first-out, handed to waiters
/// first-in first-out.
///
/// Unlike PostgresNIO's pool it never waits without bound, and a call that opens a connection
/// gets that attempt's own error: the first call on a client whose server refuses it (wrong
/// password, unknown database, TLS, nothing listening) fails within the connect deadline with
/// the reason. A connection the server closed is dropped when it is next taken; one whose
/// state is unknown is closed instead of returned.
final class ConnectionPool: @unchecked Sendable {
    private enum Grant: Sendable {
        /// A connection released for this waiter.
        case connection(PooledConnection)
        /// A slot freed up (a connection closed): the waiter opens a connection itself.
        case permit
    }

    private final class Waiter: Sendable {
        let outcome = FirstOutcome<Grant>()
    }

    private enum Step {
        case use(PooledConnection)
        case connect
        case wait(Waiter)
        case fail(EntityKitPostgresError)
    }

    let connector: HostConnector
    let maximumConnections: Int
    let deadlines: Deadlines
    let logger: Logger
    private let eventLoopGroup: any EventLoopGroup
    private let lock = NSLock()
    private var idle: [PooledConnection] = []
    /// Connections counted against the maximum: idle, leased and being opened.
    private var counted = 0
    private var waiters: [Waiter] = []
    private var isShutDown = false
    private var nextID = 0
    /// Where the counts are recorded after every change, when metrics are on.
    private let gauges: PoolGauges?

    init(connector: HostConnector, maximumConnections: Int, deadlines: Deadlines, logger: Logger, gauges: PoolGauges? = nil,
         eventLoopGroup: any EventLoopGroup = PostgresConnection.defaultEventLoopGroup) {
        self.connector = connector
        self.maximumConnections = maximumConnections
        self.deadlines = deadlines
        self.logger = logger
        self.gauges = gauges
        self.eventLoopGroup = eventLoopGroup
    }

    /// Records the counts in the gauges, when there are any.
    private func recordCounts() {
        guard let gauges else { return }
        let (open, idle, waiting) = counts
        gauges.record(open: open, idle: idle, waiting: waiting)
    }

    /// How many connections are open or opening, and how many of them are idle.
    var counts: (open: Int, idle: Int, waiting: Int) {
        lock.withLock { (counted, idle.count, waiters.count) }
    }

    /// A connection for the caller's exclusive use until ``release(_:reusable:)``: an idle
    /// one, a new one, or the next one released, within the acquire deadline.
    func acquire() async throws -> PooledConnection {
        defer { recordCounts() }
        let started = ContinuousClock.now
        while true {
            try Task.checkCancellation()
            var dead: [PooledConnection] = []
            let step: Step = lock.withLock {
                if isShutDown { return .fail(.clientShutDown) }
                while let candidate = idle.popLast() {
                    if !candidate.watch.isClosed { return .use(candidate) }
                    counted -= 1
                    dead.append(candidate)
                }
                if counted < maximumConnections {
                    counted += 1
                    return .connect
                }
                let waiter = Waiter()
                waiters.append(waiter)
                return .wait(waiter)
            }
            for connection in dead { close(connection) }
            switch step {
            case let .use(connection):
                return connection
            case .connect:
                return try await openCounted()
            case let .fail(error):
                throw error
            case let .wait(waiter):
                recordCounts()
                let remaining = deadlines.acquire - (ContinuousClock.now - started)
                switch try await wait(for: waiter, within: remaining) {
                case let .connection(connection):
                    if connection.watch.isClosed {
                        release(connection, reusable: false)
                        continue
                    }
                    return connection
                case .permit:
                    return try await openCounted()
                }
            }
        }
    }

    private func wait(for waiter: Waiter, within remaining: Duration) async throws -> Grant {
        let bound = deadlines.acquire
        let maximum = maximumConnections
        let timer = DeadlineTimer.shared.schedule(after: remaining) {
            waiter.outcome.settle(.failure(EntityKitPostgresError.acquireTimedOut(bound, maximumConnections: maximum)))
        }
        defer { DeadlineTimer.shared.cancel(timer) }
        do {
            return try await withTaskCancellationHandler {
                try await waiter.outcome.value
            } onCancel: {
                waiter.outcome.settle(.failure(CancellationError()))
            }
        } catch {
            lock.withLock { waiters.removeAll { $0 === waiter } }
            throw error
        }
    }

    /// Opens a connection for a slot already counted; gives the slot back (to a waiter, who
    /// then tries for itself) when that fails.
    private func openCounted() async throws -> PooledConnection {
        do {
            return try await open()
        } catch {
            freeSlot()
            throw error
        }
    }

    private func open() async throws -> PooledConnection {
        let id = lock.withLock {
            nextID += 1
            return nextID
        }
        return try await connector.connect(id: id, deadline: deadlines.connect, eventLoopGroup: eventLoopGroup, logger: logger)
    }

    /// Gives a connection back: to the first waiter, else to the idle list. One that is closed,
    /// whose state is unknown (`reusable` false), or whose server refused a write as read-only
    /// when the pool needs a primary, is closed and its slot freed.
    func release(_ connection: PooledConnection, reusable: Bool = true) {
        defer { recordCounts() }
        let toClose: PooledConnection? = lock.withLock {
            // A connection to a server that turned read-only cannot serve a pool that needs a primary.
            let demoted = connector.target.requiresWrites && connection.watch.refusedWrite
            if !reusable || isShutDown || connection.watch.isClosed || demoted {
                counted -= 1
                grantSlotLocked()
                return connection
            }
            while !waiters.isEmpty {
                let waiter = waiters.removeFirst()
                if waiter.outcome.settle(.success(.connection(connection))) { return nil }
            }
            connection.idleSince = .now
            idle.append(connection)
            return nil
        }
        if let toClose { close(toClose) }
    }

    private func freeSlot() {
        lock.withLock {
            counted -= 1
            grantSlotLocked()
        }
        recordCounts()
    }

    /// A slot is free: the first waiter still waiting takes it and connects.
    private func grantSlotLocked() {
        while !waiters.isEmpty {
            let waiter = waiters.removeFirst()
            if waiter.outcome.settle(.success(.permit)) {
                counted += 1
                return
            }
        }
    }

    /// Closes connections idle for longer than `timeout`.
    func closeIdle(olderThan timeout: Duration) {
        defer { recordCounts() }
        let now = ContinuousClock.now
        let stale: [PooledConnection] = lock.withLock {
            let (keep, drop) = (idle.filter { now - $0.idleSince < timeout }, idle.filter { now - $0.idleSince >= timeout })
            idle = keep
            counted -= drop.count
            for _ in drop { grantSlotLocked() }
            return drop
        }
        for connection in stale { close(connection) }
    }

    /// Refuses new calls, fails the waiting ones and closes idle connections; leased ones are
    /// closed when released.
    func shutDown() async {
        defer { recordCounts() }
        let (waiting, idleNow): ([Waiter], [PooledConnection]) = lock.withLock {
            isShutDown = true
            defer {
                waiters.removeAll()
                counted -= idle.count
                idle.removeAll()
            }
            return (waiters, idle)
        }
        for waiter in waiting { waiter.outcome.settle(.failure(EntityKitPostgresError.clientShutDown)) }
        for connection in idleNow { try? await connection.connection.close() }
    }

    private func close(_ connection: PooledConnection) {
        connection.connection.closeInBackground()
    }

    deinit {
        // A client dropped without shutdown(): close what is left.
        for connection in idle { connection.connection.closeInBackground() }
    }
}
