import EntityKitPostgres
import Foundation
import GeneratedModels
import InMemoryTracing
import LiveTestSupport
import Logging
import MetricsTestKit
import Testing
import TestSupport
import Tracing

extension FaultSuites {
    /// The runtime's promise holds with observability on, against a server of the suite's own: a
    /// statement stopped by its deadline, or by the server ending its session, ends its span,
    /// counts its error and logs its line, once, and waits no longer for being observed.
    @Suite("Faults: observed statements", .enabled(if: Faults.available, Faults.skipReason))
    final class ObservabilityFaultTests: Sendable {
        let own: OwnServer

        init() async throws {
            own = try await OwnServer.start("fault_observed")
        }

        deinit {
            own.stop()
        }

        @Test func statementsStoppedByADeadlineOrATerminatedSessionAreReportedOnceAndWaitNoLonger() async throws {
            let tracer = InMemoryTracer()
            let metrics = TestMetrics()
            let lines = ReportedLines()
            let logger = lines.logger()
            let observability = Observability(statementLogLevel: .info, metrics: metrics, tracer: tracer)

            let deadline = await timed {
                try await withDatabase(
                    self.own.url(), options: DatabaseClient.Options(deadlines: Deadlines(statement: .milliseconds(300))), logger: logger,
                    observability: observability
                ) { db in
                    try await db.execute("SELECT pg_sleep(30)")
                }
            }
            #expect(deadline.seconds < 5, "the deadline took \(deadline.seconds) s")
            #expect((try? deadline.result.get()) == nil, "the statement ran past its deadline")
            if case let .failure(error) = deadline.result {
                #expect(error as? EntityKitPostgresError == .statementTimedOut(.milliseconds(300)), "\(error)")
            }

            let url = own.url()
            let terminated = await timed {
                try await withDatabase(url, logger: logger, observability: observability) { db in
                    // Polls until the statement runs, then ends its session.
                    let killer = Task {
                        for _ in 0..<200 {
                            try await Task.sleep(for: .milliseconds(50))
                            let ended = try SQL.rows(
                                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(31)' AND pid <> pg_backend_pid()",
                                on: url)
                            if !ended.isEmpty { return }
                        }
                    }
                    defer { killer.cancel() }
                    try await db.execute("SELECT pg_sleep(31)")
                }
            }
            #expect(terminated.seconds < 10, "the terminated statement took \(terminated.seconds) s")
            #expect((try? terminated.result.get()) == nil, "the statement outlived its session")

            let sleeps = tracer.finishedSpans.filter { $0.attributes.get("db.query.text").map { "\($0)".contains("pg_sleep") } ?? false }
            #expect(sleeps.count == 2, "\(tracer.finishedSpans.map(\.operationName))")
            #expect(sleeps.first?.attributes.get("error.type") == .string("statementTimedOut"))
            #expect(sleeps.allSatisfy { $0.status?.code == .error })
            #expect(tracer.activeSpans.isEmpty, "a span left open")
            #expect(metrics.counters(label: "db.client.operation.errors").reduce(0) { $0 + $1.totalValue } == 2)
            let failed = lines.all.filter { $0["error.type"] != nil }
            #expect(failed.count == 2)
            #expect(failed.first?["error.type"] == "statementTimedOut")
        }
    }
}

/// The metadata of every line logged, for looking at statement lines.
private final class ReportedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [[String: String]] = []

    var all: [[String: String]] { lock.withLock { recorded } }

    func logger() -> Logger {
        var logger = Logger(label: "observed-faults") { _ in Handler(lines: self) }
        logger.logLevel = .info
        return logger
    }

    fileprivate func append(_ metadata: [String: String]) {
        lock.withLock { recorded.append(metadata) }
    }

    private struct Handler: LogHandler {
        let lines: ReportedLines
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            lines.append((event.metadata ?? [:]).mapValues { "\($0)" })
        }
    }
}
