import EntityKitMigrationsPostgres
import Foundation
import PostgresNIO

/// Databases for the tests of an app's own code, with its migrations applied: each test gets
/// a database of its own, cloned from a template, and dropped when the test ends; or, cheaper,
/// a transaction on a shared database that is rolled back at the end. What sqlx's
/// `#[sqlx::test]` and Rails' and Django's test databases do.
///
/// ```swift
/// let databases = TestDatabases(server: ProcessInfo.processInfo.environment["TEST_DATABASE_URL"]!,
///                               migrations: Migrator.all)
///
/// @Test func signUpRejectsADuplicateEmail() async throws {
///     try await databases.withDatabase { db in
///         _ = try await db.insert(UserDraft(username: "ada", email: "ada@example.com"))
///         await #expect(throws: DatabaseError.self) {
///             try await db.insert(UserDraft(username: "ada2", email: "ada@example.com"))
///         }
///     }
/// }
/// ```
///
/// The migrations are applied once per server and set of migrations, into a template database
/// named after their checksums (`<prefix>_tpl_<digest>`): later runs, other test processes
/// and parallel tests reuse it, and editing a migration makes a new one. Building it holds an
/// advisory lock, so processes started together build it once. Each
/// ``withDatabase(_:)`` clones it with `CREATE DATABASE … TEMPLATE` (a copy of the template's
/// files: about 0.3 s with connecting and dropping, for a small schema on a busy 2-core
/// machine), safe in parallel, and drops the clone afterwards (`WITH (FORCE)`) even when the
/// test throws. Works the same from Swift Testing and XCTest: it is plain async code.
///
/// Every wait is bounded: connecting by the connection string's `connect_timeout` (10 seconds
/// by default), the lock and each statement by ``timeout``.
public final class TestDatabases: Sendable {
    /// The server's connection string: any database on it that the user can connect to
    /// (`postgres`, say). The user needs `CREATEDB`.
    public let server: String
    /// The migrations every database gets.
    public let migrations: [any Migration]
    /// The start of every database name this makes.
    public let prefix: String
    /// The longest wait for the template's lock or one statement.
    public let timeout: Duration

    private let base: PostgresConnection.Configuration

    /// Databases on the server `server` names, with `migrations` applied.
    ///
    /// - Parameters:
    ///   - server: a connection string (URI or `key=value`, completed by `PG*` and `.pgpass`).
    ///   - migrations: the app's migrations (`Migrator.all`, plus SQL ones from
    ///     `SQLFileMigration.all(in:)`).
    ///   - prefix: the start of every database name: lower-case letters, digits and `_`, at
    ///     most 20 characters.
    ///   - timeout: the longest wait for the template's lock or one statement.
    /// - Throws: `ConnectionInfoError` for a connection string that cannot be used, or
    ///   ``TestDatabasesError/invalidPrefix(_:)``.
    public init(server: String, migrations: [any Migration], prefix: String = "test", timeout: Duration = .seconds(120)) throws {
        guard !prefix.isEmpty, prefix.count <= 20, prefix.first?.isLetter == true,
              prefix.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }) else {
            throw TestDatabasesError.invalidPrefix(prefix)
        }
        self.server = server
        self.migrations = migrations.sorted { $0.name < $1.name }
        self.prefix = prefix
        self.timeout = timeout
        base = try PostgresConnection.Configuration(connectionString: server)
    }

    /// The template's name: the prefix and a digest of every migration's name and checksum.
    public var templateName: String {
        let digest = MigrationChecksum.of(migrations.flatMap { [$0.name, $0.checksum] })
        return "\(prefix)_tpl_\(digest)"
    }

    /// Runs `body` with a client for a new database of its own, with the migrations applied;
    /// the database is dropped when `body` ends, whether it returns or throws.
    public func withDatabase<Result: Sendable>(_ body: (DatabaseClient) async throws -> Result) async throws -> Result {
        let template = try await ensureTemplate()
        let name = "\(prefix)_\(UInt64.random(in: 0...UInt64.max))"
        try await admin { connection in
            try await Self.run("CREATE DATABASE \(SQLIdentifier.quote(name)) TEMPLATE \(SQLIdentifier.quote(template))", on: connection)
        }
        let client = try DatabaseClient(configuration: configuration(database: name), options: .init(maximumConnections: 4))
        let outcome: Swift.Result<Result, any Error>
        do {
            outcome = .success(try await body(client))
        } catch {
            outcome = .failure(error)
        }
        await client.shutdown()
        try await drop(name)
        return try outcome.get()
    }

    /// Runs `body` in a transaction on a database shared by every such test (with the
    /// migrations applied), rolled back when `body` ends: cheaper than ``withDatabase(_:)``,
    /// for tests that commit nothing of their own and need no second connection. Tests running
    /// in parallel see each other's locks: two that insert the same unique key wait for each
    /// other.
    public func withRollback<Result: Sendable>(_ body: (Transaction) async throws -> Result) async throws -> Result {
        let client = try await sharedClient()
        do {
            try await client.transaction { transaction in
                let outcome: Swift.Result<Result, any Error>
                do {
                    outcome = .success(try await body(transaction))
                } catch {
                    outcome = .failure(error)
                }
                // Throwing is how a transaction is rolled back; the outcome travels with it.
                throw RollBack(outcome: outcome)
            }
        } catch let rollBack as RollBack<Result> {
            return try rollBack.outcome.get()
        }
        throw TestDatabasesError.notRolledBack
    }

    /// Shuts the shared database's client down (``withRollback(_:)``); the database stays, for
    /// the next run.
    public func shutdown() async {
        let client = shared.withLock { state -> DatabaseClient? in
            defer { state = nil }
            return state
        }
        await client?.shutdown()
    }

    // MARK: - The template

    /// Builds the template unless it exists, under an advisory lock, and returns its name.
    func ensureTemplate() async throws -> String {
        let template = templateName
        if built.withLock({ $0 }) { return template }
        try await admin { connection in
            // Released by closing the connection, whatever happens in between.
            try await Self.run("SELECT pg_advisory_lock(hashtextextended($1, 0))", parameters: [template], on: connection)
            if try await !Self.exists(template, on: connection) {
                try await build(template, on: connection)
            }
        }
        built.withLock { $0 = true }
        return template
    }

    /// Migrates a new database, then renames it to `template`: a template exists only whole,
    /// and one left half-built by a killed run is dropped by the next.
    private func build(_ template: String, on connection: PostgresConnection) async throws {
        let building = "\(template)_new"
        try await Self.run("DROP DATABASE IF EXISTS \(SQLIdentifier.quote(building)) WITH (FORCE)", on: connection)
        try await Self.run("CREATE DATABASE \(SQLIdentifier.quote(building))", on: connection)
        do {
            let client = try DatabaseClient(configuration: configuration(database: building), options: .init(maximumConnections: 1))
            do {
                try await MigrationRunner(database: client, migrations: migrations).up()
            } catch {
                await client.shutdown()
                throw TestDatabasesError.migrationsFailed(String(describing: error))
            }
            await client.shutdown()
            try await Self.run("ALTER DATABASE \(SQLIdentifier.quote(building)) RENAME TO \(SQLIdentifier.quote(template))", on: connection)
        } catch {
            try? await Self.run("DROP DATABASE IF EXISTS \(SQLIdentifier.quote(building)) WITH (FORCE)", on: connection)
            throw error
        }
    }

    private let built = Locked(false)
    private let shared = Locked<DatabaseClient?>(nil)

    /// The client of the database ``withRollback(_:)`` shares, made (and the database cloned)
    /// on first use: `<template>_shared`, kept between runs.
    private func sharedClient() async throws -> DatabaseClient {
        if let client = shared.withLock({ $0 }) { return client }
        let template = try await ensureTemplate()
        let name = "\(template)_shared"
        try await admin { connection in
            try await Self.run("SELECT pg_advisory_lock(hashtextextended($1, 0))", parameters: [name], on: connection)
            if try await !Self.exists(name, on: connection) {
                try await Self.run("CREATE DATABASE \(SQLIdentifier.quote(name)) TEMPLATE \(SQLIdentifier.quote(template))", on: connection)
            }
        }
        let client = try DatabaseClient(configuration: configuration(database: name), options: .init(maximumConnections: 10))
        let existing = shared.withLock { state -> DatabaseClient? in
            if let state { return state }
            state = client
            return nil
        }
        if let existing {
            await client.shutdown()
            return existing
        }
        return client
    }

    // MARK: - Administration

    private func drop(_ name: String) async throws {
        try await admin { connection in
            try await Self.run("DROP DATABASE IF EXISTS \(SQLIdentifier.quote(name)) WITH (FORCE)", on: connection)
        }
    }

    /// Runs `body` on a new connection to the server's own database, with the statement and
    /// lock timeouts set, closed afterwards (and with it any advisory lock `body` left).
    private func admin(_ body: (PostgresConnection) async throws -> Void) async throws {
        let connection = try await PostgresConnection.connect(
            configuration: base, id: Int.random(in: 1...Int(Int32.max)), logger: .entityKitSilent)
        do {
            let milliseconds = timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000
            try await Self.run("SET statement_timeout = \(milliseconds)", on: connection)
            try await Self.run("SET lock_timeout = \(milliseconds)", on: connection)
            try await body(connection)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }

    private func configuration(database: String) -> PostgresConnection.Configuration {
        var configuration = base
        configuration.database = database
        return configuration
    }

    private static func run(_ sql: String, parameters: [String] = [], on connection: PostgresConnection) async throws {
        _ = try await connection.query(query(sql, parameters), logger: .entityKitSilent).collect()
    }

    private static func exists(_ database: String, on connection: PostgresConnection) async throws -> Bool {
        let rows = try await connection.query(query("SELECT 1 FROM pg_database WHERE datname = $1", [database]), logger: .entityKitSilent).collect()
        return !rows.isEmpty
    }

    private static func query(_ sql: String, _ parameters: [String]) -> PostgresQuery {
        var bindings = PostgresBindings()
        for parameter in parameters { bindings.append(parameter) }
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }
}

/// What ``TestDatabases/withRollback(_:)`` throws to roll its transaction back.
private struct RollBack<Value: Sendable>: Error {
    let outcome: Result<Value, any Error>
}

/// A value behind a lock (the package supports macOS 14, before `Synchronization.Mutex`).
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
