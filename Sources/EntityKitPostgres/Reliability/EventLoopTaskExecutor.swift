import NIOCore

/// Runs a task's jobs on one connection's event loop.
///
/// A statement is sent from a task of its own (``StatementScope``). With this executor as the
/// task's preference, the task starts on the loop that owns the connection, writes to the
/// channel without a hop, and resumes there when the server answers: the driver's future is
/// completed on that loop. Only the caller's resumption crosses threads, as when the caller
/// sends the statement itself. Nothing that runs here blocks: the send task only hands the
/// statement to the driver and waits.
final class EventLoopTaskExecutor: TaskExecutor, @unchecked Sendable {
    private let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { [self] in
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
