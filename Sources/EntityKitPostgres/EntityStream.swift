import EntityKit
import Foundation
import PostgresNIO

/// The rows of a query decoded into `E` as they arrive (``PostgresQueryRunner/stream(_:logger:)``),
/// in constant memory: the rows are read by a task of their own a batch ahead of the loop.
///
/// Leaving the loop early (a `break`, an error, the task cancelled) cancels the query on the
/// server and releases its connection at once, instead of reading the rest of the rows first.
/// The query starts when the loop asks for its first row; each loop over the sequence runs it
/// again.
public struct EntityStream<E: Entity>: AsyncSequence, Sendable {
    public typealias Element = E

    let start: @Sendable (StreamChannel<E>) async -> Void

    init<Runner: PostgresQueryRunner>(runner: Runner, statement: SQLStatement, logger: Logger) {
        start = { channel in
            do {
                try await runner.withRows(of: statement, isFixedShape: false, delivery: .streamed, logger: logger) { rows in
                    var decoder = EntityRowDecoder<E>()
                    var batch: [E] = []
                    batch.reserveCapacity(StreamChannel<E>.batchSize)
                    for try await row in rows {
                        batch.append(try decoder.decode(row))
                        if batch.count == StreamChannel<E>.batchSize {
                            try await channel.send(batch)
                            batch.removeAll(keepingCapacity: true)
                        }
                    }
                    if !batch.isEmpty { try await channel.send(batch) }
                }
                channel.finish(nil)
            } catch {
                channel.finish(error)
            }
        }
    }

    /// Reads the stream's rows; dropping it before the end cancels the query.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let handle: StreamHandle<E>
        var buffer: [E] = []
        var position = 0

        public mutating func next() async throws -> E? {
            if position < buffer.count {
                defer { position += 1 }
                return buffer[position]
            }
            guard let batch = try await handle.nextBatch() else { return nil }
            buffer = batch
            position = 1
            return batch[0]
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(handle: StreamHandle(start: start))
    }
}

/// One loop's reading task: started on the first `next()`, cancelled when the loop's iterator
/// goes away before the end.
final class StreamHandle<E: Entity>: @unchecked Sendable {
    private let channel = StreamChannel<E>()
    private let start: @Sendable (StreamChannel<E>) async -> Void
    private let lock = NSLock()
    private var reader: Task<Void, Never>?
    private var done = false

    init(start: @escaping @Sendable (StreamChannel<E>) async -> Void) {
        self.start = start
    }

    /// The next batch; nil at the end and on every call after the end or an error.
    func nextBatch() async throws -> [E]? {
        let finished: Bool = lock.withLock {
            if done { return true }
            if reader == nil {
                let channel = channel
                let start = start
                reader = Task { await start(channel) }
            }
            return false
        }
        if finished { return nil }
        do {
            let batch = try await channel.receive()
            if batch == nil { lock.withLock { done = true } }
            return batch
        } catch {
            lock.withLock { done = true }
            throw error
        }
    }

    deinit {
        // Cancel first, so the query is cancelled on the server before the reader, told that
        // nobody reads any more, ends its statement.
        reader?.cancel()
        channel.abandon()
    }
}

/// Hands batches of rows from the reading task to the loop, one at a time: the reader waits
/// until the loop has taken the previous batch, so memory stays bounded.
final class StreamChannel<E: Entity>: @unchecked Sendable {
    /// Rows per hand-over.
    static var batchSize: Int { 256 }

    private enum Item {
        case batch([E])
        case end((any Error)?)
    }

    private let lock = NSLock()
    private var pending: Item?
    private var receiver: CheckedContinuation<Item, Never>?
    private var sender: CheckedContinuation<Void, any Error>?
    private var isAbandoned = false

    /// Waits until the loop has room, then hands `batch` over; throws when the loop has gone.
    func send(_ batch: [E]) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let (waiting, abandoned): (CheckedContinuation<Item, Never>?, Bool) = lock.withLock {
                if isAbandoned { return (nil, true) }
                if let receiver {
                    self.receiver = nil
                    return (receiver, false)
                }
                pending = .batch(batch)
                sender = continuation
                return (nil, false)
            }
            if abandoned {
                continuation.resume(throwing: CancellationError())
            } else if let waiting {
                waiting.resume(returning: .batch(batch))
                continuation.resume()
            }
        }
    }

    /// The reader is done: `error` is nil at the end of the rows.
    func finish(_ error: (any Error)?) {
        let waiting: CheckedContinuation<Item, Never>? = lock.withLock {
            if let receiver {
                self.receiver = nil
                return receiver
            }
            pending = .end(error)
            return nil
        }
        waiting?.resume(returning: .end(error))
    }

    /// The next batch, or nil at the end; throws the reader's error.
    func receive() async throws -> [E]? {
        let item: Item = await withCheckedContinuation { (continuation: CheckedContinuation<Item, Never>) in
            let (ready, unblock): (Item?, CheckedContinuation<Void, any Error>?) = lock.withLock {
                if let pending {
                    self.pending = nil
                    defer { sender = nil }
                    return (pending, sender)
                }
                receiver = continuation
                return (nil, nil)
            }
            if let ready {
                unblock?.resume()
                continuation.resume(returning: ready)
            }
        }
        switch item {
        case let .batch(rows): return rows
        case .end(nil): return nil
        case let .end(error?): throw error
        }
    }

    /// The loop has gone: a waiting or later `send` throws.
    func abandon() {
        let waiting: CheckedContinuation<Void, any Error>? = lock.withLock {
            isAbandoned = true
            defer { sender = nil }
            return sender
        }
        waiting?.resume(throwing: CancellationError())
    }
}
