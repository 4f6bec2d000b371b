import Foundation
import EntityKitPostgres
import PostgresNIO
import EntityKitMigrations

/// Applies and rolls back migrations, and reports their state: `MigrationEngine` over
/// PostgresNIO, for apps: migrations at start-up, or an app's own `migrate` subcommand
/// (``run(commandLine:)``). The scaffolded `migrate` executable uses libpq instead
/// (`EntityKitMigrationsCLI`), so that it builds without SwiftNIO.
///
/// Every operation runs on one connection that holds a session advisory lock for its whole
/// duration, so concurrent runners (two deploys, two app instances starting, `codegen migrate`)
/// wait for each other. Each migration runs in its own transaction together with its tracking
/// row, unless it opts out with `runsInTransaction = false`. The list may mix Swift migrations
/// and `SQLFileMigration`s; they apply in the order of their names.
public struct MigrationRunner: Sendable {
    /// Where the runner's connection comes from.
    enum Source: Sendable {
        case client(PostgresClient)
        case database(DatabaseClient)
        case connection(PostgresConnection)
    }

    let source: Source
    /// The migrations, sorted by name: the order they apply in.
    public let migrations: [any Migration]
    /// The schema that holds the tracking table, and that `fresh` empties.
    public let schema: String
    /// The table that records applied migrations (`entitykit_migrations` by default); codegen
    /// leaves it out of snapshots.
    public let trackingTable: String
    /// Where the statements the runner sends are logged.
    public let logger: Logger

    /// A runner that leases a connection from `client` (for migrating at application start-up).
    public init(
        client: PostgresClient,
        migrations: [any Migration],
        schema: String = "public",
        trackingTable: String = MigrationEngine.defaultTrackingTable,
        logger: Logger = .entityKitSilent
    ) {
        self.init(source: .client(client), migrations: migrations, schema: schema, trackingTable: trackingTable, logger: logger)
    }

    /// A runner that takes a connection from the app's `DatabaseClient` for
    /// each operation (for migrating at application start-up), with its deadlines for getting
    /// one.
    public init(
        database: DatabaseClient,
        migrations: [any Migration],
        schema: String = "public",
        trackingTable: String = MigrationEngine.defaultTrackingTable,
        logger: Logger = .entityKitSilent
    ) {
        self.init(source: .database(database), migrations: migrations, schema: schema, trackingTable: trackingTable, logger: logger)
    }

    /// A runner on one open connection (for command-line tools, which should fail fast).
    public init(
        connection: PostgresConnection,
        migrations: [any Migration],
        schema: String = "public",
        trackingTable: String = MigrationEngine.defaultTrackingTable,
        logger: Logger = .entityKitSilent
    ) {
        self.init(source: .connection(connection), migrations: migrations, schema: schema, trackingTable: trackingTable, logger: logger)
    }

    init(source: Source, migrations: [any Migration], schema: String, trackingTable: String, logger: Logger) {
        self.source = source
        self.migrations = migrations.sorted { $0.name < $1.name }
        self.schema = schema
        self.trackingTable = trackingTable
        self.logger = logger
    }

    /// The engine that holds the rules; this runner gives it PostgresNIO connections.
    var engine: MigrationEngine {
        MigrationEngine(migrations: migrations.map(\.planned), schema: schema, trackingTable: trackingTable)
    }

    /// Applies pending migrations in order (at most `count`), after checking the history.
    ///
    /// - Parameters:
    ///   - count: the most migrations to apply; all pending ones when nil.
    ///   - allowOutOfOrder: apply pending migrations that sort before the last applied one (a
    ///     branch merged late); without it they are refused.
    /// - Throws: `MigrationError.historyDiverged` when an applied migration was edited or
    ///   is missing from the code (nothing is applied; review, then ``repair()``);
    ///   `MigrationError.outOfOrder` for pending migrations older than the
    ///   last applied one.
    @discardableResult
    public func up(count: Int? = nil, allowOutOfOrder: Bool = false) async throws -> MigrationReport {
        try await withSession { try await engine.up(count: count, allowOutOfOrder: allowOutOfOrder, on: $0) }
    }

    /// What ``up(count:allowOutOfOrder:)`` would apply and the statements it would send,
    /// touching nothing (`migrate up --dry-run`).
    public func plan(count: Int? = nil, allowOutOfOrder: Bool = false) async throws -> MigrationPlan {
        try await withSession { try await engine.plan(count: count, allowOutOfOrder: allowOutOfOrder, on: $0) }
    }

    /// Accepts the code as it is after a review of what ``up(count:allowOutOfOrder:)`` refused:
    /// records the current checksum of every applied migration that was edited, and forgets
    /// applied migrations that are no longer in the code (their schema changes stay). Runs no
    /// migration.
    @discardableResult
    public func repair() async throws -> MigrationReport {
        try await withSession { try await engine.repair(on: $0) }
    }

    /// Marks a database made before the tool was adopted as migrated up to `version`: every
    /// migration up to and including it is recorded as applied without running.
    @discardableResult
    public func baseline(version: String) async throws -> MigrationReport {
        try await withSession { try await engine.baseline(version: version, on: $0) }
    }

    /// Rolls back the last `count` applied migrations, newest first.
    @discardableResult
    public func down(count: Int = 1) async throws -> MigrationReport {
        try await withSession { try await engine.down(count: count, on: $0) }
    }

    /// Every migration in code and every applied one, in order, with its state.
    public func status() async throws -> [MigrationStatus] {
        try await withSession { try await engine.status(on: $0) }
    }

    /// Drops everything in the schema (tables, views, types, functions, sequences, extensions
    /// installed there), then applies every migration.
    @discardableResult
    public func fresh() async throws -> MigrationReport {
        try await withSession { try await engine.fresh(on: $0) }
    }

    /// Rolls back every applied migration, then applies them all again.
    @discardableResult
    public func refresh() async throws -> MigrationReport {
        try await withSession { try await engine.refresh(on: $0) }
    }

    /// Rolls back every applied migration and drops the tracking table.
    @discardableResult
    public func reset() async throws -> MigrationReport {
        try await withSession { try await engine.reset(on: $0) }
    }

    /// Runs `body` on a session over one connection from the runner's source.
    func withSession<Result: Sendable>(_ body: @Sendable (PostgresMigrationSession) async throws -> Result) async throws -> Result {
        switch source {
        case let .client(client):
            try await client.withConnection { try await body(PostgresMigrationSession(connection: $0, logger: logger)) }
        case let .database(database):
            try await database.withConnection { try await body(PostgresMigrationSession(connection: $0, logger: logger)) }
        case let .connection(connection):
            try await body(PostgresMigrationSession(connection: connection, logger: logger))
        }
    }
}
