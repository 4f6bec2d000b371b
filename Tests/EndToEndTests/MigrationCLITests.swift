import Foundation
import PostgresConnectionInfo
import Testing
import LiveTestSupport
import TestSupport

/// `codegen migrate …` from scaffolding to running, in a package like a user's.
@Suite("Migrations from the command line", .serialized, .enabled(if: TestEnvironment.runsLiveTests, Comment(rawValue: TestEnvironment.liveTestsSkipReason)))
struct MigrationCLITests {
    private func codegen(_ arguments: [String]) throws -> Shell.Result {
        try Shell.run(Shell.codegenExecutable, arguments)
    }

    @Test func scaffoldGenerateAndRunThroughTheMigrateExecutable() throws {
        try ConsumerPackage.prepare()
        let manager = FileManager.default
        try? manager.removeItem(at: ConsumerPackage.migrationsFolder)
        try? manager.removeItem(at: ConsumerPackage.packageFolder.appendingPathComponent("Sources/migrate"))
        let folder = ConsumerPackage.migrationsFolder.path

        let initialized = try codegen(["migrate", "init", "-d", folder, "--first", "initial", "--package-path", ConsumerPackage.packageFolder.path])
        try #require(initialized.status == 0, "\(initialized.output)")
        #expect(initialized.standardOutput.contains(
            #".executableTarget(name: "migrate", dependencies: ["Migrations", .product(name: "EntityKitMigrationsCLI", package: "swift-postgres-codegen")])"#))
        // The consumer depends on this checkout as `.package(name: "swift-postgres-codegen", path: …)`.
        #expect(initialized.standardOutput.contains(#".product(name: "EntityKitMigrations", package: "swift-postgres-codegen")"#),
                "\(initialized.standardOutput)")

        let generated = try codegen(["migrate", "generate", "create_widgets", "-d", folder])
        try #require(generated.status == 0, "\(generated.output)")
        let migrationFile = try #require(try manager.contentsOfDirectory(atPath: folder).first { $0.hasSuffix("_create_widgets.swift") })
        let path = ConsumerPackage.migrationsFolder.appendingPathComponent(migrationFile)
        // Fill in the scaffold as a person would: keep its type and version, write up and down.
        let scaffolded = try String(contentsOf: path, encoding: .utf8)
        let declaration = try #require(scaffolded.split(separator: "\n").first { $0.hasPrefix("struct ") })
        let version = try #require(scaffolded.split(separator: "\n").first { $0.contains("let name = ") })
        let source = """
            import EntityKitMigrations

            \(declaration)
            \(version)

                var up: [any MigrationStep] {
                    CreateTable("widgets") {
                        Column("id", .integer).primaryKey()
                        Column("title", .text).notNull()
                    }
                }

                var down: [any MigrationStep] {
                    DropTable("widgets")
                }
            }

            """
        try source.write(to: path, atomically: true, encoding: .utf8)

        let bad = try codegen(["migrate", "generate", "create-widgets", "-d", folder])
        #expect(bad.status != 0 && bad.standardError.contains("not a valid migration name"))

        let typo = try codegen(["migrate", "status", "--package-path", ConsumerPackage.packageFolder.path, "-u", "hots=localhost dbname=app"])
        #expect(typo.status != 0 && typo.standardError.contains("unknown connection keyword \"hots\""), "\(typo.output)")

        let database = try TestDatabase.create("migrate_cli")
        defer { database.drop() }
        let forwarding = ["--package-path", ConsumerPackage.packageFolder.path, "--scratch-path", ConsumerPackage.scratchPath, "-u", database.url]
        // -u takes what `codegen entity -u` takes: here a key=value string.
        let server = try ResolvedConnection(database.url, environment: ConnectionEnvironment(variables: [:], userName: "nobody"))
        guard case let .tcp(host, port) = server.primaryHost.endpoint else { throw TestDatabaseError("DATABASE_URL is not TCP") }
        let password = try #require(server.primaryHost.password)
        let keyValue = "host=\(host) port=\(port) user=\(server.user) password=\(ConnectionParameters.quoted(password)) dbname=\(database.name)"
        let up = try codegen(
            ["migrate", "up", "--package-path", ConsumerPackage.packageFolder.path, "--scratch-path", ConsumerPackage.scratchPath, "-u", keyValue])
        try #require(up.status == 0, "\(up.output.suffix(4000))")
        #expect(up.standardOutput.contains("_initial"))
        // Only the migrations' own output: no SwiftPM progress or warnings about other targets.
        #expect(!up.output.contains("Building for") && !up.output.contains("Compiling") && !up.output.contains("warning:"), "\(up.output.suffix(2000))")
        #expect(up.standardOutput.contains("_create_widgets"))
        #expect(try database.rows("SELECT count(*) FROM widgets")[0][0] == "0")

        let status = try codegen(["migrate", "status"] + forwarding)
        #expect(status.status == 0)
        #expect(status.standardOutput.split(separator: "\n").filter { $0.hasPrefix("applied") }.count == 2)

        // No -u and no DATABASE_URL: PG* variables, with the password from a password file.
        let passfile = FileManager.default.temporaryDirectory.appendingPathComponent("migrate-pgpass-\(UUID().uuidString)")
        try ("\(host):\(port):\(database.name):\(server.user):"
            + "\(password.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ":", with: "\\:"))\n")
            .write(to: passfile, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: passfile.path)
        defer { try? FileManager.default.removeItem(at: passfile) }
        let down = try Shell.run(Shell.codegenExecutable,
                                 ["migrate", "down", "--package-path", ConsumerPackage.packageFolder.path, "--scratch-path", ConsumerPackage.scratchPath],
                                 environment: ["PGHOST": host, "PGPORT": String(port), "PGUSER": server.user,
                                               "PGDATABASE": database.name, "PGPASSFILE": passfile.path],
                                 removingEnvironment: ["DATABASE_URL", "PGPASSWORD", "PGSERVICE"])
        #expect(down.status == 0 && down.standardOutput.contains("Rolled back") && down.standardOutput.contains("_create_widgets"))
        #expect(throws: (any Error).self) { try database.rows("SELECT count(*) FROM widgets") }

        let reset = try codegen(["migrate", "reset"] + forwarding)
        #expect(reset.status == 0)
        #expect(try database.rows("SELECT to_regclass('public.entitykit_migrations') IS NULL")[0][0] == "t")
    }
}
