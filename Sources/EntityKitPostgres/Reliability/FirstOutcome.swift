import Foundation

/// A value that the first of several racers settles: an operation's result, a deadline, the
/// connection closing, task cancellation. Later settlements are ignored. Waiting on it never
/// outlives the first one, even when the operation itself never returns (PostgresNIO's wait on
/// a statement written to a closed connection), which a task group could not promise: a group
/// waits for all its children.
final class FirstOutcome<Value: Sendable>: @unchecked Sendable {
    private enum State {
        case pending(CheckedContinuation<Value, any Error>?)
        case settled(Result<Value, any Error>)
    }

    private let lock = NSLock()
    private var state = State.pending(nil)

    /// Settles it, unless it already is; true when this call settled it.
    @discardableResult
    func settle(_ result: Result<Value, any Error>) -> Bool {
        let (settledNow, continuation): (Bool, CheckedContinuation<Value, any Error>?) = lock.withLock {
            guard case let .pending(waiting) = state else { return (false, nil) }
            state = .settled(result)
            return (true, waiting)
        }
        continuation?.resume(with: result)
        return settledNow
    }

    /// True once settled.
    var isSettled: Bool {
        lock.withLock {
            if case .settled = state { return true }
            return false
        }
    }

    /// The first result: returns (or throws) as soon as one is settled.
    var value: Value {
        get async throws {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value, any Error>) in
                let settled: Result<Value, any Error>? = lock.withLock {
                    switch state {
                    case let .settled(result):
                        return result
                    case .pending:
                        state = .pending(continuation)
                        return nil
                    }
                }
                if let settled { continuation.resume(with: settled) }
            }
        }
    }
}
