import BenchmarkModels
import EntityKitPostgres
import Foundation
import InMemoryTracing
import Logging
import MetricsTestKit

/// What observability costs: finds by primary key on a `DatabaseClient` (prepared, 10,000 per
/// pass), with nothing reported against each of: a statement line per find (formatted as a
/// stream handler would, then dropped), swift-metrics (MetricsTestKit's in-memory backend), a
/// span per find (swift-distributed-tracing's InMemoryTracer), and all three.
struct ObservabilityBenchmark {
    let url: String
    let passes: Int
    let finds = 10_000

    static let off = "off"
    static let on = "on"

    func run(into report: inout RuntimeReport) async throws {
        let keys = (0..<finds).map { Int64($0 % 10_000 + 1) }
        let tracer = InMemoryTracer()
        let metrics = TestMetrics()
        let logger = Logger(label: "benchmark") { _ in FormattingDiscardHandler() }
        let modes: [(String, Observability)] = [
            (Self.off, .off),
            ("statement log (.info line, formatted)", Observability(statementLogLevel: .info)),
            ("metrics (MetricsTestKit)", Observability(metrics: metrics)),
            ("tracing (InMemoryTracer)", Observability(tracer: tracer)),
            ("all three", Observability(statementLogLevel: .info, metrics: metrics, tracer: tracer)),
        ]
        var clients: [(String, DatabaseClient)] = []
        for (name, observability) in modes {
            clients.append((name, try DatabaseClient(connectionString: url, logger: logger, observability: observability)))
        }
        progress("find by key, \(finds) times on a DatabaseClient, with each kind of observability…")
        let figures = try await Measure.compare(clients.map { name, client in
            (name, {
                for key in keys { blackHole(try await client.find(BenchNarrow.self, key: key)) }
            })
        }, units: keys.count, passes: passes, reset: {
            // The in-memory backends keep everything: start each run empty.
            tracer.clearAll()
            metrics.reset()
        })
        for (_, client) in clients { await client.shutdown() }
        guard let off = figures[Self.off] else { return }
        for (name, _) in modes.dropFirst() {
            guard let on = figures[name] else { continue }
            report.add(section: .observability, subject: name, figures: [Self.off: off, Self.on: on])
        }
    }
}

/// Formats each line as a stream log handler would (level, metadata, message), then drops it:
/// the cost of a statement log without the cost of a terminal.
struct FormattingDiscardHandler: LogHandler {
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let fields = metadata.merging(event.metadata ?? [:]) { $1 }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        blackHole("\(Date()) \(event.level) benchmark: \(fields.joined(separator: " ")) \(event.message)")
    }
}
