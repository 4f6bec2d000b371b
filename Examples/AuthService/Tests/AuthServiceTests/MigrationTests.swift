import AuthMigrations
import AuthModels
import EntityKitTesting
import Foundation
import Testing

@Suite("Migrations", .timeLimit(.minutes(10)))
struct MigrationTests {
    @Test func theSixReferenceMigrationsAreReadWithTheirDownFiles() throws {
        let migrations = try AuthMigrations.all()
        #expect(migrations.map(\.name) == [
            "001_create_auth_tables", "002_add_email_verification", "003_add_user_role",
            "004_create_tenants", "005_relations_showcase", "006_add_user_disabled_at",
        ])
        #expect(migrations.allSatisfy { !$0.down.isEmpty && $0.runsInTransaction })
    }

    @Test(.enabled(if: TestServer.isConfigured, "DATABASE_URL is not set"))
    func downUndoesEveryMigrationAndUpRestoresThem() async throws {
        try await TestServer.databases.get().withDatabase { db in
            let runner = MigrationRunner(database: db, migrations: try AuthMigrations.all())
            #expect(try await runner.status().allSatisfy { $0.state == .applied })
            let relations = try await relationNames(db)
            #expect(relations == [
                "active_refresh_tokens", "email_verification_tokens", "entitykit_migrations", "membership_events",
                "messages", "refresh_tokens", "tenant_memberships", "tenants", "users",
            ])
            #expect(try await typeNames(db) == ["email_address", "postal_address", "user_role"])

            let down = try await runner.down(count: 6)
            #expect(down.rolledBack.count == 6)
            #expect(try await relationNames(db) == ["entitykit_migrations"])
            #expect(try await typeNames(db).isEmpty)

            let up = try await runner.up()
            #expect(up.applied.count == 6)
            #expect(try await relationNames(db) == relations)
            #expect(try await typeNames(db) == ["email_address", "postal_address", "user_role"])
            // The models read the restored tables.
            _ = try await db.insert(User.Draft(username: "ada", email: "ada@example.com"))
            #expect(try await db.count(ActiveRefreshToken.self) == 0)
        }
    }

    /// The tables and views in `public`, sorted.
    private func relationNames(_ db: DatabaseClient) async throws -> [String] {
        let rows = try await db.query(
            """
            SELECT c.relname::text, c.relkind::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v')
            """,
            as: (String, String).self)
        return rows.map(\.0).sorted()
    }

    /// The enums, domains and composite types (not a table's row type) in `public`, sorted.
    private func typeNames(_ db: DatabaseClient) async throws -> [String] {
        let rows = try await db.query(
            """
            SELECT t.typname::text, t.typtype::text FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'c')
              AND (t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
            """,
            as: (String, String).self)
        return rows.map(\.0).sorted()
    }
}
