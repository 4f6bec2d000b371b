import NIOCore

/// Runs a task's jobs on one connection's event loop.
///
/// A statement's task prefers this executor while it sends the statement (``StatementScope``):
/// it moves to the loop that owns the connection, checks the channel open and writes to it in
/// one step, and resumes there when the driver's future completes; then it returns to the
/// executor it came from to read the rows. Nothing that runs here blocks: that part only hands
/// the statement to the driver and waits.
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
