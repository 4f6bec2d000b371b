import Foundation

/// Runs async work to completion from synchronous code (the CLI's commands, `SchemaSource.load`)
/// on the calling thread: its jobs never wait for the cooperative pool, which a blocked caller
/// could otherwise exhaust on a 2-core machine.
final class CallerThreadExecutor: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var finished = false

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Runs `body` and returns its result, serving its jobs on this thread until it ends.
    static func run<Result: Sendable>(_ body: @escaping @Sendable () async throws -> Result) throws -> Result {
        let executor = CallerThreadExecutor()
        let outcome = OutcomeBox<Result>()
        Task(executorPreference: executor) {
            do {
                outcome.value = .success(try await body())
            } catch {
                outcome.value = .failure(error)
            }
            executor.finish()
        }
        executor.drain()
        guard let value = outcome.value else { throw CancellationError() }
        return try value.get()
    }

    private func finish() {
        condition.lock()
        finished = true
        condition.signal()
        condition.unlock()
    }

    private func drain() {
        while true {
            condition.lock()
            while jobs.isEmpty && !finished { condition.wait() }
            if jobs.isEmpty {
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }

    private final class OutcomeBox<Value: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: Swift.Result<Value, any Error>?
        var value: Swift.Result<Value, any Error>? {
            get { lock.withLock { stored } }
            set { lock.withLock { stored = newValue } }
        }
    }
}
