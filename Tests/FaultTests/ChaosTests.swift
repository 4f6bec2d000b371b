import EntityKitPostgres
import Foundation
import LiveTestSupport
import Testing
import TestSupport

extension FaultSuites {
    /// 200 tasks read and write through 20 random faults (terminated sessions, cut and stalled
    /// connections, a result cut in the middle, refused connections, a server restart). Afterwards
    /// every task has ended, every acknowledged write is in the database and no write is half
    /// there.
    @Suite("Faults: chaos", .enabled(if: Faults.available, Faults.skipReason))
    final class ChaosTests: Sendable {
        let own: OwnServer
        let proxy: FaultProxy

        init() async throws {
            own = try await OwnServer.start("fault_chaos")
            proxy = try FaultProxy(targetPort: own.server.port)
            try own.database.execute("CREATE TABLE chaos (write_id uuid NOT NULL, part int NOT NULL, PRIMARY KEY (write_id, part))")
        }

        deinit {
            proxy.stop()
            own.stop()
        }

        /// What one write ended as.
        enum WriteOutcome: Sendable {
            case acknowledged(UUID)
            case failed(UUID)
            case unknown(UUID)
        }

        @Test func twoHundredTasksThroughTwentyFaults() async throws {
            let seed = UInt64(ProcessInfo.processInfo.environment["CHAOS_SEED"] ?? "") ?? UInt64.random(in: 0...UInt64(UInt32.max))
            print("chaos seed \(seed) (CHAOS_SEED=\(seed) replays the faults)")
            let options = DatabaseClient.Options(
                maximumConnections: 20,
                deadlines: Deadlines(connect: .seconds(2), acquire: .seconds(5), statement: .seconds(3), cancelGrace: .milliseconds(500)))
            let proxy = self.proxy
            let own = self.own
            let outcomes = try await within(120, "the chaos run") {
                try await withDatabase(own.url(port: proxy.port), options: options) { db async throws in
                    try await withThrowingTaskGroup(of: [WriteOutcome].self) { group in
                        let stopAt = ContinuousClock.now + .seconds(12)
                        for task in 0..<200 {
                            group.addTask {
                                var outcomes: [WriteOutcome] = []
                                while ContinuousClock.now < stopAt {
                                    if task % 3 == 0 {
                                        _ = try? await db.query("SELECT count(*) FROM chaos", as: Int64.self)
                                    } else {
                                        let id = UUID()
                                        do {
                                            try await db.transaction { tx in
                                                try await tx.execute("INSERT INTO chaos VALUES (\(id), 1)")
                                                try await tx.execute("INSERT INTO chaos VALUES (\(id), 2)")
                                            }
                                            outcomes.append(.acknowledged(id))
                                        } catch EntityKitPostgresError.commitOutcomeUnknown {
                                            outcomes.append(.unknown(id))
                                        } catch {
                                            outcomes.append(.failed(id))
                                        }
                                    }
                                    try? await Task.sleep(for: .milliseconds(Int.random(in: 5...60)))
                                }
                                return outcomes
                            }
                        }
                        group.addTask {
                            var random = SplitMix64(seed: seed)
                            for _ in 0..<20 {
                                try await Task.sleep(for: .milliseconds(random.inRange(200...499)))
                                switch random.below(6) {
                                case 0: try? await own.terminateSessions()
                                case 1: proxy.cutAll()
                                case 2:
                                    proxy.set(.blackhole)
                                    try await Task.sleep(for: .milliseconds(700))
                                    proxy.set(.pass)
                                case 3:
                                    proxy.cut(afterServerBytes: 40)
                                    try await Task.sleep(for: .milliseconds(200))
                                    proxy.cut(afterServerBytes: nil)
                                case 4:
                                    proxy.set(.refuse)
                                    try await Task.sleep(for: .milliseconds(300))
                                    proxy.set(.pass)
                                default:
                                    try? await own.restart()
                                }
                            }
                            proxy.set(.pass)
                            proxy.cut(afterServerBytes: nil)
                            return []
                        }
                        var all: [WriteOutcome] = []
                        for try await outcomes in group { all += outcomes }
                        return all
                    }
                }
            }
            var parts: [UUID: Int] = [:]
            for row in try own.database.rows("SELECT write_id, count(*) FROM chaos GROUP BY write_id") {
                if let id = row[0].flatMap(UUID.init(uuidString:)), let count = row[1].flatMap(Int.init) { parts[id] = count }
            }
            var acknowledged = 0, failed = 0, unknown = 0, lost = 0, halfWritten = 0, failedButPresent = 0
            for outcome in outcomes {
                switch outcome {
                case let .acknowledged(id):
                    acknowledged += 1
                    if parts[id] != 2 { lost += 1 }
                case let .failed(id):
                    failed += 1
                    if parts[id] != nil { failedButPresent += 1 }
                case .unknown:
                    unknown += 1
                }
            }
            halfWritten = parts.values.filter { $0 != 2 }.count
            print("chaos: 200 tasks ended, 0 hung; writes acknowledged \(acknowledged), failed \(failed), outcome unknown \(unknown); "
                + "lost acknowledged writes \(lost), half-written \(halfWritten), failed but committed \(failedButPresent)")
            #expect(acknowledged > 0)
            #expect(lost == 0, "acknowledged writes missing")
            #expect(halfWritten == 0, "writes half there")
            #expect(failedButPresent == 0, "writes reported failed but committed")
        }
    }
}
