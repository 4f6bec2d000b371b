import CoreMetrics
import Logging
import Tracing

/// Reports each statement a client runs as its ``Observability`` says: a span around it, then
/// a duration (and an error) in the metrics and a log line. One per client, shared by its
/// transactions; absent (nil in the ``StatementPolicy``) when everything is off.
final class StatementObserver: Sendable {
    /// What OpenTelemetry calls the server a client talks to.
    struct Server: Sendable {
        /// `db.namespace`: the database name.
        var database: String?
        /// `server.address` and `server.port`, when the client has a single host.
        var address: String?
        var port: Int?

        /// The database of `connector`, and its host when it has one.
        init(_ connector: HostConnector) {
            let configuration = connector.servers.first?.configuration
            database = configuration?.database
            if connector.servers.count == 1, let configuration {
                address = configuration.unixSocketPath ?? configuration.host
                port = configuration.unixSocketPath == nil ? configuration.port : nil
            }
        }
    }

    let observability: Observability
    /// Where statement lines go when an operation was given no logger of its own.
    let clientLogger: Logger
    let server: Server
    private let instruments: OperationInstruments?

    init(_ observability: Observability, server: Server, clientLogger: Logger) {
        self.observability = observability
        self.server = server
        self.clientLogger = clientLogger
        instruments = observability.metrics.map(OperationInstruments.init(factory:))
    }

    /// Runs `run`, which sends `sql` and counts the rows it reads into the counter it is
    /// given, and reports it: once, whether it returns or throws.
    func observe<Result>(_ sql: String, logger: Logger, _ run: (RowCounter) async throws -> Result) async throws -> Result {
        // The summary is read from the SQL only when something reports it: with only statement
        // lines on, a statement whose line the logger's level drops costs no parsing.
        let summary: StatementSummary? = observability.tracer != nil || instruments != nil ? StatementSummary(sql: sql) : nil
        let span = summary.flatMap { summary in observability.tracer.map { startSpan($0, summary: summary, sql: sql) } }
        let counter = RowCounter()
        let start = ContinuousClock.now
        do {
            let result = try await run(counter)
            report(summary, sql: sql, duration: .now - start, rows: counter.count, error: nil, span: span, logger: logger)
            return result
        } catch {
            report(summary, sql: sql, duration: .now - start, rows: counter.count, error: error, span: span, logger: logger)
            throw error
        }
    }

    private func startSpan(_ tracer: any Tracer, summary: StatementSummary, sql: String) -> any Span {
        let span = tracer.startSpan(summary.description, context: ServiceContext.current ?? .topLevel, ofKind: .client)
        span.updateAttributes { attributes in
            attributes["db.system.name"] = "postgresql"
            attributes["db.operation.name"] = summary.operation
            attributes["db.query.summary"] = summary.description
            attributes["db.query.text"] = sql
            if let table = summary.table { attributes["db.collection.name"] = table }
            if let database = server.database { attributes["db.namespace"] = database }
            if let address = server.address { attributes["server.address"] = address }
            if let port = server.port { attributes["server.port"] = port }
        }
        return span
    }

    private func report(
        _ summary: StatementSummary?, sql: String, duration: Duration, rows: Int, error: (any Error)?, span: (any Span)?, logger: Logger
    ) {
        let failure = error.map(ErrorLabels.init)
        if let span {
            span.updateAttributes { attributes in
                attributes["db.response.returned_rows"] = rows
                if let failure {
                    attributes["error.type"] = failure.type
                    if let sqlState = failure.sqlState { attributes["db.response.status_code"] = sqlState }
                }
            }
            if let failure { span.setStatus(SpanStatus(code: .error, message: failure.summary)) }
            span.end()
        }
        // A summary was read whenever there are instruments.
        if let instruments, let summary { instruments.record(summary, duration: duration, failure: failure) }
        log(summary, sql: sql, duration: duration, rows: rows, failure: failure, logger: logger)
    }

    private func log(_ summary: StatementSummary?, sql: String, duration: Duration, rows: Int, failure: ErrorLabels?, logger: Logger) {
        var level = observability.statementLogLevel
        let isSlow = observability.slowStatementThreshold.map { duration >= $0 } ?? false
        if isSlow { level = max(level ?? .warning, .warning) }
        // The operation's own logger carries its request's metadata; the default one discards.
        let target = logger.handler is SwiftLogNoOpLogHandler ? clientLogger : logger
        guard let level, target.logLevel <= level else { return }
        let summary = summary ?? StatementSummary(sql: sql)
        var metadata: Logger.Metadata = [
            "db.operation.name": "\(summary.operation)",
            "db.response.returned_rows": "\(rows)",
            "duration_ms": "\(Self.milliseconds(duration))",
        ]
        if let table = summary.table { metadata["db.collection.name"] = "\(table)" }
        if isSlow { metadata["slow"] = "true" }
        if let failure {
            metadata["error.type"] = "\(failure.type)"
            metadata["error"] = "\(failure.summary)"
        }
        target.log(level: level, "\(sql)", metadata: metadata)
    }

    /// Milliseconds with three decimals (`0.412`).
    static func milliseconds(_ duration: Duration) -> String {
        let microseconds = duration.components.seconds * 1_000_000 + duration.components.attoseconds / 1_000_000_000_000
        let whole = microseconds / 1000
        let fraction = microseconds % 1000
        return "\(whole)." + String(repeating: "0", count: 3 - String(fraction).count) + String(fraction)
    }
}

/// The rows a statement's reader has read so far (read once the statement is done).
final class RowCounter: @unchecked Sendable {
    var count = 0
}
