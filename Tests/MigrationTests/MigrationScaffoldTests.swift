import CodegenCore
import Foundation
import MigrationEngine
import Testing

@Suite("Migration scaffolding")
struct MigrationScaffoldTests {
    private func folder() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("codegen-migrations-\(UUID().uuidString)")
        return root.appendingPathComponent("Sources/Migrations")
    }

    private let moment = Date(timeIntervalSince1970: 1_737_800_000) // 2025-01-25 10:13:20 UTC

    private func files(_ url: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
    }

    @Test func initCreatesARegistryAFirstMigrationAndAnExecutable() throws {
        let scaffold = MigrationScaffold(directory: try folder())
        let snippet = try scaffold.initialize(now: moment, firstMigration: "initial")
        #expect(files(scaffold.directory) == ["Migrator.swift", "m20250125_101320_initial.swift"])
        #expect(files(scaffold.runnerDirectory) == ["main.swift"])
        let registry = try String(contentsOf: scaffold.registry, encoding: .utf8)
        #expect(registry.contains("M20250125_101320_Initial(),"))
        // The executable applies migrations through libpq: it depends on the CLI product, never
        // on PostgresNIO (EntityKitMigrationsPostgres), so it builds in seconds.
        #expect(snippet.contains(
            #".executableTarget(name: "migrate", dependencies: ["Migrations", .product(name: "EntityKitMigrationsCLI", package: "swift-postgres-codegen")])"#))
        #expect(!snippet.contains("EntityKitMigrationsPostgres") && !snippet.contains("EntityKitPostgres"))
        let runner = try String(contentsOf: scaffold.runnerDirectory.appendingPathComponent("main.swift"), encoding: .utf8)
        #expect(runner.contains("import EntityKitMigrationsCLI") && runner.contains("MigrationCommandLine.run(Migrator.all"))
        #expect(throws: MigrationScaffold.Problem.self) { try scaffold.initialize(now: moment, firstMigration: "initial") }
    }

    @Test func generateWritesAndRegistersInOrder() throws {
        let scaffold = MigrationScaffold(directory: try folder())
        try scaffold.initialize(now: moment, firstMigration: "initial")
        let file = try scaffold.generate(name: "create_auth_tables", now: moment.addingTimeInterval(60))
        #expect(file.lastPathComponent == "m20250125_101420_create_auth_tables.swift")
        let source = try String(contentsOf: file, encoding: .utf8)
        #expect(source.contains("struct M20250125_101420_CreateAuthTables: Migration"))
        #expect(source.contains(#"let name = "m20250125_101420_create_auth_tables""#))
        let registry = try String(contentsOf: scaffold.registry, encoding: .utf8)
        let initial = try #require(registry.range(of: "M20250125_101320_Initial(),"))
        let added = try #require(registry.range(of: "M20250125_101420_CreateAuthTables(),"))
        #expect(initial.lowerBound < added.lowerBound)
    }

    @Test func twoMigrationsInTheSameSecondDoNotClash() throws {
        let scaffold = MigrationScaffold(directory: try folder())
        try scaffold.initialize(now: moment, firstMigration: "initial")
        let first = try scaffold.generate(name: "add_users", now: moment.addingTimeInterval(5))
        let second = try scaffold.generate(name: "add_users", now: moment.addingTimeInterval(5))
        let third = try scaffold.generate(name: "add_posts", now: moment.addingTimeInterval(5))
        #expect(first.lastPathComponent == "m20250125_101325_add_users.swift")
        #expect(second.lastPathComponent == "m20250125_101326_add_users.swift")
        #expect(third.lastPathComponent == "m20250125_101327_add_posts.swift")
    }

    @Test(arguments: ["add-users", "1st", "with space", "", "naïve", "drop;table"])
    func namesThatAreNotIdentifiersAreRejected(name: String) throws {
        let scaffold = MigrationScaffold(directory: try folder())
        try scaffold.initialize(now: moment, firstMigration: "initial")
        let before = files(scaffold.directory)
        #expect {
            try scaffold.generate(name: name, now: moment)
        } throws: { error in
            "\(error)".contains("not a valid migration name")
        }
        #expect(files(scaffold.directory) == before)
    }

    @Test func aRegistryEditedByHandSurvivesGenerate() throws {
        let scaffold = MigrationScaffold(directory: try folder())
        try scaffold.initialize(now: moment, firstMigration: "initial")
        let edited = """
            import EntityKitMigrations
            import Foundation

            // Our own notes, which must survive.
            public enum Migrator {
                public static let all: [any Migration] = [
                    // codegen:migrations:start
                    M20250125_101320_Initial(),

                    // Squashed history lives in the initial migration.
                    // codegen:migrations:end
                ] + extra

                static var extra: [any Migration] { [] }
            }
            """
        try edited.write(to: scaffold.registry, atomically: true, encoding: .utf8)
        try scaffold.generate(name: "add_index", now: moment.addingTimeInterval(1))
        let after = try String(contentsOf: scaffold.registry, encoding: .utf8)
        let expected = edited.replacingOccurrences(
            of: "        // codegen:migrations:end",
            with: "        M20250125_101321_AddIndex(),\n        // codegen:migrations:end")
        #expect(after == expected)
    }

    @Test func anUnsafeRegistryIsLeftAloneAndNothingIsWritten() throws {
        let scaffold = MigrationScaffold(directory: try folder())
        try scaffold.initialize(now: moment, firstMigration: "initial")
        for registry in [
            "public enum Migrator { public static let all: [any Migration] = [M20250125_101320_Initial()] }",
            """
            public enum Migrator {
                public static let all: [any Migration] = [
                    // codegen:migrations:start
                    M20250125_101320_Initial(),
                    condition ? A() : B(),
                    // codegen:migrations:end
                ]
            }
            """,
            """
            // codegen:migrations:end
            // codegen:migrations:start
            """,
        ] {
            try registry.write(to: scaffold.registry, atomically: true, encoding: .utf8)
            let before = files(scaffold.directory)
            #expect {
                try scaffold.generate(name: "add_users", now: moment.addingTimeInterval(9))
            } throws: { error in
                "\(error)".contains("cannot register the migration safely")
            }
            #expect(files(scaffold.directory) == before)
            #expect(try String(contentsOf: scaffold.registry, encoding: .utf8) == registry)
        }
    }

    @Test func generateWithoutARegistrySaysToInitFirst() throws {
        let scaffold = MigrationScaffold(directory: try folder())
        #expect {
            try scaffold.generate(name: "add_users", now: moment)
        } throws: { error in
            "\(error)".contains("codegen migrate init")
        }
    }

    @Test func initCreatesNoMigrationUnlessAsked() throws {
        let scaffold = MigrationScaffold(directory: try folder())
        let snippet = try scaffold.initialize(now: moment)
        #expect(files(scaffold.directory) == ["Migrator.swift"])
        let registry = try String(contentsOf: scaffold.registry, encoding: .utf8)
        #expect(registry.contains("        // codegen:migrations:start\n        // codegen:migrations:end\n"))
        // No manifest to read: the published package's identity.
        #expect(snippet.contains(#"package: "swift-postgres-codegen")], exclude: ["SQL"])"#))
        try scaffold.generate(name: "add_users", now: moment)
        #expect(try String(contentsOf: scaffold.registry, encoding: .utf8).contains("        M20250125_101320_AddUsers(),\n        // codegen:migrations:end"))
    }

    @Test func initNamesThisProjectAsTheUsersManifestDoes() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("codegen-identity-\(UUID().uuidString)")
        let app = root.appendingPathComponent("app")
        let checkout = root.appendingPathComponent("tools/codegen-fork")
        try FileManager.default.createDirectory(at: app, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: checkout, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "let package = Package(\n    name: \"swift-postgres-codegen\",\n)\n"
            .write(to: checkout.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        try """
            let package = Package(name: "app", dependencies: [
                .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.21.0"),
                .package(path: "../tools/codegen-fork"),
            ])
            """.write(to: app.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        #expect(PackageIdentity.ofThisProject(inPackageAt: app) == "codegen-fork")
        let snippet = try MigrationScaffold(directory: app.appendingPathComponent("Sources/Migrations")).initialize(now: moment, packageDirectory: app)
        #expect(snippet.contains(#".product(name: "EntityKitMigrations", package: "codegen-fork")"#))

        try """
            let package = Package(name: "app", dependencies: [
                .package(url: "git@github.com:example/Swift-Postgres-Codegen.git", branch: "main"),
            ])
            """.write(to: app.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        #expect(PackageIdentity.ofThisProject(inPackageAt: app) == "swift-postgres-codegen")
        try """
            let package = Package(name: "app", dependencies: [
                .package(name: "swift-postgres-codegen", path: "../tools/codegen-fork"),
            ])
            """.write(to: app.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        #expect(PackageIdentity.ofThisProject(inPackageAt: app) == "swift-postgres-codegen", "a given name is what products refer to")
        try "let package = Package(name: \"app\")".write(to: app.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        #expect(PackageIdentity.ofThisProject(inPackageAt: app) == nil)
    }

    @Test func sqlMigrationsGoBesideSwiftOnesOrInAFolderOfTheirOwn() throws {
        let swiftTarget = MigrationScaffold(directory: try folder())
        try swiftTarget.initialize(now: moment)
        try swiftTarget.generate(name: "create_users", now: moment)
        // Versions stay unique across both kinds: the same second moves on.
        let up = try swiftTarget.generateSQL(name: "add_index", now: moment)
        #expect(up.path == swiftTarget.sqlDirectory.appendingPathComponent("m20250125_101321_add_index.up.sql").path)
        #expect(files(swiftTarget.sqlDirectory) == ["m20250125_101321_add_index.down.sql", "m20250125_101321_add_index.up.sql"])
        #expect(MigrationsFolder(swiftTarget.directory).kind == .swiftTarget(sqlDirectory: swiftTarget.sqlDirectory.standardizedFileURL))

        let sqlOnly = MigrationScaffold(directory: try folder())
        #expect(MigrationsFolder(sqlOnly.directory).kind == .missing)
        #expect { try sqlOnly.generateSQL(name: "create_users", now: moment) } throws: { "\($0)".contains("codegen migrate init --sql") }
        try sqlOnly.initializeSQL()
        #expect(MigrationsFolder(sqlOnly.directory).kind == .sqlOnly)
        try sqlOnly.generateSQL(name: "create_users", now: moment)
        #expect(files(sqlOnly.directory) == ["m20250125_101320_create_users.down.sql", "m20250125_101320_create_users.up.sql"])
        #expect { try sqlOnly.initializeSQL() } throws: { "\($0)".contains("already holds SQL migrations") }
        // The scaffolded files are valid, empty migrations.
        let scaffolded = try SQLMigrationFile.all(in: sqlOnly.directory)
        #expect(scaffolded.map(\.version) == ["m20250125_101320_create_users"])
        #expect(scaffolded[0].up.statements.isEmpty && scaffolded[0].runsInTransaction)
    }
}
