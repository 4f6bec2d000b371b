import EntityKitPostgres
import Foundation
import LiveTestSupport
import Testing
import TestSupport

/// Runs `body` and fails the test when it has not finished within `seconds`: a hang is a
/// failure, never a stuck CI run. The body's task is cancelled then and left behind.
@discardableResult
func within<T: Sendable>(
    _ seconds: Double, _ what: String, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
    let outcome = Outcome<T>()
    let task = Task {
        do { outcome.settle(.success(try await body())) } catch { outcome.settle(.failure(error)) }
    }
    let timer = Task {
        try? await Task.sleep(for: .seconds(seconds))
        outcome.settle(.failure(Hung(what: what, seconds: seconds)))
    }
    defer { timer.cancel() }
    do {
        return try await outcome.value
    } catch let hung as Hung {
        task.cancel()
        Issue.record("\(hung)", sourceLocation: sourceLocation)
        throw hung
    }
}

/// How long `body` took, and what it returned or threw.
func timed<T: Sendable>(_ body: @Sendable () async throws -> T) async -> (seconds: Double, result: Result<T, any Error>) {
    let start = ContinuousClock.now
    let result: Result<T, any Error>
    do { result = .success(try await body()) } catch { result = .failure(error) }
    return ((ContinuousClock.now - start).seconds, result)
}

extension Duration {
    /// The duration in seconds, for messages and comparisons.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

/// A call that did not end within its bound.
struct Hung: Error, CustomStringConvertible {
    let what: String
    let seconds: Double
    var description: String { "\(what) did not finish within \(seconds) s: it hangs" }
}

/// The first result of a race.
final class Outcome<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<T, any Error>?
    private var waiter: CheckedContinuation<T, any Error>?

    func settle(_ value: Result<T, any Error>) {
        let waiting: CheckedContinuation<T, any Error>? = lock.withLock {
            guard result == nil else { return nil }
            result = value
            defer { waiter = nil }
            return waiter
        }
        waiting?.resume(with: value)
    }

    var value: T {
        get async throws {
            try await withCheckedThrowingContinuation { continuation in
                let ready: Result<T, any Error>? = lock.withLock {
                    if let result { return result }
                    waiter = continuation
                    return nil
                }
                if let ready { continuation.resume(with: ready) }
            }
        }
    }
}

/// Runs `body` with a client whose pool `run()`s alongside, shut down afterwards.
func withDatabase<T: Sendable>(
    _ url: String, options: DatabaseClient.Options = .init(), logger: Logger = .entityKitSilent, observability: Observability = .off,
    _ body: @Sendable (DatabaseClient) async throws -> T
) async throws -> T {
    let client = try DatabaseClient(connectionString: url, options: options, logger: logger, observability: observability)
    let running = Task { await client.run() }
    do {
        let result = try await body(client)
        running.cancel()
        await running.value
        return result
    } catch {
        running.cancel()
        await running.value
        throw error
    }
}

/// A throwaway server of the suite's own, with the reference schema in a database on it: for
/// tests that stop, restart or cut their server, which no other test may share.
final class OwnServer: @unchecked Sendable {
    let server: ThrowawayServer
    let database: TestDatabase

    /// A new server with the reference schema, made off the cooperative pool.
    static func start(_ label: String) async throws -> OwnServer {
        try await offThePool { try OwnServer(label) }
    }

    init(_ label: String) throws {
        server = try ThrowawayServer.start()
        do {
            database = try TestDatabase.create(label, on: server.url())
            try database.loadReferenceSchema()
        } catch {
            server.stop()
            throw error
        }
    }

    /// The database's URL over TCP without TLS, with extra query parameters.
    func url(port: Int? = nil, parameters: String = "") -> String {
        server.url(database: database.name, port: port, parameters: parameters)
    }

    /// Terminates every other session of the database (as `pg_terminate_backend` from another
    /// session would, or an administrator).
    func terminateSessions() async throws {
        let database = database
        try await offThePool { try database.terminateOtherSessions() }
    }

    /// Restarts the server: every session is terminated.
    func restart() async throws {
        let server = server
        try await offThePool { try server.restart() }
    }

    /// Stops the server until ``startServer()``.
    func stopServer() async throws {
        let server = server
        try await offThePool { try server.stopServer() }
    }

    /// Starts the stopped server.
    func startServer() async throws {
        let server = server
        try await offThePool { try server.startServer() }
    }

    /// The number `sql` selects, read off the pool.
    func integer(_ sql: String) async throws -> Int {
        let database = database
        return try await offThePool { try database.integer(sql) }
    }

    func stop() {
        server.stop()
    }
}

extension TestDatabase {
    /// Terminates every other session of this database.
    func terminateOtherSessions() throws {
        try execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
    }

    /// The number in the first column of the first row of `sql`.
    func integer(_ sql: String) throws -> Int {
        Int(try rows(sql).first?.first??.description ?? "") ?? -1
    }
}

/// True when `error` says the connection closed (or could not be reached) rather than
/// anything about the statement.
func isConnectionError(_ error: any Error) -> Bool {
    guard let error = error as? EntityKitPostgresError else { return false }
    switch error {
    case .connectionClosed, .connectionFailed, .connectTimedOut, .acquireTimedOut, .statementTimedOut, .commitOutcomeUnknown: return true
    default: return false
    }
}

enum Faults {
    /// Fault tests need a server of their own.
    static var available: Bool { TestEnvironment.runsLiveTests && ThrowawayServer.isAvailable }
    static let skipReason = Comment(rawValue: "no DATABASE_URL or no initdb/pg_ctl: run scripts/test")
}

/// The parent of every fault suite: they run one at a time, since each holds the runtime to
/// time bounds and some stop, restart or cut servers. Every test ends within five minutes
/// even where it waits outside `within(_:_:_:)`.
@Suite("Faults", .serialized, .timeLimit(.minutes(5)))
enum FaultSuites {}

/// Runs blocking work (a `pg_ctl`, an `initdb`, a libpq call) on a thread of its own, off the
/// cooperative pool: two cores give that pool two threads, and a test that blocked them would
/// stall every task of the process, deadlines included.
func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            continuation.resume(with: Result { try work() })
        }
        thread.start()
    }
}
