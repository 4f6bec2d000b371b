import CoreMetrics
import Logging
import Tracing

/// What a ``DatabaseClient`` reports about its work, through the Swift server ecosystem's own
/// APIs: statement lines through swift-log, timers, counters and pool gauges through
/// swift-metrics, a span per statement through swift-distributed-tracing. Everything is off by
/// default; what is off costs one check per statement.
///
/// ```swift
/// let db = try DatabaseClient(
///     connectionString: url,
///     observability: Observability(statementLogLevel: .debug, slowStatementThreshold: .milliseconds(200),
///                                  metrics: MetricsSystem.factory, tracer: InstrumentationSystem.tracer))
/// ```
///
/// Nothing reported holds a value: statements carry their values as `$n` parameters, and only
/// the text is reported (a statement written by hand with values in its text would show
/// them). Errors are reported by their SQLSTATE and class, never by the server's message, which
/// can quote a value. Names follow OpenTelemetry's database conventions (`db.operation.name`,
/// `db.collection.name`, `db.client.operation.duration` …); see <doc:ObservingStatements>.
public struct Observability: Sendable {
    /// The level of the line logged for every statement, or nil for none. The line goes to the
    /// logger the operation was given (a request's logger, with its metadata), or to the
    /// client's logger when the operation was given none.
    public var statementLogLevel: Logger.Level?
    /// Statements that take at least this long are logged at `.warning`, whatever
    /// ``statementLogLevel`` says; nil logs none for being slow.
    public var slowStatementThreshold: Duration?
    /// Where durations, errors and pool gauges are recorded (`MetricsSystem.factory` for the
    /// app's bootstrapped backend), or nil for none.
    public var metrics: (any MetricsFactory)?
    /// What starts a span per statement (`InstrumentationSystem.tracer` for the app's
    /// bootstrapped tracer), or nil for none.
    public var tracer: (any Tracer)?

    /// Observability with these parts; the defaults turn everything off.
    public init(
        statementLogLevel: Logger.Level? = nil, slowStatementThreshold: Duration? = nil,
        metrics: (any MetricsFactory)? = nil, tracer: (any Tracer)? = nil
    ) {
        self.statementLogLevel = statementLogLevel
        self.slowStatementThreshold = slowStatementThreshold
        self.metrics = metrics
        self.tracer = tracer
    }

    /// Nothing reported (the default).
    public static var off: Observability { Observability() }

    /// Everything on, through the process's bootstrapped backends (`LoggingSystem`,
    /// `MetricsSystem`, `InstrumentationSystem`): statement lines at `statementLogLevel`, slow
    /// statements at `.warning`, metrics and spans.
    ///
    /// A backend still at its no-op default (`MetricsSystem` or `InstrumentationSystem` never
    /// bootstrapped) is left out, so statements do not pay for reports that go nowhere. Like
    /// the backends themselves, this is read when the observability is made: bootstrap first.
    public static func bootstrapped(
        statementLogLevel: Logger.Level? = .debug, slowStatementThreshold: Duration? = .seconds(1)
    ) -> Observability {
        let metrics = MetricsSystem.factory
        let tracer = InstrumentationSystem.tracer
        return Observability(
            statementLogLevel: statementLogLevel, slowStatementThreshold: slowStatementThreshold,
            metrics: metrics is NOOPMetricsHandler ? nil : metrics, tracer: tracer is NoOpTracer ? nil : tracer)
    }

    /// True when nothing is reported.
    var isOff: Bool {
        statementLogLevel == nil && slowStatementThreshold == nil && metrics == nil && tracer == nil
    }
}
