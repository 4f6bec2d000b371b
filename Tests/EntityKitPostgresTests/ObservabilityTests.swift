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

/// What a client reports about its statements, against a live server: a log line per statement
/// (to the operation's own logger when it has one), slow statements as warnings, durations,
/// errors and pool gauges through swift-metrics, a span per statement with OpenTelemetry's
/// database attributes under the caller's span; nothing holds a row's values; with observability
/// off nothing is reported. Statements stopped by faults are reported too: FaultTests'
/// ObservabilityFaultTests, which run on their own, as every time bound does.
@Suite("Observability", .timeLimit(.minutes(10)), .enabled(if: TestEnvironment.runsLiveTests, "no DATABASE_URL: run scripts/test"))
final class ObservabilityTests: Sendable {
    let database: TestDatabase
    /// A value that must never appear in a log line, a metric or a span.
    static let secretEmail = "secret-ada-7781@example.com"

    init() throws {
        database = try TestDatabase.create("observability")
        try database.loadReferenceSchema()
    }

    deinit {
        database.drop()
    }

    private func insertDuplicate(_ db: DatabaseClient) async {
        do {
            _ = try await db.insert(User.Draft(username: "ada-again", email: Self.secretEmail))
            Issue.record("the duplicate was inserted")
        } catch {
            #expect((error as? DatabaseError)?.kind == .uniqueViolation, "\(error)")
        }
    }

    @Test func everyStatementIsLoggedWithItsOperationTableRowsAndDurationButNoValues() async throws {
        let recorder = StatementLogRecorder()
        let observability = Observability(statementLogLevel: .info)
        try await withClient(self.database.url, logger: recorder.logger(), observability: observability) { db in
            let ada = try await db.insert(User.Draft(username: "ada", email: Self.secretEmail))
            _ = try await db.find(User.self, key: ada.id)
            _ = try await db.all(User.where { $0.email == Self.secretEmail })
            await self.insertDuplicate(db)
            try await db.transaction { tx in _ = try await tx.count(User.self) }
        }
        let lines = recorder.lines.filter { $0.metadata["db.operation.name"] != nil }
        #expect(lines.map(\.summary) == [
            "INSERT public.users 1", "SELECT public.users 1", "SELECT public.users 1", "INSERT public.users 0",
            "BEGIN 0", "SELECT public.users 1", "COMMIT 0",
        ])
        #expect(lines.allSatisfy { $0.level == .info })
        #expect(lines.allSatisfy { Double($0.metadata["duration_ms"] ?? "") != nil }, "\(lines.map(\.metadata))")
        #expect(lines[0].message.hasPrefix(#"INSERT INTO "public"."users" ("username", "email""#))
        #expect(lines[3].metadata["error.type"] == "23505")
        #expect(lines[3].metadata["error"] == "unique violation on table public.users, constraint users_email_key (SQLSTATE 23505)")
        // PostgresNIO's own lines at .trace quote the server's DETAIL (the Observing Statements article
        // says so); the statement lines never hold a value.
        #expect(!lines.map { "\($0.message) \($0.metadata)" }.joined().contains(Self.secretEmail), "a value reached the log")
    }

    @Test func theLineGoesToTheOperationsOwnLoggerWithItsMetadata() async throws {
        let client = StatementLogRecorder()
        let request = StatementLogRecorder()
        let requestLogger = {
            var logger = request.logger()
            logger[metadataKey: "request.id"] = "r-42"
            return logger
        }()
        try await withClient(self.database.url, logger: client.logger(), observability: Observability(statementLogLevel: .debug)) { db in
            _ = try await db.count(User.self, logger: requestLogger)
        }
        let lines = request.lines.filter { $0.metadata["db.operation.name"] != nil }
        #expect(lines.count == 1)
        #expect(lines.first?.metadata["request.id"] == "r-42")
        #expect(lines.first?.level == .debug)
        #expect(client.lines.filter { $0.metadata["db.operation.name"] != nil }.isEmpty)
        // A logger whose level is above the line's gets nothing.
        let quiet = StatementLogRecorder()
        try await withClient(self.database.url, logger: quiet.logger(level: .info), observability: Observability(statementLogLevel: .debug)) { db in
            _ = try await db.count(User.self)
        }
        #expect(quiet.lines.isEmpty)
    }

    @Test func onlySlowStatementsAreLoggedAsWarningsWhenThereIsNoStatementLog() async throws {
        let recorder = StatementLogRecorder()
        let observability = Observability(slowStatementThreshold: .milliseconds(150))
        try await withClient(self.database.url, logger: recorder.logger(), observability: observability) { db in
            _ = try await db.count(User.self)
            try await db.execute("SELECT pg_sleep(0.3)")
        }
        // Only slow statements are logged, all as warnings. The count is fast on an idle machine;
        // on a loaded one it may be slow too, and is then logged as such.
        let lines = recorder.lines.filter { $0.metadata["db.operation.name"] != nil }
        #expect(lines.contains { $0.message == "SELECT pg_sleep(0.3)" })
        #expect(lines.allSatisfy { $0.level == .warning && $0.metadata["slow"] == "true" })
        #expect(lines.allSatisfy { (Double($0.metadata["duration_ms"] ?? "") ?? 0) >= 150 }, "\(lines.map(\.metadata))")
    }

    @Test func metricsRecordDurationsErrorsAndThePoolsState() async throws {
        let metrics = TestMetrics()
        let options = DatabaseClient.Options(maximumConnections: 7)
        try await withClient(self.database.url, options: options, observability: Observability(metrics: metrics)) { db in
            let ada = try await db.insert(User.Draft(username: "ada", email: Self.secretEmail))
            _ = try await db.find(User.self, key: ada.id)
            await self.insertDuplicate(db)
            try await db.transaction { tx in
                _ = try await tx.count(User.self)
                // Inside the transaction its connection is in use.
                let used = try metrics.expectGauge(Self.connectionCount, [Self.pool, ("db.client.connection.state", "used")])
                #expect(used.lastValue == 1)
            }
        }
        let selects = metrics.timers(label: "db.client.operation.duration").filter {
            $0.has(("db.operation.name", "SELECT")) && $0.has(("db.collection.name", "public.users")) && $0.has(("db.system.name", "postgresql"))
        }
        #expect(selects.count == 1)
        #expect(selects.first?.values.count == 2, "the find and the count")
        #expect(selects.first?.values.allSatisfy { $0 > 0 } == true)
        let inserts = metrics.timers(label: "db.client.operation.duration").filter { $0.has(("db.operation.name", "INSERT")) }
        #expect(inserts.first?.values.count == 2, "one that succeeded, one that failed")
        let errors = metrics.counters(label: "db.client.operation.errors")
        #expect(errors.count == 1)
        #expect(errors.first?.has(("error.type", "23505")) == true)
        #expect(errors.first?.totalValue == 1)
        #expect(try metrics.expectGauge("db.client.connection.max", [Self.pool]).lastValue == 7)
        let idle = try metrics.expectGauge(Self.connectionCount, [Self.pool, ("db.client.connection.state", "idle")])
        let used = try metrics.expectGauge(Self.connectionCount, [Self.pool, ("db.client.connection.state", "used")])
        #expect(idle.lastValue == 0 && used.lastValue == 0, "shut down: nothing open")
        #expect(idle.values.contains(1), "a connection was idle between calls")
        #expect(try metrics.expectGauge("db.client.connection.pending_requests", [Self.pool]).lastValue == 0)
        let all: [any Dimensioned] = metrics.timers + metrics.counters + metrics.recorders
        #expect(!all.contains { $0.dimensionsDescription.contains("secret") })
    }

    @Test func eachStatementIsASpanUnderTheCallersSpanWithOpenTelemetrysAttributes() async throws {
        let tracer = InMemoryTracer()
        try await withClient(self.database.url, observability: Observability(tracer: tracer)) { db in
            try await tracer.withSpan("GET /users/:id", ofKind: .server) { _ in
                let ada = try await db.insert(User.Draft(username: "ada", email: Self.secretEmail))
                _ = try await db.find(User.self, key: ada.id)
            }
            await self.insertDuplicate(db)
            try await db.transaction { tx in _ = try await tx.count(User.self) }
        }
        let spans = tracer.finishedSpans
        #expect(spans.map(\.operationName) == [
            "INSERT public.users", "SELECT public.users", "GET /users/:id", "INSERT public.users", "BEGIN", "SELECT public.users", "COMMIT",
        ])
        let request = spans[2]
        #expect(spans[0].parentSpanID == request.spanID && spans[1].parentSpanID == request.spanID)
        #expect(spans[0].traceID == request.traceID)
        #expect(spans[3].parentSpanID == nil, "no span around it: a root span")
        let find = spans[1]
        #expect(find.kind == .client)
        #expect(find.attributes.get("db.system.name") == .string("postgresql"))
        #expect(find.attributes.get("db.operation.name") == .string("SELECT"))
        #expect(find.attributes.get("db.collection.name") == .string("public.users"))
        #expect(find.attributes.get("db.query.summary") == .string("SELECT public.users"))
        #expect(find.attributes.get("db.namespace") == .string(database.name))
        #expect(find.attributes.get("server.address") == .string("127.0.0.1"))
        #expect(find.attributes.get("server.port") != nil)
        #expect(find.attributes.get("db.response.returned_rows") == .int64(1))
        if case let .string(text)? = find.attributes.get("db.query.text") {
            #expect(text.hasPrefix("SELECT ") && text.hasSuffix(#"WHERE "id" = $1"#), "\(text)")
        } else {
            Issue.record("no db.query.text")
        }
        #expect(find.status == nil)
        let duplicate = spans[3]
        #expect(duplicate.status?.code == .error)
        #expect(duplicate.attributes.get("error.type") == .string("23505"))
        #expect(duplicate.attributes.get("db.response.status_code") == .string("23505"))
        let reported = spans.map { "\($0.attributes) \($0.status?.message ?? "")" }.joined()
        #expect(!reported.contains(Self.secretEmail))
    }

    @Test func nothingIsReportedWhenObservabilityIsOff() async throws {
        let recorder = StatementLogRecorder()
        let client = try DatabaseClient(connectionString: database.url, logger: recorder.logger())
        #expect(client.observability.statementLogLevel == nil && client.observability.metrics == nil && client.observability.tracer == nil)
        _ = try await client.count(User.self)
        try await client.transaction { tx in _ = try await tx.count(User.self) }
        await client.shutdown()
        #expect(recorder.lines.filter { $0.metadata["db.operation.name"] != nil }.isEmpty)
    }

    static let pool = ("db.client.connection.pool.name", "primary")
    /// The gauge of open connections by state.
    static let connectionCount = "db.client.connection.count"
}

/// A test metric's dimensions, whatever its kind.
private protocol Dimensioned {
    var dimensions: [(String, String)] { get }
}

extension Dimensioned {
    /// Whether the metric has this dimension.
    func has(_ dimension: (String, String)) -> Bool {
        dimensions.contains { $0 == dimension }
    }

    var dimensionsDescription: String {
        dimensions.map { "\($0.0)=\($0.1)" }.joined(separator: ",")
    }
}

extension TestTimer: Dimensioned {}
extension TestCounter: Dimensioned {}
extension TestRecorder: Dimensioned {}

/// Records what is logged: level, message and metadata.
final class StatementLogRecorder: @unchecked Sendable {
    struct Line {
        let level: Logger.Level
        let message: String
        let metadata: [String: String]

        /// `OPERATION table rows`, for comparing sequences of lines.
        var summary: String {
            [metadata["db.operation.name"], metadata["db.collection.name"], metadata["db.response.returned_rows"]]
                .compactMap { $0 }.joined(separator: " ")
        }
    }

    private let lock = NSLock()
    private var recorded: [Line] = []

    var lines: [Line] { lock.withLock { recorded } }

    func logger(level: Logger.Level = .trace) -> Logger {
        var logger = Logger(label: "observability-test") { _ in Handler(recorder: self) }
        logger.logLevel = level
        return logger
    }

    fileprivate func append(_ line: Line) {
        lock.withLock { recorded.append(line) }
    }

    private struct Handler: LogHandler {
        let recorder: StatementLogRecorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            recorder.append(Line(level: event.level, message: "\(event.message)", metadata: merged.mapValues { "\($0)" }))
        }
    }
}
