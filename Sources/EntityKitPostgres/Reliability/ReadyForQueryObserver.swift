import Foundation
import NIOCore
import PostgresNIO

/// Tells when the server has finished every statement sent on one connection, from the
/// server's ReadyForQuery, without another round trip.
///
/// Outside a transaction the server commits a statement at the protocol's Sync and then sends
/// ReadyForQuery; a commit that fails sends an error instead. PostgresNIO completes a statement
/// earlier, at CommandComplete, and keeps ReadyForQuery to itself, except for the event
/// ("`PSQLEvent.readyForQuery`") that its `PostgresChannelHandler` sends down the pipeline when
/// a ReadyForQuery leaves it idle (no statement queued). This handler sits right behind that
/// handler, counts the statements written to it, and records the count at each such event:
/// once the count recorded reaches the count at a write's completion, the server has committed
/// that write (``CommitConfirmation``).
///
/// It relies on how PostgresNIO 1.33 builds its pipeline (the events handler's type and
/// generated name, the connection's `channel` property); ``install(on:)`` checks each and
/// installs nothing when one differs, and confirmation then takes a round trip as before.
/// `ReadyForQueryObserverLiveTests` fails if a PostgresNIO upgrade turns the fast path off.
final class ReadyForQueryObserver: ChannelDuplexHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer

    /// How a wait for the server to finish ended.
    enum Outcome: Sendable, Equatable {
        /// The server finished every statement written before the wait, commits included.
        case idle
        /// Another statement was written while waiting, so the connection may not go idle
        /// soon: the caller confirms with a statement of its own, which queues behind it.
        case overtaken
        /// The connection closed first; `refusal` is the server's error that closed it when
        /// it refused a commit (SQLSTATE, table and constraint).
        case closed(refusal: String?)
        /// The bound passed first.
        case timedOut
    }

    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<Outcome, Never>
        var timer: UInt64?
    }

    private let lock = NSLock()
    /// Statements written to the driver's handler since this observer was installed.
    private var written: UInt64 = 0
    /// `written` at the last event that found the driver idle.
    private var settled: UInt64 = 0
    private var closed = false
    private var refusal: String?
    private var waiters: [Waiter] = []
    private var nextWaiter: UInt64 = 0
    /// The driver's event type and the bit pattern of its `readyForQuery` case, learnt from the
    /// first event that names them (event-loop only).
    private var readyEvent: (type: ObjectIdentifier, tag: UInt8)?

    /// Installs an observer on `connection`'s pipeline, behind the driver's handler. Call it on
    /// the connection's event loop, when no statement is in flight on the connection by this
    /// process' runtime. Nil when the pipeline is not the one this was written against.
    static func install(on connection: PostgresConnection) -> ReadyForQueryObserver? {
        // PostgresNIO keeps its channel internal; reflection reads the stored property.
        guard let channel = Mirror(reflecting: connection).descendant("channel") as? any Channel,
            channel.eventLoop.inEventLoop, channel.isActive
        else { return nil }
        let pipeline = channel.pipeline.syncOperations
        // The driver adds its events handler first and its channel handler before it, under
        // the pipeline's generated names.
        for index in 0..<4 {
            guard let events = try? pipeline.context(name: "handler\(index)") else { continue }
            guard String(describing: type(of: events.handler)) == "PSQLEventsHandler" else { continue }
            let observer = ReadyForQueryObserver()
            do {
                try pipeline.addHandler(observer, position: .before(events.handler))
            } catch {
                return nil
            }
            return observer
        }
        return nil
    }

    /// Waits until the server has finished every statement written so far, at most `bound`.
    /// Returns at once when it has.
    func waitUntilIdle(within bound: Duration?) async -> Outcome {
        // The usual case, the ReadyForQuery came with the answer: no continuation to make.
        if let now = lock.withLock({ outcomeWithoutWaiting() }) { return now }
        return await withCheckedContinuation { (continuation: CheckedContinuation<Outcome, Never>) in
            let (now, id): (Outcome?, UInt64) = lock.withLock {
                if let now = outcomeWithoutWaiting() { return (now, 0) }
                nextWaiter &+= 1
                waiters.append(Waiter(id: nextWaiter, continuation: continuation))
                return (nil, nextWaiter)
            }
            if let now {
                continuation.resume(returning: now)
                return
            }
            guard let bound else { return }
            let timer = DeadlineTimer.shared.schedule(after: bound) { [self] in resume(id, with: .timedOut) }
            let stillWaiting: Bool = lock.withLock {
                guard let index = waiters.firstIndex(where: { $0.id == id }) else { return false }
                waiters[index].timer = timer
                return true
            }
            if !stillWaiting { DeadlineTimer.shared.cancel(timer) }
        }
    }

    /// The outcome when there is nothing to wait for: closed, or idle. Call it under the lock.
    private func outcomeWithoutWaiting() -> Outcome? {
        if closed { return .closed(refusal: refusal) }
        return settled == written ? .idle : nil
    }

    /// How many waits are registered (for tests).
    var waitingCount: Int {
        lock.withLock { waiters.count }
    }

    /// Ends the wait `id` (if it is still waiting) with `outcome`.
    private func resume(_ id: UInt64, with outcome: Outcome) {
        let waiter: Waiter? = lock.withLock {
            guard let index = waiters.firstIndex(where: { $0.id == id }) else { return nil }
            return waiters.remove(at: index)
        }
        waiter?.continuation.resume(returning: outcome)
    }

    /// Ends every wait with the outcome `update` returns; `update` runs under the lock.
    private func resumeAll(_ update: () -> Outcome) {
        let (ended, outcome): ([Waiter], Outcome) = lock.withLock {
            let outcome = update()
            defer { waiters.removeAll() }
            return (waiters, outcome)
        }
        for waiter in ended {
            if let timer = waiter.timer { DeadlineTimer.shared.cancel(timer) }
            waiter.continuation.resume(returning: outcome)
        }
    }

    // MARK: Channel events (on the event loop)

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let overtaking: Bool = lock.withLock {
            written &+= 1
            return !waiters.isEmpty
        }
        if overtaking { resumeAll { .overtaken } }
        context.write(data, promise: promise)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if isReadyForQuery(event) {
            let waiting: Bool = lock.withLock {
                settled = written
                return !waiters.isEmpty
            }
            if waiting { resumeAll { .idle } }
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? PSQLError, let refused = CommitConfirmation.refusal(in: error) {
            lock.withLock { refusal = refused }
        }
        context.fireErrorCaught(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        markClosed()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        markClosed()
    }

    private func markClosed() {
        resumeAll {
            closed = true
            return .closed(refusal: refusal)
        }
    }

    /// True for the driver's event that it is idle. The first event whose type and case are
    /// named so teaches the type and the case's one-byte pattern; later events compare those.
    private func isReadyForQuery(_ event: Any) -> Bool {
        let type = ObjectIdentifier(Swift.type(of: event))
        if let readyEvent {
            return readyEvent.type == type && Self.oneByteTag(of: event) == readyEvent.tag
        }
        guard String(describing: Swift.type(of: event)) == "PSQLEvent", String(describing: event) == "readyForQuery",
            let tag = Self.oneByteTag(of: event)
        else { return false }
        readyEvent = (type, tag)
        return true
    }

    /// The value's bit pattern when it is one byte (a small enum without payloads).
    private static func oneByteTag(of event: Any) -> UInt8? {
        func tag<Value>(_ value: Value) -> UInt8? {
            guard MemoryLayout<Value>.size == 1 else { return nil }
            return unsafeBitCast(value, to: UInt8.self)
        }
        return tag(event)
    }
}
