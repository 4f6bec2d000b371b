import Foundation

/// Runs an operation within a time bound: past it, or when the calling task is cancelled, the
/// call throws at once (``Bounded/TimedOut`` or `CancellationError`), the operation's task is
/// cancelled and `onGiveUp` runs (to close what the operation holds). The operation may go on
/// in the background until it notices.
enum Bounded {
    /// The bound passed.
    struct TimedOut: Error {}

    ///
    /// `discardLate` receives a value the operation produced after the call gave up (a
    /// connection opened too late, to close).
    static func run<T: Sendable>(
        within bound: Duration, onGiveUp: @escaping @Sendable () -> Void = {},
        discardLate: @escaping @Sendable (T) -> Void = { _ in },
        operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let outcome = FirstOutcome<T>()
        let work = Task {
            do {
                let value = try await operation()
                if !outcome.settle(.success(value)) { discardLate(value) }
            } catch {
                outcome.settle(.failure(error))
            }
        }
        let timer = Task {
            try await Task.sleep(for: bound)
            outcome.settle(.failure(TimedOut()))
        }
        defer { timer.cancel() }
        do {
            return try await withTaskCancellationHandler {
                try await outcome.value
            } onCancel: {
                outcome.settle(.failure(CancellationError()))
            }
        } catch let error where error is TimedOut || error is CancellationError {
            if !work.isCancelled {
                work.cancel()
                onGiveUp()
            }
            throw error
        }
    }
}
