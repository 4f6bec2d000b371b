@testable import EntityKitPostgres
import Foundation
import Testing

/// The shared timer behind every bound in the runtime (pool waits, leases, statement
/// deadlines): actions run once their deadline passes and never after they are cancelled, an
/// earlier deadline scheduled after a later one still runs first, and nothing is left behind.
/// Each test has its own timer; waits are bounded, so a timer that never fires fails the test.
/// The bounds are generous and nothing asserts how soon an action runs: in the main test phase
/// other suites can starve the cooperative pool for many seconds.
@Suite("Deadline timer", .timeLimit(.minutes(3)))
struct DeadlineTimerTests {
    /// Counts and orders the actions that ran.
    final class Fired: @unchecked Sendable {
        private let lock = NSLock()
        private var names: [String] = []
        func record(_ name: String) { lock.withLock { names.append(name) } }
        var all: [String] { lock.withLock { names } }
    }

    /// Waits until `condition` holds, at most `bound`.
    func eventually(within bound: Duration = .seconds(60), _ condition: () -> Bool) async throws -> Bool {
        let end = ContinuousClock.now + bound
        while ContinuousClock.now < end {
            if condition() { return true }
            try await Task.sleep(for: .milliseconds(5))
        }
        return condition()
    }

    @Test func anActionRunsOnceItsDeadlinePasses() async throws {
        let timer = DeadlineTimer(linger: .milliseconds(50))
        let fired = Fired()
        let start = ContinuousClock.now
        _ = timer.schedule(after: .milliseconds(100)) { fired.record("a") }
        #expect(try await eventually { fired.all == ["a"] })
        #expect(ContinuousClock.now - start >= .milliseconds(100))
        #expect(timer.pendingCount == 0)
    }

    @Test func aCancelledActionNeverRuns() async throws {
        let timer = DeadlineTimer(linger: .milliseconds(50))
        let fired = Fired()
        let cancelled = timer.schedule(after: .milliseconds(50)) { fired.record("cancelled") }
        timer.cancel(cancelled)
        _ = timer.schedule(after: .milliseconds(200)) { fired.record("kept") }
        #expect(try await eventually { fired.all.contains("kept") })
        #expect(fired.all == ["kept"])
    }

    @Test func anEarlierDeadlineScheduledLaterRunsFirst() async throws {
        let timer = DeadlineTimer(linger: .milliseconds(50))
        let fired = Fired()
        let late = timer.schedule(after: .seconds(120)) { fired.record("late") }
        _ = timer.schedule(after: .milliseconds(50)) { fired.record("early") }
        // Had the early one waited for the late one's sleeper, both would run together.
        #expect(try await eventually { fired.all.contains("early") })
        #expect(fired.all == ["early"])
        timer.cancel(late)
        #expect(timer.pendingCount == 0)
    }

    @Test func aZeroOrPastDurationRunsAtOnce() async throws {
        let timer = DeadlineTimer(linger: .milliseconds(50))
        let fired = Fired()
        _ = timer.schedule(after: .zero) { fired.record("zero") }
        _ = timer.schedule(after: .milliseconds(-5)) { fired.record("past") }
        #expect(try await eventually { fired.all.count == 2 })
    }

    @Test func manyWaitsThatEndInTimeLeaveNothingScheduled() async throws {
        let timer = DeadlineTimer(linger: .milliseconds(20))
        let fired = Fired()
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<200 {
                group.addTask {
                    let id = timer.schedule(after: .seconds(600)) { fired.record("\(index)") }
                    await Task.yield()
                    timer.cancel(id)
                }
            }
        }
        #expect(timer.pendingCount == 0)
        // After the linger, a new action still runs: the next entry starts a sleeper again.
        try await Task.sleep(for: .milliseconds(100))
        _ = timer.schedule(after: .milliseconds(10)) { fired.record("after") }
        #expect(try await eventually { fired.all == ["after"] })
    }
}
