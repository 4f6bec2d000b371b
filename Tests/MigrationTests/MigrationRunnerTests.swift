import EntityKitMigrationsCLI
import EntityKitMigrationsPostgres
import EntityKitPostgres
import Foundation
import ReferenceMigrations
import Testing
import LiveTestSupport
import TestSupport

/// Runs `body` with a runner on its own connection to `url`.
func withRunner<T: Sendable>(_ url: String, _ migrations: [any Migration], _ body: @Sendable (MigrationRunner) async throws -> T) async throws -> T {
    let connection = try await PostgresConnection.connect(
        configuration: try .init(connectionString: url), id: Int.random(in: 1...1_000_000), logger: .entityKitSilent)
    do {
        let result = try await body(MigrationRunner(connection: connection, migrations: migrations))
        try await connection.close()
        return result
    } catch {
        try? await connection.close()
        throw error
    }
}

@Suite("Migration runner", .serialized, .timeLimit(.minutes(5)),
       .enabled(if: TestEnvironment.runsLiveTests, Comment(rawValue: TestEnvironment.liveTestsSkipReason)))
struct MigrationRunnerTests {
    /// Relations and user types in `public`, except the tracking table and its key.
    private func objects(in database: TestDatabase) throws -> [String] {
        try database.rows("""
            SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace
            UNION ALL SELECT typname FROM pg_type WHERE typnamespace = 'public'::regnamespace AND typelem = 0 AND typrelid = 0
            ORDER BY 1
            """).compactMap { $0[0] }
    }

    @Test func referenceMigrationsReproduceGeneratedAndRollBackToNothing() async throws {
        let database = try TestDatabase.create("migrations_reference")
        defer { database.drop() }
        let applied = try await withRunner(database.url, Migrator.all) { runner in try await runner.up() }
        #expect(applied.applied == Migrator.all.map(\.name))
        #expect(try await withRunner(database.url, Migrator.all) { try await $0.up() }.applied.isEmpty)

        let generated = TestEnvironment.packageRoot.appendingPathComponent("Generated").path
        let check = try Shell.run(Shell.codegenExecutable, ["entity", "-u", database.url, "-o", generated, "--check"])
        #expect(check.status == 0, "applying the reference migrations does not reproduce Generated/: \(check.output)")

        let statuses = try await withRunner(database.url, Migrator.all) { try await $0.status() }
        #expect(statuses.map(\.state) == Array(repeating: .applied, count: Migrator.all.count))

        let rolledBack = try await withRunner(database.url, Migrator.all) { try await $0.down(count: 100) }
        #expect(rolledBack.rolledBack == Migrator.all.map(\.name).reversed())
        #expect(try objects(in: database) == ["entitykit_migrations", "entitykit_migrations_pkey"])

        _ = try await withRunner(database.url, Migrator.all) { try await $0.reset() }
        #expect(try objects(in: database).isEmpty)
    }

    @Test func freshRefreshAndResetDoWhatTheySay() async throws {
        let database = try TestDatabase.create("migrations_fresh")
        defer { database.drop() }
        try database.execute("CREATE TABLE stray (id int); CREATE TYPE stray_mood AS ENUM ('x'); CREATE EXTENSION citext;")
        let fresh = try await withRunner(database.url, Migrator.all) { try await $0.fresh() }
        #expect(fresh.applied.count == Migrator.all.count)
        let afterFresh = try objects(in: database)
        #expect(!afterFresh.contains("stray") && !afterFresh.contains("stray_mood") && !afterFresh.contains("citext"))
        #expect(afterFresh.contains("users"))

        try database.execute("INSERT INTO tenants (id) VALUES (gen_random_uuid())")
        let refresh = try await withRunner(database.url, Migrator.all) { try await $0.refresh() }
        #expect(refresh.rolledBack.count == Migrator.all.count && refresh.applied.count == Migrator.all.count)
        #expect(try database.rows("SELECT count(*) FROM tenants")[0][0] == "0")

        let twoBack = try await withRunner(database.url, Migrator.all) { try await $0.down(count: 2) }
        #expect(twoBack.rolledBack == Migrator.all.suffix(2).map(\.name).reversed())
        let statuses = try await withRunner(database.url, Migrator.all) { try await $0.status() }
        let appliedCount = Migrator.all.count - 2
        #expect(statuses.map(\.state) == Array(repeating: .applied, count: appliedCount) + [.pending, .pending])
        #expect(try await withRunner(database.url, Migrator.all) { try await $0.up(count: 1) }.applied == [Migrator.all[appliedCount].name])

        _ = try await withRunner(database.url, Migrator.all) { try await $0.reset() }
        #expect(try objects(in: database).isEmpty)
    }

    struct Step1: Migration {
        let name = "m20250101_000001_widgets"
        var up: [any MigrationStep] { CreateTable("widgets") { Column("id", .integer).primaryKey() } }
        var down: [any MigrationStep] { DropTable("widgets") }
    }

    struct Broken: Migration {
        let name = "m20250101_000002_broken"
        var up: [any MigrationStep] {
            CreateTable("gadgets") { Column("id", .integer).primaryKey() }
            CreateEnum("gadget_kind", values: ["a"])
            SQL("INSERT INTO no_such_table VALUES (1)")
        }
        var down: [any MigrationStep] { DropTable("gadgets") }
    }

    @Test func aFailingMigrationLeavesNeitherSchemaNorTrackingRow() async throws {
        let database = try TestDatabase.create("migrations_failure")
        defer { database.drop() }
        await #expect {
            try await withRunner(database.url, [Step1(), Broken()]) { try await $0.up() }
        } throws: { error in
            "\(error)".contains("m20250101_000002_broken") && "\(error)".contains("no_such_table")
        }
        #expect(try objects(in: database) == ["entitykit_migrations", "entitykit_migrations_pkey", "widgets", "widgets_pkey"])
        #expect(try database.rows("SELECT version FROM entitykit_migrations").map { $0[0] } == ["m20250101_000001_widgets"])
    }

    struct Slow: Migration {
        let name = "m20250101_000003_slow"
        var up: [any MigrationStep] {
            SQL("SELECT pg_sleep(1)")
            CreateTable("slow_things") { Column("id", .integer) }
        }
        var down: [any MigrationStep] { DropTable("slow_things") }
    }

    @Test func concurrentRunnersWaitForEachOther() async throws {
        let database = try TestDatabase.create("migrations_lock")
        defer { database.drop() }
        let url = database.url
        let clock = ContinuousClock()
        let start = clock.now
        async let first = withRunner(url, [Slow()]) { runner in (try await runner.up(), clock.now - start) }
        async let second = withRunner(url, [Slow()]) { runner in (try await runner.up(), clock.now - start) }
        let results = try await [first, second]
        #expect(results.map(\.0.applied.count).sorted() == [0, 1], "exactly one runner applies the migration")
        let waiter = try #require(results.first { $0.0.applied.isEmpty })
        let applier = try #require(results.first { !$0.0.applied.isEmpty })
        // The waiter returns only after the holder's one-second migration: it waited for the lock.
        // (Not compared with the holder's return time: both resume at once when the lock is
        // released, and which task records its time first is the scheduler's choice.)
        #expect(waiter.1 >= .milliseconds(900), "the other runner did not wait for the lock holder")
        #expect(applier.1 >= .milliseconds(900))
        #expect(try database.rows("SELECT count(*) FROM entitykit_migrations")[0][0] == "1")
    }

    struct Edited: Migration {
        let name = "m20250101_000001_widgets"
        var up: [any MigrationStep] { CreateTable("widgets") { Column("id", .bigint).primaryKey() } }
        var down: [any MigrationStep] { DropTable("widgets") }
    }

    @Test func editedAndMissingAppliedMigrationsStopUpUntilRepaired() async throws {
        let database = try TestDatabase.create("migrations_drift")
        defer { database.drop() }
        _ = try await withRunner(database.url, [Step1(), Slow()]) { try await $0.up() }
        let statuses = try await withRunner(database.url, [Edited()]) { try await $0.status() }
        #expect(statuses.map(\.state) == [.changedSinceApplied, .missingFromCode])
        // up refuses, naming each migration and what changed, and applies nothing.
        let refused = await #expect(throws: MigrationError.self) {
            try await withRunner(database.url, [Edited(), Later()]) { try await $0.up() }
        }
        guard case let .historyDiverged(problems)? = refused else {
            Issue.record("expected historyDiverged, got \(String(describing: refused))")
            return
        }
        #expect(problems == [
            "m20250101_000001_widgets changed after it was applied (its up steps differ from what ran)",
            "m20250101_000003_slow is applied but missing from the code",
        ])
        #expect(refused.map { "\($0)" }?.contains("migrate repair") == true)
        #expect(try database.rows("SELECT count(*) FROM entitykit_migrations")[0][0] == "2", "nothing was applied")
        await #expect(throws: MigrationError.self) {
            try await withRunner(database.url, [Edited()]) { try await $0.down(count: 2) }
        }
        // The command line exits 1 for both, for CI.
        #expect(await MigrationCommandLine.run([Edited(), Later()], arguments: ["up", "-u", database.url]) == 1)
        #expect(await MigrationCommandLine.run([Edited(), Later()], arguments: ["status", "--check", "-u", database.url]) == 1)
        #expect(await MigrationCommandLine.run([Edited(), Later()], arguments: ["status", "-u", database.url]) == 0)
        // So does an app's own `migrate` subcommand, over PostgresNIO.
        #expect(try await withRunner(database.url, [Edited(), Later()]) { await $0.run(commandLine: ["up"]) } == 1)
        #expect(try await withRunner(database.url, [Edited(), Later()]) { await $0.run(commandLine: ["status", "--check"]) } == 1)
        #expect(try await withRunner(database.url, [Edited(), Later()]) { await $0.run(commandLine: ["up", "-u", database.url]) } == 2,
                "the app's connection is the one it migrates")

        // After a review, repair accepts the code as it is; then up applies what is pending.
        let repaired = try await withRunner(database.url, [Edited(), Later()]) { try await $0.repair() }
        #expect(repaired.repaired == [
            "m20250101_000001_widgets: recorded its current checksum",
            "m20250101_000003_slow: forgotten, it is no longer in the code",
        ])
        #expect(try await withRunner(database.url, [Edited(), Later()]) { try await $0.up() }.applied == [Later().name])
        #expect(await MigrationCommandLine.run([Edited(), Later()], arguments: ["status", "--check", "-u", database.url]) == 0)
    }

    /// A migration named after every other of these tests.
    struct Later: Migration {
        let name = "m20250101_000009_later"
        var up: [any MigrationStep] { SQL("CREATE TABLE later_table (id int)") }
        var down: [any MigrationStep] { SQL("DROP TABLE later_table") }
    }

    @Test func aMigrationOlderThanTheLastAppliedIsRefusedUnlessAllowed() async throws {
        let database = try TestDatabase.create("migrations_order")
        defer { database.drop() }
        _ = try await withRunner(database.url, [Later()]) { try await $0.up() }
        // Step1 comes from a branch merged after Later was applied.
        let refused = await #expect(throws: MigrationError.self) {
            try await withRunner(database.url, [Step1(), Later()]) { try await $0.up() }
        }
        #expect(refused == .outOfOrder([Step1().name], lastApplied: Later().name))
        #expect(await MigrationCommandLine.run([Step1(), Later()], arguments: ["up", "-u", database.url]) == 1)
        let allowed = try await withRunner(database.url, [Step1(), Later()]) { try await $0.up(allowOutOfOrder: true) }
        #expect(allowed.applied == [Step1().name])
        #expect(allowed.warnings == ["\(Step1().name) is applied out of order (after \(Later().name))"])
    }

    struct Concurrently: Migration {
        let name = "m20250101_000004_index_concurrently"
        var runsInTransaction: Bool { false }
        var up: [any MigrationStep] { CreateIndex("idx_widgets_id", on: "widgets", columns: ["id"], concurrently: true) }
        var down: [any MigrationStep] { DropIndex("idx_widgets_id", concurrently: true) }
    }

    @Test func migrationsMayOptOutOfTheTransaction() async throws {
        let database = try TestDatabase.create("migrations_concurrently")
        defer { database.drop() }
        let report = try await withRunner(database.url, [Step1(), Concurrently()]) { try await $0.up() }
        #expect(report.applied.count == 2)
        #expect(try objects(in: database).contains("idx_widgets_id"))
        _ = try await withRunner(database.url, [Step1(), Concurrently()]) { try await $0.down() }
        #expect(!(try objects(in: database)).contains("idx_widgets_id"))
    }

    @Test func runsAtApplicationStartUpThroughAClient() async throws {
        let database = try TestDatabase.create("migrations_startup")
        defer { database.drop() }
        let client = try PostgresClient(connectionString: database.url)
        let applied = try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await MigrationRunner(client: client, migrations: Migrator.all).up().applied
        }
        #expect(applied.count == Migrator.all.count)
    }

    @Test func runsAtApplicationStartUpThroughTheAppsDatabaseClient() async throws {
        let database = try TestDatabase.create("migrations_database_client")
        defer { database.drop() }
        let client = try DatabaseClient(connectionString: database.url)
        let applied = try await MigrationRunner(database: client, migrations: Migrator.all).up().applied
        #expect(applied.count == Migrator.all.count)
        #expect(try await MigrationRunner(database: client, migrations: Migrator.all).up().applied.isEmpty)
        await client.shutdown()
    }
}
