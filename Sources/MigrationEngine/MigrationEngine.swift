import Foundation

/// Applies, rolls back and reports migrations on any ``MigrationSession``: the one place that
/// knows the tracking table, the lock, checksums and the rules of history.
/// EntityKitMigrationsPostgres' `MigrationRunner` drives it over PostgresNIO (apps);
/// `codegen migrate` and the scaffolded `migrate` executable over libpq.
///
/// Every operation but ``plan(count:allowOutOfOrder:on:)`` holds a session advisory lock for its
/// whole duration, so concurrent runners (two deploys, two app instances starting) wait for each other. Each
/// migration runs in its own transaction together with its tracking row, unless it opts out.
public struct MigrationEngine: Sendable {
    /// The migrations, sorted by name: the order they apply in.
    public let migrations: [PlannedMigration]
    /// The schema that holds the tracking table, and that ``fresh(on:)`` empties.
    public let schema: String
    /// The table that records applied migrations; codegen leaves it out of snapshots.
    public let trackingTable: String

    /// The tracking table's name unless told otherwise.
    public static let defaultTrackingTable = "entitykit_migrations"

    /// An engine for `migrations`, whatever order they come in.
    public init(migrations: [PlannedMigration], schema: String = "public", trackingTable: String = MigrationEngine.defaultTrackingTable) {
        self.migrations = migrations.sorted { $0.name < $1.name }
        self.schema = schema
        self.trackingTable = trackingTable
    }

    /// Applies pending migrations in order (at most `count`), after checking the history.
    ///
    /// - Throws: ``MigrationError/historyDiverged(_:)`` when an applied migration was edited or
    ///   is missing (nothing is applied); ``MigrationError/outOfOrder(_:lastApplied:)`` for
    ///   pending migrations older than the last applied one, unless `allowOutOfOrder`.
    public func up(count: Int? = nil, allowOutOfOrder: Bool = false, on session: any MigrationSession) async throws -> MigrationReport {
        try validateNames()
        return try await locked(session) {
            var report = MigrationReport()
            let pending = try await pendingAfterChecks(allowOutOfOrder: allowOutOfOrder, warnings: &report.warnings, on: session)
            for migration in pending.prefix(count ?? pending.count) {
                try await apply(migration, on: session)
                report.applied.append(migration.name)
            }
            return report
        }
    }

    /// What ``up(count:allowOutOfOrder:on:)`` would run, touching nothing: no lock, no tracking
    /// table created, no statement of a migration sent. The same checks apply.
    public func plan(count: Int? = nil, allowOutOfOrder: Bool = false, on session: any MigrationSession) async throws -> MigrationPlan {
        try validateNames()
        let exists = try await session.execute("SELECT (to_regclass($1) IS NOT NULL)::text", parameters: [trackingName.sql])
        var warnings: [String] = []
        let pending = exists.first?.first == "true"
            ? try await pendingAfterChecks(allowOutOfOrder: allowOutOfOrder, warnings: &warnings, on: session)
            : migrations
        return MigrationPlan(
            steps: pending.prefix(count ?? pending.count).map {
                MigrationPlan.Step(name: $0.name, runsInTransaction: $0.runsInTransaction, statements: $0.up.preview)
            },
            warnings: warnings)
    }

    /// Accepts the code as it is after a review of what ``up(count:allowOutOfOrder:on:)``
    /// refused: records the current checksum of every edited applied migration, and forgets
    /// applied migrations that are no longer in the code (their schema changes stay).
    public func repair(on session: any MigrationSession) async throws -> MigrationReport {
        try validateNames()
        return try await locked(session) {
            var report = MigrationReport()
            let byName = Dictionary(migrations.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            for record in try await appliedRecords(on: session) {
                if let migration = byName[record.name] {
                    guard migration.checksum != record.checksum else { continue }
                    try await session.execute("UPDATE \(trackingName.sql) SET checksum = $2 WHERE version = $1", parameters: [record.name, migration.checksum])
                    report.repaired.append("\(record.name): recorded its current checksum")
                } else {
                    try await session.execute("DELETE FROM \(trackingName.sql) WHERE version = $1", parameters: [record.name])
                    report.repaired.append("\(record.name): forgotten, it is no longer in the code")
                }
            }
            return report
        }
    }

    /// Marks a database made before the tool was adopted as migrated up to `version`: records
    /// every migration up to and including it as applied, running none of them.
    ///
    /// - Throws: ``MigrationError/unknownVersion(_:)`` when no migration has that name;
    ///   ``MigrationError/baselineOverHistory(_:)`` when migrations are already recorded.
    public func baseline(version: String, on session: any MigrationSession) async throws -> MigrationReport {
        try validateNames()
        guard migrations.contains(where: { $0.name == version }) else { throw MigrationError.unknownVersion(version) }
        return try await locked(session) {
            let applied = try await appliedRecords(on: session)
            guard applied.isEmpty else { throw MigrationError.baselineOverHistory(applied.count) }
            var report = MigrationReport()
            try await session.execute("BEGIN")
            do {
                for migration in migrations where migration.name <= version {
                    try await session.execute(insertRecord, parameters: [migration.name, migration.checksum])
                    report.baselined.append(migration.name)
                }
                try await session.execute("COMMIT")
            } catch {
                throw MigrationError.failed(version, direction: "baseline", underlying: session.failure(of: error).message)
            }
            return report
        }
    }

    /// Rolls back the last `count` applied migrations, newest first.
    public func down(count: Int = 1, on session: any MigrationSession) async throws -> MigrationReport {
        try await locked(session) { try await rollBack(count: count, on: session) }
    }

    /// Every migration in code and every applied one, in order, with its state.
    public func status(on session: any MigrationSession) async throws -> [MigrationStatus] {
        try await locked(session) {
            let applied = try await appliedRecords(on: session)
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
    public func fresh(on session: any MigrationSession) async throws -> MigrationReport {
        try validateNames()
        return try await locked(session) {
            try await session.execute(SchemaCleaner.dropEverything(in: schema))
            try await ensureTrackingTable(on: session)
            var report = MigrationReport()
            for migration in migrations {
                try await apply(migration, on: session)
                report.applied.append(migration.name)
            }
            return report
        }
    }

    /// Rolls back every applied migration, then applies them all again.
    public func refresh(on session: any MigrationSession) async throws -> MigrationReport {
        try validateNames()
        return try await locked(session) {
            var report = try await rollBack(count: Int.max, on: session)
            for migration in migrations {
                try await apply(migration, on: session)
                report.applied.append(migration.name)
            }
            return report
        }
    }

    /// Rolls back every applied migration and drops the tracking table.
    public func reset(on session: any MigrationSession) async throws -> MigrationReport {
        try await locked(session) {
            let report = try await rollBack(count: Int.max, on: session)
            try await session.execute("DROP TABLE IF EXISTS \(trackingName.sql)")
            return report
        }
    }

    // MARK: - Internals

    var trackingName: QuotedName { QuotedName(schema: schema, name: trackingTable) }
    private var insertRecord: String { "INSERT INTO \(trackingName.sql) (version, checksum) VALUES ($1, $2)" }

    private func validateNames() throws {
        var seen = Set<String>()
        for migration in migrations where !seen.insert(migration.name).inserted {
            throw MigrationError.duplicateName(migration.name)
        }
    }

    /// Runs `body` holding the migrations' advisory lock on the session.
    private func locked<Result: Sendable>(_ session: any MigrationSession, _ body: () async throws -> Result) async throws -> Result {
        let lock = "SELECT pg_advisory_lock(hashtextextended($1, 0))"
        let unlock = "SELECT pg_advisory_unlock(hashtextextended($1, 0))"
        let key = "\(schema).\(trackingTable)"
        try await session.execute(lock, parameters: [key])
        do {
            try await ensureTrackingTable(on: session)
            let result = try await body()
            try await session.execute(unlock, parameters: [key])
            return result
        } catch {
            // A failed transaction must end before the lock can be released on this session.
            _ = try? await session.execute("ROLLBACK")
            _ = try? await session.execute(unlock, parameters: [key])
            throw error
        }
    }

    private func ensureTrackingTable(on session: any MigrationSession) async throws {
        try await session.execute("""
            CREATE TABLE IF NOT EXISTS \(trackingName.sql) (
                version text PRIMARY KEY,
                applied_at timestamptz NOT NULL DEFAULT now(),
                checksum text NOT NULL
            )
            """)
    }

    struct AppliedRecord: Sendable {
        var name: String
        var appliedAt: Date
        var checksum: String
    }

    private func appliedRecords(on session: any MigrationSession) async throws -> [AppliedRecord] {
        let rows = try await session.execute("SELECT version, extract(epoch FROM applied_at)::text, checksum FROM \(trackingName.sql) ORDER BY version")
        return rows.compactMap { row in
            guard row.count == 3, let name = row[0], let checksum = row[2] else { return nil }
            return AppliedRecord(name: name, appliedAt: Date(timeIntervalSince1970: row[1].flatMap(Double.init) ?? 0), checksum: checksum)
        }
    }

    /// The pending migrations, after refusing a diverged history and (unless allowed) late ones.
    private func pendingAfterChecks(allowOutOfOrder: Bool, warnings: inout [String], on session: any MigrationSession) async throws -> [PlannedMigration] {
        let applied = try await appliedRecords(on: session)
        let problems = drift(applied: applied)
        guard problems.isEmpty else { throw MigrationError.historyDiverged(problems) }
        let appliedNames = Set(applied.map(\.name))
        let pending = migrations.filter { !appliedNames.contains($0.name) }
        if let last = applied.map(\.name).max() {
            let late = pending.filter { $0.name < last }.map(\.name)
            if !late.isEmpty {
                guard allowOutOfOrder else { throw MigrationError.outOfOrder(late, lastApplied: last) }
                warnings += late.map { "\($0) is applied out of order (after \(last))" }
            }
        }
        return pending
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

    private func apply(_ migration: PlannedMigration, on session: any MigrationSession) async throws {
        try await run(migration.up, of: migration, direction: "up", on: session) {
            try await session.execute(insertRecord, parameters: [migration.name, migration.checksum])
        }
    }

    /// Runs `script` and then the tracking statement, together in one transaction unless the
    /// migration opts out; a failure rolls both back.
    private func run(_ script: MigrationScript, of migration: PlannedMigration, direction: String,
                     on session: any MigrationSession, then tracking: () async throws -> Void) async throws {
        do {
            if migration.runsInTransaction { try await session.execute("BEGIN") }
            try await script.run(session)
            try await tracking()
            if migration.runsInTransaction { try await session.execute("COMMIT") }
        } catch {
            if migration.runsInTransaction { _ = try? await session.execute("ROLLBACK") }
            throw MigrationError.failed(migration.name, direction: direction, underlying: session.failure(of: error).message)
        }
    }

    private func rollBack(count: Int, on session: any MigrationSession) async throws -> MigrationReport {
        var report = MigrationReport()
        let applied = try await appliedRecords(on: session)
        let byName = Dictionary(migrations.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for record in applied.reversed().prefix(count) {
            guard let migration = byName[record.name] else {
                throw MigrationError.missingCode(record.name)
            }
            try await run(migration.down, of: migration, direction: "down", on: session) {
                try await session.execute("DELETE FROM \(trackingName.sql) WHERE version = $1", parameters: [migration.name])
            }
            report.rolledBack.append(migration.name)
        }
        return report
    }
}

/// A schema-qualified name, quoted for SQL.
struct QuotedName: Sendable {
    var schema: String
    var name: String

    var sql: String { "\(Self.quote(schema)).\(Self.quote(name))" }

    static func quote(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
