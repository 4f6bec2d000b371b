import Foundation
import PostgresNIO

/// Applies and rolls back migrations, and reports their state.
///
/// Every operation runs on one connection that holds a session advisory lock for its whole
/// duration, so concurrent runners (two deploys, two app instances starting) wait for each other.
/// Each migration runs in its own transaction together with its tracking row, unless it opts
/// out with `runsInTransaction = false`.
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
        trackingTable: String = "entitykit_migrations",
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
        trackingTable: String = "entitykit_migrations",
        logger: Logger = .entityKitSilent
    ) {
        self.init(source: .database(database), migrations: migrations, schema: schema, trackingTable: trackingTable, logger: logger)
    }

    /// A runner on one open connection (for command-line tools, which should fail fast).
    public init(
        connection: PostgresConnection,
        migrations: [any Migration],
        schema: String = "public",
        trackingTable: String = "entitykit_migrations",
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

    /// Applies pending migrations in order (at most `count`), after checking the history.
    ///
    /// - Parameters:
    ///   - count: the most migrations to apply; all pending ones when nil.
    ///   - allowOutOfOrder: apply pending migrations that sort before the last applied one (a
    ///     branch merged late); without it they are refused.
    /// - Throws: ``MigrationError/historyDiverged(_:)`` when an applied migration was edited or
    ///   is missing from the code (nothing is applied; review, then ``repair()``);
    ///   ``MigrationError/outOfOrder(_:lastApplied:)`` for pending migrations older than the
    ///   last applied one.
    @discardableResult
    public func up(count: Int? = nil, allowOutOfOrder: Bool = false) async throws -> MigrationReport {
        try validateNames()
        return try await locked { connection in
            var report = MigrationReport()
            let applied = try await appliedMigrations(on: connection)
            let problems = drift(applied: applied)
            guard problems.isEmpty else { throw MigrationError.historyDiverged(problems) }
            let appliedNames = Set(applied.map(\.name))
            let pending = migrations.filter { !appliedNames.contains($0.name) }
            if let last = applied.map(\.name).max() {
                let late = pending.filter { $0.name < last }.map(\.name)
                if !late.isEmpty {
                    guard allowOutOfOrder else { throw MigrationError.outOfOrder(late, lastApplied: last) }
                    report.warnings += late.map { "\($0) is applied out of order (after \(last))" }
                }
            }
            for migration in pending.prefix(count ?? pending.count) {
                try await apply(migration, on: connection)
                report.applied.append(migration.name)
            }
            return report
        }
    }

    /// Accepts the code as it is after a review of what ``up(count:allowOutOfOrder:)`` refused:
    /// records the current checksum of every applied migration that was edited, and forgets
    /// applied migrations that are no longer in the code (their schema changes stay). Runs no
    /// migration.
    @discardableResult
    public func repair() async throws -> MigrationReport {
        try validateNames()
        return try await locked { connection in
            var report = MigrationReport()
            let byName = Dictionary(migrations.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            for record in try await appliedMigrations(on: connection) {
                if let migration = byName[record.name] {
                    guard migration.checksum != record.checksum else { continue }
                    try await connection.query(PostgresQuery(
                        unsafeSQL: "UPDATE \(trackingName.sql) SET checksum = $2 WHERE version = $1",
                        binds: { var binds = PostgresBindings(); binds.append(record.name); binds.append(migration.checksum); return binds }()), logger: logger)
                    report.repaired.append("\(record.name): recorded its current checksum")
                } else {
                    try await connection.query(PostgresQuery(
                        unsafeSQL: "DELETE FROM \(trackingName.sql) WHERE version = $1",
                        binds: { var binds = PostgresBindings(); binds.append(record.name); return binds }()), logger: logger)
                    report.repaired.append("\(record.name): forgotten, it is no longer in the code")
                }
            }
            return report
        }
    }

    /// Rolls back the last `count` applied migrations, newest first.
    @discardableResult
    public func down(count: Int = 1) async throws -> MigrationReport {
        try await locked { connection in
            try await rollBack(count: count, on: connection)
        }
    }

    /// Every migration in code and every applied one, in order, with its state.
    public func status() async throws -> [MigrationStatus] {
        try await locked { connection in
            let applied = try await appliedMigrations(on: connection)
            let byName = Dictionary(applied.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            var result: [MigrationStatus] = []
            for migration in migrations {
                if let record = byName[migration.name] {
                    let state: MigrationStatus.State = record.checksum == migration.checksum ? .applied : .changedSinceApplied
                    result.append(MigrationStatus(name: migration.name, state: state, appliedAt: record.appliedAt))
                } else {
                    result.append(MigrationStatus(name: migration.name, state: .pending, appliedAt: nil))
                }
            }
            let known = Set(migrations.map(\.name))
            for record in applied where !known.contains(record.name) {
                result.append(MigrationStatus(name: record.name, state: .missingFromCode, appliedAt: record.appliedAt))
            }
            return result.sorted { $0.name < $1.name }
        }
    }

    /// Drops everything in the schema (tables, views, types, functions, sequences, extensions
    /// installed there), then applies every migration.
    @discardableResult
    public func fresh() async throws -> MigrationReport {
        try validateNames()
        return try await locked { connection in
            try await connection.query(PostgresQuery(unsafeSQL: SchemaCleaner.dropEverything(in: schema)), logger: logger)
            try await ensureTrackingTable(on: connection)
            var report = MigrationReport()
            for migration in migrations {
                try await apply(migration, on: connection)
                report.applied.append(migration.name)
            }
            return report
        }
    }

    /// Rolls back every applied migration, then applies them all again.
    @discardableResult
    public func refresh() async throws -> MigrationReport {
        try validateNames()
        return try await locked { connection in
            var report = try await rollBack(count: Int.max, on: connection)
            for migration in migrations {
                try await apply(migration, on: connection)
                report.applied.append(migration.name)
            }
            return report
        }
    }

    /// Rolls back every applied migration and drops the tracking table.
    @discardableResult
    public func reset() async throws -> MigrationReport {
        try await locked { connection in
            let report = try await rollBack(count: Int.max, on: connection)
            try await connection.query(PostgresQuery(unsafeSQL: "DROP TABLE IF EXISTS \(trackingName.sql)"), logger: logger)
            return report
        }
    }

    // MARK: - Internals

    var trackingName: SQLName { SQLName(trackingTable, schema: schema) }

    private func validateNames() throws {
        var seen = Set<String>()
        for migration in migrations where !seen.insert(migration.name).inserted {
            throw MigrationError.duplicateName(migration.name)
        }
    }

    /// Runs `body` on one connection holding the migrations' advisory lock.
    private func locked<Result: Sendable>(_ body: @Sendable (PostgresConnection) async throws -> Result) async throws -> Result {
        switch source {
        case let .client(client):
            try await client.withConnection { connection in try await locked(on: connection, body) }
        case let .database(database):
            try await database.withConnection { connection in try await locked(on: connection, body) }
        case let .connection(connection):
            try await locked(on: connection, body)
        }
    }

    private func locked<Result: Sendable>(on connection: PostgresConnection, _ body: @Sendable (PostgresConnection) async throws -> Result) async throws -> Result {
        let key = SQLString.quote("\(schema).\(trackingTable)")
        try await connection.query(PostgresQuery(unsafeSQL: "SELECT pg_advisory_lock(hashtextextended(\(key), 0))"), logger: logger)
        do {
            try await ensureTrackingTable(on: connection)
            let result = try await body(connection)
            try await connection.query(PostgresQuery(unsafeSQL: "SELECT pg_advisory_unlock(hashtextextended(\(key), 0))"), logger: logger)
            return result
        } catch {
            // A failed transaction must end before the lock can be released on this session.
            _ = try? await connection.query("ROLLBACK", logger: logger)
            _ = try? await connection.query(PostgresQuery(unsafeSQL: "SELECT pg_advisory_unlock(hashtextextended(\(key), 0))"), logger: logger)
            throw error
        }
    }

    private func ensureTrackingTable(on connection: PostgresConnection) async throws {
        try await connection.query(PostgresQuery(unsafeSQL: """
            CREATE TABLE IF NOT EXISTS \(trackingName.sql) (
                version text PRIMARY KEY,
                applied_at timestamptz NOT NULL DEFAULT now(),
                checksum text NOT NULL
            )
            """), logger: logger)
    }

    struct AppliedRecord: Sendable {
        var name: String
        var appliedAt: PGTimestamp
        var checksum: String
    }

    private func appliedMigrations(on connection: PostgresConnection) async throws -> [AppliedRecord] {
        let rows = try await connection.query(PostgresQuery(unsafeSQL: "SELECT version, applied_at, checksum FROM \(trackingName.sql) ORDER BY version"), logger: logger)
        var records: [AppliedRecord] = []
        for try await (version, appliedAt, checksum) in rows.decode((String, Date, String).self) {
            records.append(AppliedRecord(name: version, appliedAt: PGTimestamp(appliedAt), checksum: checksum))
        }
        return records
    }

    /// What differs between the applied migrations and the code, one line each.
    private func drift(applied: [AppliedRecord]) -> [String] {
        let byName = Dictionary(migrations.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var problems: [String] = []
        for record in applied {
            guard let migration = byName[record.name] else {
                problems.append("\(record.name) is applied but missing from the code")
                continue
            }
            if migration.checksum != record.checksum {
                problems.append("\(record.name) changed after it was applied (its up steps differ from what ran)")
            }
        }
        return problems
    }

    private func apply(_ migration: any Migration, on connection: PostgresConnection) async throws {
        let record = PostgresQuery(
            unsafeSQL: "INSERT INTO \(trackingName.sql) (version, checksum) VALUES ($1, $2)",
            binds: { var binds = PostgresBindings(); binds.append(migration.name); binds.append(migration.checksum); return binds }())
        try await run(migration.up, of: migration, direction: "up", then: record, on: connection)
    }

    /// Runs `steps` and then the tracking statement, together in one transaction unless the
    /// migration opts out; a failure rolls both back.
    private func run(_ steps: [any MigrationStep], of migration: any Migration, direction: String,
                     then tracking: PostgresQuery, on connection: PostgresConnection) async throws {
        do {
            if migration.runsInTransaction { try await connection.query("BEGIN", logger: logger) }
            for step in steps { try await step.run(on: connection, logger: logger) }
            try await connection.query(tracking, logger: logger)
            if migration.runsInTransaction { try await connection.query("COMMIT", logger: logger) }
        } catch {
            if migration.runsInTransaction { _ = try? await connection.query("ROLLBACK", logger: logger) }
            throw MigrationError.failed(migration.name, direction: direction, underlying: MigrationError.describe(error))
        }
    }

    private func rollBack(count: Int, on connection: PostgresConnection) async throws -> MigrationReport {
        var report = MigrationReport()
        let applied = try await appliedMigrations(on: connection)
        let byName = Dictionary(migrations.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for record in applied.reversed().prefix(count) {
            guard let migration = byName[record.name] else {
                throw MigrationError.missingCode(record.name)
            }
            let forget = PostgresQuery(
                unsafeSQL: "DELETE FROM \(trackingName.sql) WHERE version = $1",
                binds: { var binds = PostgresBindings(); binds.append(migration.name); return binds }())
            try await run(migration.down, of: migration, direction: "down", then: forget, on: connection)
            report.rolledBack.append(migration.name)
        }
        return report
    }
}
