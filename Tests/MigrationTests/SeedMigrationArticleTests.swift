import EntityKitMigrationsCLI
import EntityKitMigrationsPostgres
import Foundation
import LiveTestSupport
import Testing
import TestSupport

/// The DocC article "The Seed's Migrations in the DSL" shows only code that compiles (its Swift
/// blocks are SeedMigrations.swift, verbatim) and does what it says on a live server.
@Suite("The seed's migrations article")
struct SeedMigrationArticleTests {
    static let article = TestEnvironment.packageRoot
        .appendingPathComponent("Sources/EntityKitMigrations/EntityKitMigrations.docc/SeedMigrations.md")
    static let compiled = TestEnvironment.packageRoot.appendingPathComponent("Tests/MigrationTests/SeedMigrations.swift")

    /// The article's ```swift blocks.
    static func swiftBlocks() throws -> [String] {
        MarkdownCode.blocks(in: try String(contentsOf: article, encoding: .utf8)[...])
    }

    @Test func everySwiftBlockIsCompiledCode() throws {
        let blocks = try Self.swiftBlocks()
        #expect(blocks.count == 4, "one block per seed migration and the enum's alternative, found \(blocks.count)")
        let source = try String(contentsOf: Self.compiled, encoding: .utf8)
        for block in blocks {
            #expect(source.contains(block), "not in SeedMigrations.swift, so not compiled:\n\(block)")
        }
    }

    @Test func theSQLIsWhatTheArticleSays() {
        let statements = SeedArticle.M20250125_000001_CreateAuthTables().up.flatMap(\.statements)
        #expect(statements.filter { $0.hasPrefix("CREATE TABLE IF NOT EXISTS ") }.count == 2)
        #expect(statements.contains(#"CREATE INDEX IF NOT EXISTS "idx_users_username" ON "users" ("username")"#))
        #expect(statements.contains(#"CREATE INDEX "idx_tokens_user_expires" ON "refresh_tokens" ("user_id", "expires_at")"#))
        #expect(statements.contains {
            $0.contains(#"CONSTRAINT "fk_refresh_tokens_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE"#)
        })
        #expect(statements.contains { $0.contains(#"CONSTRAINT "users_username_length" CHECK (char_length(username) >= 3)"#) })
        #expect(SeedArticle.M20250126_000002_AddUserRole().up.flatMap(\.statements)
                == [#"ALTER TABLE "users" ADD COLUMN "role" varchar(20) NOT NULL DEFAULT 'user'"#])
        #expect(SeedArticle.M20250127_000003_AddUserRoleEnum().up.flatMap(\.statements) == [
            #"CREATE TYPE "user_role" AS ENUM ('user', 'admin')"#,
            #"ALTER TABLE "users" ADD COLUMN "role" "user_role" NOT NULL DEFAULT 'user'"#,
        ])
    }

    // The bound is generous: the test takes under a second, but in a full run it can wait
    // minutes for a thread while other suites build packages (a CI run saw 8 minutes).
    @Test(.timeLimit(.minutes(10)), .enabled(if: TestEnvironment.runsLiveTests, Comment(rawValue: TestEnvironment.liveTestsSkipReason)))
    func theMigrationsApplyAndRollBackAsTheArticleSays() async throws {
        let database = try TestDatabase.create("seed_article")
        defer { database.drop() }
        let history: [any Migration] = [
            SeedArticle.M20250125_000001_CreateAuthTables(), SeedArticle.M20250126_000002_AddUserRole(), SeedArticle.M20250127_000003_UserRoleEnum(),
        ]
        // Up from the command line (libpq), as `codegen migrate up` would.
        #expect(await MigrationCommandLine.run(history, arguments: ["up", "-u", database.url]) == 0)

        let defaults = try database.rows("""
            SELECT table_name || '.' || column_name, column_default, is_nullable, udt_name FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name IN ('users', 'refresh_tokens') ORDER BY 1
            """).map { $0.map { $0 ?? "NULL" }.joined(separator: " | ") }
        #expect(defaults.contains("users.id | gen_random_uuid() | NO | uuid"))
        #expect(defaults.contains("users.email_verified | false | NO | bool"))
        #expect(defaults.contains("users.created_at | now() | NO | timestamptz"))
        #expect(defaults.contains("users.password_hash | NULL | YES | varchar"))
        #expect(defaults.contains("users.role | 'user'::user_role | NO | user_role"))
        #expect(defaults.contains("refresh_tokens.revoked_at | NULL | YES | timestamptz"))

        let foreignKey = try database.rows("""
            SELECT confrelid::regclass::text, confdeltype::text, confupdtype::text FROM pg_constraint WHERE conname = 'fk_refresh_tokens_user_id'
            """)
        #expect(foreignKey == [["users", "c", "c"]], "ON DELETE CASCADE ON UPDATE CASCADE")
        let indexes = try database.rows("""
            SELECT indexrelid::regclass::text, indnatts::text FROM pg_index WHERE indrelid IN ('users'::regclass, 'refresh_tokens'::regclass)
            AND NOT indisprimary AND NOT indisunique ORDER BY 1
            """)
        #expect(indexes == [["idx_refresh_tokens_expires_at", "1"], ["idx_refresh_tokens_user_id", "1"], ["idx_tokens_user_expires", "2"],
                            ["idx_users_username", "1"]])
        #expect(try database.rows("SELECT enum_range(NULL::user_role)::text") == [["{user,admin}"]])
        #expect(throws: (any Error).self, "the check constraint refuses a two-letter username") {
            _ = try database.rows("INSERT INTO users (username, email) VALUES ('ab', 'ab@example.com') RETURNING id")
        }
        let user = try database.rows("INSERT INTO users (username, email) VALUES ('ada', 'ada@example.com') RETURNING id::text, role::text")
        #expect(user.first?[1] == "user")
        _ = try database.rows("INSERT INTO refresh_tokens (id, user_id, token_hash, expires_at) "
            + "VALUES (gen_random_uuid(), '\(user[0][0]!)', 'h', now() + interval '1 day') RETURNING id")
        _ = try database.rows("DELETE FROM users RETURNING id")
        #expect(try database.rows("SELECT count(*) FROM refresh_tokens") == [["0"]], "tokens go with their user")

        // Down from an app's runner (PostgresNIO): the seed's `down -n 2`, then the last one.
        let rolledBack = try await withRunner(database.url, history) { try await $0.down(count: 2) }
        #expect(rolledBack.rolledBack == [SeedArticle.M20250127_000003_UserRoleEnum().name, SeedArticle.M20250126_000002_AddUserRole().name])
        #expect(try database.rows("SELECT to_regtype('user_role') IS NULL") == [["t"]])
        _ = try await withRunner(database.url, history) { try await $0.down(count: 1) }
        #expect(try database.rows("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'entitykit_migrations'") == [["0"]])

        // The seed's own spelling of the enum column, on a database without `role`.
        let alternative: [any Migration] = [SeedArticle.M20250125_000001_CreateAuthTables(), SeedArticle.M20250127_000003_AddUserRoleEnum()]
        #expect(await MigrationCommandLine.run(alternative, arguments: ["fresh", "-u", database.url]) == 0)
        #expect(try database.rows("SELECT udt_name, column_default FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'role'")
                == [["user_role", "'user'::user_role"]])
        #expect(await MigrationCommandLine.run(alternative, arguments: ["reset", "-u", database.url]) == 0)
        #expect(try database.rows("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == [["0"]])
    }
}
