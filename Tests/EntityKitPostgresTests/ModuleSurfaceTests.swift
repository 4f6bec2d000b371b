import Testing
import TestSupport

/// What importing the runtime's modules puts in an app's namespace.
@Suite("Module surface",
       .enabled(if: TestEnvironment.runsProcessTests, "fast lane: type-checks with swiftc; run scripts/test or TEST_LANE=full swift test"))
struct ModuleSurfaceTests {
    @Test func theQueryRuntimeDeclaresNoTopLevelColumnOrPrimaryKey() throws {
        let result = try Typecheck.snippet("""
            import EntityKitPostgres
            let column: Column? = nil
            let key: PrimaryKey? = nil
            """)
        #expect(result.status != 0)
        #expect(result.output.contains("cannot find type 'Column' in scope"), "\(result.output)")
        #expect(result.output.contains("cannot find type 'PrimaryKey' in scope"), "\(result.output)")
    }

    /// The interface between generated code and the runtime is `@_spi(Generated)`: an app that
    /// imports its models and the runtime sees none of it, and reaches it only by naming the SPI.
    @Test func generatedCodeInterfaceIsHiddenFromApps() throws {
        let hidden = try Typecheck.snippet("""
            import EntityKitPostgres
            import Foundation
            import GeneratedModels

            let types: [Any.Type] = [Cell.self, TypeOID.self, ArrayElements.self, ColumnDefinition.self, LiteralCollector.self]
            func positional(_ user: User, _ writer: inout some RowWriter) { user.write(to: &writer) }
            let pairs = RefreshToken.Relations.user.columns
            let definition = User.Column.email.definition
            let statement = WriteStatements.delete(User.self, key: UUID())
            """)
        #expect(hidden.status != 0)
        for name in ["Cell", "TypeOID", "ArrayElements", "ColumnDefinition", "LiteralCollector", "WriteStatements"] {
            #expect(hidden.output.contains("cannot find '\(name)' in scope"), "\(name): \(hidden.output)")
        }
        #expect(hidden.output.contains("cannot find type 'RowWriter' in scope"), "\(hidden.output)")
        #expect(hidden.output.contains("'columns' is inaccessible due to '@_spi' protection level"), "\(hidden.output)")
        #expect(hidden.output.contains("'definition' is inaccessible due to '@_spi' protection level"), "\(hidden.output)")

        // What an app does with its models needs none of it.
        let used = try Typecheck.snippet("""
            import EntityKitPostgres
            import Foundation
            import GeneratedModels

            func use(_ db: DatabaseClient, id: UUID) async throws {
                let user = try await db.find(User.self, key: id)
                let tokens = try await db.all(RefreshToken.where { $0.userID == id }.order { $0.createdAt.descending })
                _ = (user, tokens, RefreshToken.Relations.user.constraint, User.Column.email.rawValue)
            }
            """)
        #expect(used.status == 0, "\(used.output)")

        let named = try Typecheck.snippet("""
            @_spi(Generated) import EntityKit
            import GeneratedModels

            let definition: ColumnDefinition = User.Column.email.definition
            """)
        #expect(named.status == 0, "\(named.output)")
    }

    @Test func theMigrationDSLIsQualifiedOutsideAMigrationAndBareInsideOne() throws {
        let outside = try Typecheck.snippet("""
            import EntityKitMigrations
            let column: Column? = nil
            """)
        #expect(outside.output.contains("cannot find type 'Column' in scope"), "\(outside.output)")
        let inside = try Typecheck.snippet("""
            import EntityKitMigrations
            let qualified = MigrationDSL.Column("id", .uuid)
            struct M1: Migration {
                let name = "m1"
                var up: [any MigrationStep] {
                    CreateTable("users") { Column("id", .uuid).primaryKey() }
                }
                var down: [any MigrationStep] { DropTable("users") }
            }
            """)
        #expect(inside.status == 0, "\(inside.output)")
    }

    @Test func migrationsNeedNoDriverAndAppsGetTheRunnerWithTheRuntime() throws {
        // EntityKitMigrations (what a migrations target imports) has no driver, so building it
        // and the libpq `migrate` executable compiles no SwiftNIO.
        let dsl = try Typecheck.snippet("""
            import EntityKitMigrations
            let connection: PostgresConnection? = nil
            """)
        #expect(dsl.output.contains("cannot find type 'PostgresConnection' in scope"), "\(dsl.output)")
        let app = try Typecheck.snippet("""
            import EntityKitMigrationsPostgres
            func migrate(_ db: DatabaseClient, _ migrations: [any Migration]) async throws {
                try await MigrationRunner(database: db, migrations: migrations).up()
                _ = await MigrationRunner(database: db, migrations: migrations).run(commandLine: ["status"])
            }
            """)
        #expect(app.status == 0, "\(app.output)")
    }

    @Test func theRuntimeReexportsItsOwnVocabularyButNotSwiftNIO() throws {
        let used = try Typecheck.snippet("""
            import EntityKitPostgres
            func use(_ client: PostgresClient, _ connection: PostgresConnection, _ row: PostgresRow, _ logger: Logger) {}
            let kind = EntityKind.table
            let date = PGDate(daysSince2000: 0)
            """)
        #expect(used.status == 0, "\(used.output)")
        let nio = try Typecheck.snippet("""
            import EntityKitPostgres
            let group: (any EventLoopGroup)? = nil
            """)
        #expect(nio.output.contains("cannot find type 'EventLoopGroup' in scope"), "\(nio.output)")
    }
}
