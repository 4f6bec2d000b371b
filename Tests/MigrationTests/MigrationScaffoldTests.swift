import CodegenCore
import Foundation
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
        let snippet = try scaffold.initialize(now: moment)
        #expect(files(scaffold.directory) == ["Migrator.swift", "m20250125_101320_initial.swift"])
        #expect(files(scaffold.runnerDirectory) == ["main.swift"])
        let registry = try String(contentsOf: scaffold.registry, encoding: .utf8)
        #expect(registry.contains("M20250125_101320_Initial(),"))
        #expect(snippet.contains(#".executableTarget(name: "migrate", dependencies: ["Migrations"])"#))
        #expect(throws: MigrationScaffold.Problem.self) { try scaffold.initialize(now: moment) }
    }

    @Test func generateWritesAndRegistersInOrder() throws {
        let scaffold = MigrationScaffold(directory: try folder())
        try scaffold.initialize(now: moment)
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
        try scaffold.initialize(now: moment)
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
        try scaffold.initialize(now: moment)
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
        try scaffold.initialize(now: moment)
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
        try scaffold.initialize(now: moment)
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
}
