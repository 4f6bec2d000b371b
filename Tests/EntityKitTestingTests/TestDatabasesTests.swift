import EntityKitTesting
import Foundation
import LiveTestSupport
import Testing
import TestSupport

/// Per-test databases: a template built once from the migrations, a clone per test, dropped
/// afterwards; the rolled-back mode; parallel use; failures that leave nothing behind.
@Suite("Per-test databases", .serialized, .timeLimit(.minutes(10)))
struct TestDatabasesTests {
    struct CreateWidgets: Migration {
        let name = "m20250101_000001_create_widgets"
        var up: [any MigrationStep] {
            CreateTable("widgets") {
                Column("id", .integer).primaryKey()
                Column("name", .text).notNull().unique()
            }
        }
        var down: [any MigrationStep] { DropTable("widgets") }
    }

    struct SeedWidget: Migration {
        let name = "m20250101_000002_seed_widget"
        var up: [any MigrationStep] { SQL("INSERT INTO widgets VALUES (0, 'seeded')") }
        var down: [any MigrationStep] { SQL("DELETE FROM widgets WHERE id = 0") }
    }

    struct Broken: Migration {
        let name = "m20250101_000003_broken"
        var up: [any MigrationStep] { SQL("INSERT INTO no_such_table VALUES (1)") }
        var down: [any MigrationStep] { [] }
    }

    struct Failure: Error {}

    /// A prefix of its own, so that these tests never see another run's databases.
    private static func prefix() -> String {
        "ekt" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
    }

    /// The server's databases whose names start with `prefix`.
    private static func databases(_ prefix: String, server: String) throws -> [String] {
        try LiveTestSupport.SQL.rows("SELECT datname FROM pg_database WHERE datname LIKE '\(prefix)\\_%' ORDER BY 1", on: server).compactMap { $0[0] }
    }

    /// Drops what a test left on purpose (templates and the shared database).
    private static func dropAll(_ prefix: String, server: String) {
        for name in (try? databases(prefix, server: server)) ?? [] {
            try? LiveTestSupport.SQL.execute("DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)", on: server)
        }
    }

    @Test func theTemplateIsNamedAfterTheMigrationsAndAPrefixIsChecked() throws {
        let server = "postgres://nobody@127.0.0.1:1/postgres"
        let one = try TestDatabases(server: server, migrations: [CreateWidgets()])
        let two = try TestDatabases(server: server, migrations: [CreateWidgets(), SeedWidget()])
        #expect(one.templateName.hasPrefix("test_tpl_"))
        #expect(one.templateName != two.templateName, "another migration, another template")
        #expect(try TestDatabases(server: server, migrations: [CreateWidgets()]).templateName == one.templateName)
        #expect(throws: TestDatabasesError.invalidPrefix("Bad-Name")) {
            try TestDatabases(server: server, migrations: [], prefix: "Bad-Name")
        }
    }

    @Test(.enabled(if: TestEnvironment.runsLiveTests, Comment(rawValue: TestEnvironment.liveTestsSkipReason)))
    func eachTestGetsAMigratedDatabaseOfItsOwnDroppedAfterwards() async throws {
        let server = try #require(TestEnvironment.serverURL)
        let prefix = Self.prefix()
        defer { Self.dropAll(prefix, server: server) }
        let databases = try TestDatabases(server: server, migrations: [SeedWidget(), CreateWidgets()], prefix: prefix)

        let first = try await databases.withDatabase { db in
            try await db.execute("INSERT INTO widgets VALUES (1, 'first')")
            let count: [Int64] = try await db.query("SELECT count(*) FROM widgets", as: Int64.self)
            #expect(count == [2])
            return try await db.query("SELECT current_database()", as: String.self)[0]
        }
        let second = try await databases.withDatabase { db in
            #expect(try await db.query("SELECT name FROM widgets", as: String.self) == ["seeded"], "nothing of the first test")
            return try await db.query("SELECT current_database()", as: String.self)[0]
        }
        #expect(first != second)
        // Only the template is left: each test's database was dropped.
        #expect(try Self.databases(prefix, server: server) == [databases.templateName])

        // A test that throws still loses its database, and its error is what comes out.
        await #expect(throws: Failure.self) {
            try await databases.withDatabase { db in
                try await db.execute("INSERT INTO widgets VALUES (2, 'doomed')")
                throw Failure()
            }
        }
        #expect(try Self.databases(prefix, server: server) == [databases.templateName])
    }

    @Test(.enabled(if: TestEnvironment.runsLiveTests, Comment(rawValue: TestEnvironment.liveTestsSkipReason)))
    func parallelTestsFromTwoProcessesShareOneTemplateBuiltOnce() async throws {
        let server = try #require(TestEnvironment.serverURL)
        let prefix = Self.prefix()
        defer { Self.dropAll(prefix, server: server) }
        // Two instances stand for two test processes: neither knows the other built it.
        let one = try TestDatabases(server: server, migrations: [CreateWidgets(), SeedWidget()], prefix: prefix)
        let two = try TestDatabases(server: server, migrations: [CreateWidgets(), SeedWidget()], prefix: prefix)
        let counts = try await withThrowingTaskGroup(of: Int64.self) { group in
            for index in 0..<8 {
                let databases = index.isMultiple(of: 2) ? one : two
                group.addTask {
                    try await databases.withDatabase { db in
                        try await db.execute("INSERT INTO widgets VALUES (\(Int32(index + 1)), 'mine')")
                        let rows: [Int64] = try await db.query("SELECT count(*) FROM widgets", as: Int64.self)
                        return rows[0]
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 2, count: 8), "each saw the seeded row and its own")
        #expect(try Self.databases(prefix, server: server) == [one.templateName])
        #expect(try LiveTestSupport.SQL.rows("SELECT datname FROM pg_database WHERE datname = '\(one.templateName)'", on: server).count == 1)
    }

    @Test(.enabled(if: TestEnvironment.runsLiveTests, Comment(rawValue: TestEnvironment.liveTestsSkipReason)))
    func aRolledBackTestLeavesNothingForTheNext() async throws {
        let server = try #require(TestEnvironment.serverURL)
        let prefix = Self.prefix()
        defer { Self.dropAll(prefix, server: server) }
        let databases = try TestDatabases(server: server, migrations: [CreateWidgets(), SeedWidget()], prefix: prefix)
        for round in 1...3 {
            let seen = try await databases.withRollback { transaction in
                try await transaction.execute("INSERT INTO widgets VALUES (\(Int32(round)), 'round')")
                let rows: [Int64] = try await transaction.query("SELECT count(*) FROM widgets", as: Int64.self)
                return rows[0]
            }
            #expect(seen == 2, "round \(round) saw only the seeded row and its own")
        }
        await #expect(throws: Failure.self) {
            try await databases.withRollback { transaction in
                try await transaction.execute("INSERT INTO widgets VALUES (9, 'doomed')")
                throw Failure()
            }
        }
        let after = try await databases.withRollback { transaction in
            let rows: [Int64] = try await transaction.query("SELECT count(*) FROM widgets", as: Int64.self)
            return rows[0]
        }
        #expect(after == 1)
        await databases.shutdown()
        #expect(try Self.databases(prefix, server: server) == [databases.templateName, databases.templateName + "_shared"])
    }

    @Test(.enabled(if: TestEnvironment.runsLiveTests, Comment(rawValue: TestEnvironment.liveTestsSkipReason)))
    func aTemplateLockHeldElsewhereFailsWithinTheTimeoutInsteadOfHanging() async throws {
        let server = try #require(TestEnvironment.serverURL)
        let prefix = Self.prefix()
        defer { Self.dropAll(prefix, server: server) }
        let databases = try TestDatabases(server: server, migrations: [CreateWidgets()], prefix: prefix, timeout: .seconds(1))
        // Another process is building the template and never finishes.
        let holder = try await PostgresConnection.connect(
            configuration: try .init(connectionString: server), id: 1, logger: .entityKitSilent)
        _ = try await holder.query(
            PostgresQuery(unsafeSQL: "SELECT pg_advisory_lock(hashtextextended('\(databases.templateName)', 0))"), logger: .entityKitSilent
        ).collect()
        let started = ContinuousClock.now
        await #expect(throws: (any Error).self) {
            try await databases.withDatabase { _ in }
        }
        #expect(ContinuousClock.now - started < .seconds(30), "the lock wait is bounded by the timeout")
        try await holder.close()
        // Once the other process is gone, it works.
        try await databases.withDatabase { db in
            let rows: [Int64] = try await db.query("SELECT count(*) FROM widgets", as: Int64.self)
            #expect(rows == [0])
        }
    }

    @Test(.enabled(if: TestEnvironment.runsLiveTests, Comment(rawValue: TestEnvironment.liveTestsSkipReason)))
    func theCostOfAPerTestDatabaseIsPrinted() async throws {
        let server = try #require(TestEnvironment.serverURL)
        let prefix = Self.prefix()
        defer { Self.dropAll(prefix, server: server) }
        let databases = try TestDatabases(server: server, migrations: [CreateWidgets(), SeedWidget()], prefix: prefix)
        try await databases.withDatabase { _ in }  // builds the template
        let clock = ContinuousClock()
        let elapsed = try await clock.measure {
            for _ in 0..<5 { try await databases.withDatabase { db in try await db.execute("SELECT 1") } }
        }
        // A figure for the docs, not a speed test.
        print("per-test database (clone, connect, drop), mean of 5: \(elapsed / 5)")
    }

    @Test(.enabled(if: TestEnvironment.runsLiveTests, Comment(rawValue: TestEnvironment.liveTestsSkipReason)))
    func migrationsThatFailLeaveNoTemplate() async throws {
        let server = try #require(TestEnvironment.serverURL)
        let prefix = Self.prefix()
        defer { Self.dropAll(prefix, server: server) }
        let databases = try TestDatabases(server: server, migrations: [CreateWidgets(), Broken()], prefix: prefix)
        var message = ""
        do {
            try await databases.withDatabase { _ in }
            Issue.record("a template was made from migrations that fail")
        } catch let error as TestDatabasesError {
            guard case let .migrationsFailed(text) = error else {
                Issue.record("expected migrationsFailed, got \(error)")
                return
            }
            message = text
        }
        #expect(message.contains("m20250101_000003_broken") && message.contains("no_such_table"), "\(message)")
        #expect(try Self.databases(prefix, server: server).isEmpty, "no template, no half-built database")
    }
}
