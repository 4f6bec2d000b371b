import EntityKitMigrationsCLI
import EntityKitMigrationsPostgres
import Foundation
import LiveTestSupport
import Testing
import TestSupport

/// SQL migrations against a live server: applied by `codegen migrate` through libpq with no
/// package build, by the app-embedded runner through PostgresNIO, and mixed with Swift ones.
@Suite("SQL migrations", .serialized, .timeLimit(.minutes(10)),
       .enabled(if: TestEnvironment.runsLiveTests, Comment(rawValue: TestEnvironment.liveTestsSkipReason)))
struct SQLMigrationTests {
    /// A folder outside any package, removed at the end.
    private func withFolder<T>(_ body: (URL) throws -> T) throws -> T {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sql-migrations-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        return try body(root)
    }

    private func codegen(_ arguments: [String], in folder: URL) throws -> Shell.Result {
        try Shell.run(Shell.codegenExecutable, arguments, in: folder)
    }

    /// Writes the up (and down) file of the migration whose name ends with `suffix`.
    private func fill(_ folder: URL, _ suffix: String, up: String, down: String) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let upFile = try #require(names.first { $0.hasSuffix("_\(suffix).up.sql") })
        try up.write(to: folder.appendingPathComponent(upFile), atomically: true, encoding: .utf8)
        try down.write(to: folder.appendingPathComponent(upFile.replacingOccurrences(of: ".up.sql", with: ".down.sql")), atomically: true, encoding: .utf8)
    }

    static let usersUp = """
        -- The seed's users, with a trigger function whose body holds semicolons.
        CREATE TABLE users (
            id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
            email varchar(255) NOT NULL UNIQUE,
            created_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE FUNCTION lower_email() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.email := lower(NEW.email);
            RETURN NEW;
        END
        $$;
        CREATE TRIGGER users_lower_email BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION lower_email();
        """
    static let usersDown = "DROP TABLE users;\nDROP FUNCTION lower_email();\n"
    static let indexUp = "-- no-transaction\nCREATE INDEX CONCURRENTLY users_created_at ON users (created_at);\n"
    static let indexDown = "-- no-transaction\nDROP INDEX CONCURRENTLY users_created_at;\n"

    @Test func aSQLOnlyHistoryGoesFromInitToAppliedWithNoBuild() throws {
        try withFolder { root in
            let database = try TestDatabase.create("sql_migrations_cli")
            defer { database.drop() }
            let url = ["-u", database.url, "-d", "db/migrations"]
            let migrations = root.appendingPathComponent("db/migrations")
            #expect(try codegen(["migrate", "init", "--sql", "-d", "db/migrations"], in: root).status == 0)
            #expect(try codegen(["migrate", "generate", "create_users", "--sql", "-d", "db/migrations"], in: root).status == 0)
            #expect(try codegen(["migrate", "generate", "index_users", "--sql", "-d", "db/migrations"], in: root).status == 0)
            try fill(migrations, "create_users", up: Self.usersUp, down: Self.usersDown)
            try fill(migrations, "index_users", up: Self.indexUp, down: Self.indexDown)

            let dryRun = try codegen(["migrate", "up", "--dry-run"] + url, in: root)
            #expect(dryRun.status == 0 && dryRun.standardOutput.contains("CREATE INDEX CONCURRENTLY") && dryRun.standardOutput.contains("(no transaction)"))
            #expect(try database.rows("SELECT to_regclass('entitykit_migrations') IS NULL")[0][0] == "t", "a dry run creates nothing")

            let clock = ContinuousClock()
            let start = clock.now
            let up = try codegen(["migrate", "up"] + url, in: root)
            let elapsed = clock.now - start
            try #require(up.status == 0, "\(up.output)")
            print("SQL-only `codegen migrate up` (2 migrations, no build): \(elapsed)")
            #expect(up.standardOutput.split(separator: "\n").filter { $0.hasPrefix("Applied ") }.count == 2)
            #expect(up.standardError.isEmpty, "no notices, no build output: \(up.standardError)")
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(".build").path), "nothing was built")
            try database.execute("INSERT INTO users (email) VALUES ('Ada@Example.com')")
            #expect(try database.rows("SELECT email FROM users")[0][0] == "ada@example.com")
            #expect(try codegen(["migrate", "status", "--check"] + url, in: root).status == 0)

            // Editing an applied migration makes up and status --check exit 1, naming it.
            let usersFile = try #require(try FileManager.default.contentsOfDirectory(atPath: migrations.path).first { $0.hasSuffix("create_users.up.sql") })
            try (Self.usersUp + "\nCREATE TABLE sneaky (id int);\n").write(to: migrations.appendingPathComponent(usersFile), atomically: true, encoding: .utf8)
            let refused = try codegen(["migrate", "up"] + url, in: root)
            #expect(refused.status == 1 && refused.standardError.contains("create_users changed after it was applied"), "\(refused.output)")
            let check = try codegen(["migrate", "status", "--check"] + url, in: root)
            #expect(check.status == 1 && check.standardOutput.contains("changed since applied"), "\(check.output)")
            #expect(try database.rows("SELECT to_regclass('sneaky') IS NULL")[0][0] == "t")
            #expect(try codegen(["migrate", "repair"] + url, in: root).status == 0)
            #expect(try codegen(["migrate", "status", "--check"] + url, in: root).status == 0)
            try Self.usersUp.write(to: migrations.appendingPathComponent(usersFile), atomically: true, encoding: .utf8)
            #expect(try codegen(["migrate", "repair"] + url, in: root).status == 0)

            // A failing migration names its file and line, and keeps nothing.
            #expect(try codegen(["migrate", "generate", "broken", "--sql", "-d", "db/migrations"], in: root).status == 0)
            try fill(migrations, "broken", up: "CREATE TABLE half (id int);\n\nINSERT INTO half\n    VALUES (1),\n    (nope);\n", down: "DROP TABLE half;\n")
            let broken = try codegen(["migrate", "up"] + url, in: root)
            #expect(broken.status == 1)
            #expect(broken.standardError.contains("_broken.up.sql, line 5: column \"nope\" does not exist"), "\(broken.standardError)")
            #expect(try database.rows("SELECT to_regclass('half') IS NULL")[0][0] == "t")
            let brokenFiles = try FileManager.default.contentsOfDirectory(atPath: migrations.path).filter { $0.contains("_broken.") }
            for file in brokenFiles { try FileManager.default.removeItem(at: migrations.appendingPathComponent(file)) }

            let down = try codegen(["migrate", "down", "-n", "2"] + url, in: root)
            #expect(down.status == 0 && down.standardOutput.split(separator: "\n").filter { $0.hasPrefix("Rolled back ") }.count == 2)
            #expect(try database.rows("SELECT to_regclass('users') IS NULL")[0][0] == "t")
            let reset = try codegen(["migrate", "reset"] + url, in: root)
            #expect(reset.status == 0)
        }
    }

    @Test func baselineAdoptsADatabaseMadeByHand() throws {
        try withFolder { root in
            let database = try TestDatabase.create("sql_migrations_baseline")
            defer { database.drop() }
            let url = ["-u", database.url, "-d", "migrations"]
            let migrations = root.appendingPathComponent("migrations")
            #expect(try codegen(["migrate", "init", "--sql", "--first", "create_users", "-d", "migrations"], in: root).status == 0)
            try fill(migrations, "create_users", up: Self.usersUp, down: Self.usersDown)
            #expect(try codegen(["migrate", "generate", "index_users", "--sql", "-d", "migrations"], in: root).status == 0)
            try fill(migrations, "index_users", up: Self.indexUp, down: Self.indexDown)
            let first = try #require(try FileManager.default.contentsOfDirectory(atPath: migrations.path).first { $0.hasSuffix("create_users.up.sql") })
            let version = String(first.dropLast(".up.sql".count))
            // The live database already has what the first migration makes.
            try database.execute(Self.usersUp)

            let unknown = try codegen(["migrate", "baseline", "m0_nothing"] + url, in: root)
            #expect(unknown.status == 1 && unknown.standardError.contains("no migration is named m0_nothing"))
            let baseline = try codegen(["migrate", "baseline", version] + url, in: root)
            #expect(baseline.status == 0 && baseline.standardOutput.contains("Recorded \(version) as applied (baseline)"), "\(baseline.output)")
            let up = try codegen(["migrate", "up"] + url, in: root)
            #expect(up.status == 0 && up.standardOutput.contains("_index_users") && !up.standardOutput.contains("create_users"), "\(up.output)")
            let again = try codegen(["migrate", "baseline", version] + url, in: root)
            #expect(again.status == 1 && again.standardError.contains("already records 2 applied migrations"))
        }
    }

    /// A Swift migration to mix with SQL files.
    struct SeedAdmin: Migration {
        let name = "m20991231_000000_seed_admin"
        var up: [any MigrationStep] { SQL("INSERT INTO users (email) VALUES ('ADMIN@example.com')") }
        var down: [any MigrationStep] { SQL("DELETE FROM users WHERE email = 'admin@example.com'") }
    }

    @Test func bothDriversAgreeOnAHistoryThatMixesSQLAndSwift() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sql-migrations-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.usersUp.write(to: root.appendingPathComponent("m20250101_000001_create_users.up.sql"), atomically: true, encoding: .utf8)
        try Self.usersDown.write(to: root.appendingPathComponent("m20250101_000001_create_users.down.sql"), atomically: true, encoding: .utf8)
        try Self.indexUp.write(to: root.appendingPathComponent("m20250101_000002_index_users.up.sql"), atomically: true, encoding: .utf8)
        try Self.indexDown.write(to: root.appendingPathComponent("m20250101_000002_index_users.down.sql"), atomically: true, encoding: .utf8)
        let database = try TestDatabase.create("sql_migrations_mixed")
        defer { database.drop() }

        // codegen (libpq) applies the SQL files; the app's runner (PostgresNIO) sees them applied
        // with the same checksums, and applies the Swift migration after them.
        let cli = try Shell.run(Shell.codegenExecutable, ["migrate", "up", "-u", database.url, "-d", root.path])
        try #require(cli.status == 0, "\(cli.output)")
        let mixed = [SeedAdmin()] + (try SQLFileMigration.all(in: root))
        let statuses = try await withRunner(database.url, mixed) { try await $0.status() }
        #expect(statuses.map(\.state) == [.applied, .applied, .pending])
        let plan = try await withRunner(database.url, mixed) { try await $0.plan() }
        #expect(plan.steps.map(\.name) == [SeedAdmin().name])
        #expect(plan.script.contains("INSERT INTO users (email) VALUES ('ADMIN@example.com');"))
        #expect(try await withRunner(database.url, mixed) { try await $0.up() }.applied == [SeedAdmin().name])
        #expect(try database.rows("SELECT email FROM users")[0][0] == "admin@example.com", "the SQL migration's trigger ran")

        // The scaffolded executable's command line takes the SQL folder too.
        #expect(await MigrationCommandLine.run([SeedAdmin()], sqlDirectory: root, arguments: ["status", "--check", "-u", database.url]) == 0)
        #expect(await MigrationCommandLine.run([SeedAdmin()], arguments: ["status", "--check", "-u", database.url]) == 1,
                "without the SQL folder, two applied migrations are missing")

        // Rolled back through PostgresNIO, newest first, including the index built outside a transaction.
        let down = try await withRunner(database.url, mixed) { try await $0.down(count: 3) }
        #expect(down.rolledBack == [SeedAdmin().name, "m20250101_000002_index_users", "m20250101_000001_create_users"])
        #expect(try database.rows("SELECT to_regclass('users') IS NULL")[0][0] == "t")

        // A failing SQL file through PostgresNIO names the file and line too.
        try "SELECT 1;\nSELECT nope FROM\n    nowhere;\n"
            .write(to: root.appendingPathComponent("m20250101_000003_broken.up.sql"), atomically: true, encoding: .utf8)
        let failure = await #expect(throws: MigrationError.self) {
            try await withRunner(database.url, try SQLFileMigration.all(in: root)) { try await $0.up() }
        }
        #expect("\(failure.map { "\($0)" } ?? "")".contains("m20250101_000003_broken.up.sql, line 3: relation \"nowhere\" does not exist"))
    }

    @Test func fromMigrationsOnASQLFolderNeedsNoBuildAndMatchesAHandMigratedDatabase() throws {
        try withFolder { root in
            let migrations = root.appendingPathComponent("migrations")
            try FileManager.default.createDirectory(at: migrations, withIntermediateDirectories: true)
            try Self.usersUp.write(to: migrations.appendingPathComponent("m20250101_000001_create_users.up.sql"), atomically: true, encoding: .utf8)
            try Self.indexUp.write(to: migrations.appendingPathComponent("m20250101_000002_index_users.up.sql"), atomically: true, encoding: .utf8)
            let database = try TestDatabase.create("sql_migrations_entities")
            defer { database.drop() }
            #expect(try codegen(["migrate", "up", "-u", database.url, "-d", "migrations"], in: root).status == 0)

            let fromDatabase = try codegen(["entity", "-u", database.url, "-o", "from-database"], in: root)
            try #require(fromDatabase.status == 0, "\(fromDatabase.output)")
            let fromMigrations = try codegen(
                ["entity", "--from-migrations", "--migrations-directory", "migrations", "--package-path", root.path, "-o", "from-migrations"], in: root)
            try #require(fromMigrations.status == 0, "\(fromMigrations.output)")
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(".build").path), "nothing was built")
            let files = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("from-database").path).sorted()
            #expect(files.contains("User.swift"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("from-migrations").path).sorted() == files)
            for file in files {
                let a = try String(contentsOf: root.appendingPathComponent("from-database/\(file)"), encoding: .utf8)
                let b = try String(contentsOf: root.appendingPathComponent("from-migrations/\(file)"), encoding: .utf8)
                #expect(a == b, "\(file) differs")
            }
        }
    }
}
