import Foundation

/// Runs actions at their deadlines from one long-lived task, instead of a task per deadline.
///
/// Every wait in the runtime has a bound, and most bounds never fire: a pooled connection
/// arrives, a statement answers. A task per bound (`Task { try await Task.sleep(for:) … }`)
/// costs a task's creation and two scheduler hops on every call, even when nothing times out;
/// under load that was a measurable part of a short statement. Here scheduling and cancelling
/// are a lock and a dictionary entry. One sleeper task sleeps until the earliest deadline; it
/// is replaced only when a new deadline comes before the one it sleeps until, and it lingers a
/// second after the last entry is gone, so a steady stream of short waits creates no tasks.
/// (pgjdbc shares one timer thread for statement timeouts in the same way.)
final class DeadlineTimer: @unchecked Sendable {
    /// The process's timer.
    static let shared = DeadlineTimer()

    private struct Entry {
        let deadline: ContinuousClock.Instant
        let action: @Sendable () -> Void
    }

    /// How long the sleeper stays after the last entry, waiting for the next one.
    private let linger: Duration
    private let lock = NSLock()
    private var entries: [UInt64: Entry] = [:]
    private var nextID: UInt64 = 0
    /// When the current sleeper wakes next; nil when there is none.
    private var wakesAt: ContinuousClock.Instant?
    /// Which sleeper is current: an older one that wakes exits.
    private var generation: UInt64 = 0
    private var sleeper: Task<Void, Never>?

    init(linger: Duration = .seconds(1)) {
        self.linger = linger
    }

    /// Runs `action` once `duration` has passed, unless ``cancel(_:)`` is called first. The
    /// action runs on the timer's task: it must only settle something and return.
    func schedule(after duration: Duration, _ action: @escaping @Sendable () -> Void) -> UInt64 {
        let deadline = ContinuousClock.now.advanced(by: max(duration, .zero))
        return lock.withLock {
            nextID += 1
            entries[nextID] = Entry(deadline: deadline, action: action)
            if wakesAt.map({ deadline < $0 }) ?? true {
                startSleeperLocked(until: deadline)
            }
            return nextID
        }
    }

    /// Drops a scheduled action; nothing happens if it already ran.
    func cancel(_ id: UInt64) {
        lock.withLock { _ = entries.removeValue(forKey: id) }
    }

    /// The number of actions waiting for their deadline.
    var pendingCount: Int {
        lock.withLock { entries.count }
    }

    private func startSleeperLocked(until instant: ContinuousClock.Instant) {
        sleeper?.cancel()
        generation += 1
        wakesAt = instant
        let generation = generation
        sleeper = Task.detached { [self] in await run(generation, firstWake: instant) }
    }

    private func run(_ generation: UInt64, firstWake: ContinuousClock.Instant) async {
        var wake = firstWake
        var lingering = false
        while true {
            do { try await Task.sleep(until: wake, clock: .continuous) } catch { return }
            let now = ContinuousClock.now
            var due: [@Sendable () -> Void] = []
            let next: ContinuousClock.Instant? = lock.withLock {
                // A sleeper replaced by one that wakes earlier leaves everything to it.
                guard generation == self.generation else { return nil }
                var earliest: ContinuousClock.Instant?
                for (id, entry) in entries {
                    if entry.deadline <= now {
                        due.append(entry.action)
                        entries[id] = nil
                    } else if earliest.map({ entry.deadline < $0 }) ?? true {
                        earliest = entry.deadline
                    }
                }
                if let earliest {
                    lingering = false
                    wakesAt = earliest
                } else if lingering && due.isEmpty {
                    // A second with nothing scheduled: end; the next entry starts a sleeper.
                    wakesAt = nil
                    sleeper = nil
                } else {
                    lingering = true
                    wakesAt = now.advanced(by: linger)
                }
                return wakesAt
            }
            for action in due { action() }
            guard let next else { return }
            wake = next
        }
    }
}
