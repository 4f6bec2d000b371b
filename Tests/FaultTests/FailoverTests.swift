import EntityKitPostgres
import Foundation
import GeneratedModels
import LiveTestSupport
import Testing
import TestSupport

extension FaultSuites {
    /// A primary crashes while 50 tasks write, and its synchronous standby is promoted: a client
    /// naming both hosts with `target_session_attrs=read-write` fails fast during the outage,
    /// finds the new primary without a restart, and every write it acknowledged is there.
    @Suite("Scale-out: failover to a promoted standby", .enabled(if: Faults.available, Faults.skipReason))
    final class FailoverTests: Sendable {
        let servers: ReplicatedServers

        init() async throws {
            servers = try await ReplicatedServers.start("failover", synchronous: true)
        }

        deinit {
            servers.stop()
        }

        @Test func writesFollowThePromotedStandbyAndNoAcknowledgedWriteIsLost() async throws {
            let url = servers.url([.primary, .standby], parameters: "target_session_attrs=read-write")
            let options = DatabaseClient.Options(
                maximumConnections: 10, deadlines: Deadlines(connect: .seconds(2), acquire: .seconds(5), statement: .seconds(5)))
            let ledger = WriteLedger()
            try await withDatabase(url, options: options) { db async throws in
                let writers = Task {
                    await withTaskGroup(of: Void.self) { group in
                        for writer in 0..<50 {
                            group.addTask {
                                var sequence = 0
                                while !Task.isCancelled {
                                    sequence += 1
                                    let name = "w\(writer)-\(sequence)"
                                    let started = ContinuousClock.now
                                    do {
                                        _ = try await db.insert(User.Draft(username: name, email: "\(name)@example.com"))
                                        ledger.acknowledged(name, at: .now)
                                    } catch {
                                        ledger.failed(error, after: ContinuousClock.now - started)
                                        try? await Task.sleep(for: .milliseconds(20))
                                    }
                                }
                            }
                        }
                    }
                }
                try await Task.sleep(for: .seconds(1))
                #expect(ledger.count > 0, "no write succeeded before the crash")
                try await offThePool { try self.servers.primary.crash() }
                let crashed = ContinuousClock.now
                try await Task.sleep(for: .seconds(1))
                // From the moment the promotion is asked for (pg_ctl returns a little after it is done).
                let promoted = ContinuousClock.now
                try await offThePool { try self.servers.standby.promote() }
                // Writes resume on the new primary within a few seconds, with no restart.
                let resumed = try await within(20, "the first write after the promotion") {
                    while true {
                        if let first = ledger.firstAcknowledgement(after: promoted) { return first }
                        try await Task.sleep(for: .milliseconds(20))
                    }
                }
                let seconds = (resumed - promoted).seconds
                print("failover: first acknowledged write \(String(format: "%.3f", seconds)) s after the promotion began "
                    + "(crash to promotion \(String(format: "%.2f", (promoted - crashed).seconds)) s)")
                #expect(seconds < 5, "the first write after the promotion took \(seconds) s")
                try await Task.sleep(for: .seconds(1))
                writers.cancel()
                await writers.value
                // Calls failed fast during the outage: none waited past its deadlines.
                print("failover: \(ledger.failureCount) writes failed during the outage, "
                    + "the slowest in \(String(format: "%.2f", ledger.slowestFailure.seconds)) s")
                #expect(ledger.slowestFailure < .seconds(8), "a failed write took \(ledger.slowestFailure)")
                #expect(ledger.failureCount > 0, "no write failed during the outage: was the primary down?")
            }
            // Every acknowledged write is on the new primary.
            let names = ledger.names
            let present = try await offThePool {
                Set(try SQL.rows("SELECT username FROM users", on: self.servers.directURL(self.servers.standby)).compactMap { $0.first ?? nil })
            }
            let missing = names.filter { !present.contains($0) }
            print("failover: \(names.count) writes acknowledged, \(missing.count) missing on the new primary")
            #expect(missing.isEmpty, "\(missing.count) acknowledged writes are missing, e.g. \(missing.prefix(3))")
        }
    }
}

/// What the writers of a failover test saw: each acknowledged write, and how long failures took.
final class WriteLedger: @unchecked Sendable {
    private let lock = NSLock()
    private var acknowledgements: [(name: String, at: ContinuousClock.Instant)] = []
    private var failures = 0
    private var slowest = Duration.zero

    func acknowledged(_ name: String, at instant: ContinuousClock.Instant) {
        lock.withLock { acknowledgements.append((name, instant)) }
    }

    func failed(_ error: any Error, after duration: Duration) {
        lock.withLock {
            failures += 1
            slowest = max(slowest, duration)
        }
    }

    var count: Int { lock.withLock { acknowledgements.count } }
    var failureCount: Int { lock.withLock { failures } }
    var slowestFailure: Duration { lock.withLock { slowest } }
    var names: [String] { lock.withLock { acknowledgements.map(\.name) } }

    func firstAcknowledgement(after instant: ContinuousClock.Instant) -> ContinuousClock.Instant? {
        lock.withLock { acknowledgements.lazy.map(\.at).filter { $0 > instant }.min() }
    }
}
