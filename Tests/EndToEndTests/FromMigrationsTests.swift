import Foundation
import Testing
import LiveTestSupport
import TestSupport

/// `--from-migrations`: the schema a package's migrations define, with no database configured.
@Suite("Entities and snapshots from migrations alone", .serialized,
       .enabled(if: TestEnvironment.runsLiveTests, Comment(rawValue: TestEnvironment.liveTestsSkipReason)))
struct FromMigrationsTests {
    init() throws {
        try MigrationsConsumerPackage.prepare()
    }

    private var root: URL { TestEnvironment.packageRoot }

    private func codegen(_ arguments: [String]) throws -> Shell.Result {
        // No DATABASE_URL and no .env: nothing but the migrations may be used.
        try Shell.run(Shell.codegenExecutable, arguments, in: FileManager.default.temporaryDirectory, removingEnvironment: ["DATABASE_URL"])
    }

    /// Throwaway cluster folders that exist now.
    private func clusterFolders() -> Set<String> {
        let temporary = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []
        return Set(names.filter { $0.hasPrefix("codegen-shadow-") })
    }

    private func shadowDatabases() throws -> [String] {
        let probe = try TestDatabase.create("shadow_probe")
        defer { probe.drop() }
        return try probe.rows("SELECT datname FROM pg_database WHERE datname LIKE 'codegen_shadow_%'").compactMap { $0[0] }
    }

    @Test func theReferenceMigrationsGiveExactlyGeneratedAndTheSnapshot() throws {
        let before = clusterFolders()
        let entities = try codegen(
            ["entity"] + MigrationsConsumerPackage.arguments() + ["-o", root.appendingPathComponent("Generated").path, "--check", "--verbose"])
        #expect(entities.status == 0, "Generated/ differs from what the reference migrations give: \(entities.output.suffix(3000))")
        #expect(entities.standardError.contains("time: start throwaway cluster"))
        #expect(clusterFolders().isSubset(of: before), "a throwaway cluster was left behind")

        // The same through a scratch database on a server, for the snapshot.
        let server = try #require(TestEnvironment.serverURL)
        let snapshot = try codegen(["snapshot"] + MigrationsConsumerPackage.arguments()
            + ["--shadow-database-url", server, "-o", root.appendingPathComponent("Schema/snapshot.json").path, "--check"])
        #expect(snapshot.status == 0, "Schema/snapshot.json differs from what the reference migrations give: \(snapshot.output.suffix(3000))")
        #expect(try shadowDatabases().isEmpty, "the scratch database was left behind")

        // Writing into an empty folder gives Generated/ byte for byte.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codegen-from-migrations-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try codegen(["entity"] + MigrationsConsumerPackage.arguments() + ["--shadow-database-url", server, "-o", folder.path])
        try #require(written.status == 0, "\(written.output.suffix(3000))")
        let generated = root.appendingPathComponent("Generated")
        let names = try FileManager.default.contentsOfDirectory(atPath: generated.path).sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == names)
        for name in names {
            #expect(FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
                    == FileManager.default.contents(atPath: generated.appendingPathComponent(name).path), "\(name)")
        }
    }

    @Test(arguments: [false, true])
    func aFailingMigrationIsOneLineNamingItAndLeavesNothingBehind(onServer: Bool) throws {
        let before = clusterFolders()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codegen-broken-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var arguments = ["entity"] + MigrationsConsumerPackage.arguments(executable: "broken-migrate") + ["-o", folder.path]
        if onServer { arguments += ["--shadow-database-url", try #require(TestEnvironment.serverURL)] }
        let result = try codegen(arguments)
        #expect(result.status == 1)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1, "\(result.standardError)")
        let line = String(lines.first ?? "")
        #expect(line.hasPrefix("error: applying the migrations with broken-migrate failed: "
            + "migration m20990101_000001_broken failed (up): relation \"no_such_table\" does not exist"), "\(line)")
        #expect(!line.contains("password") && !line.contains("postgres://"))
        #expect(!FileManager.default.fileExists(atPath: folder.path), "output was written")
        #expect(clusterFolders().isSubset(of: before), "a throwaway cluster was left behind")
        if onServer { #expect(try shadowDatabases().isEmpty, "the scratch database was left behind") }
    }

    @Test func aShadowServerMustBeAURL() throws {
        let result = try codegen(
            ["snapshot"] + MigrationsConsumerPackage.arguments() + ["--shadow-database-url", "host=localhost dbname=postgres", "-o", "unused.json"])
        #expect(result.status == 1)
        #expect(result.standardError == "error: --shadow-database-url must be a postgres://USER:PASSWORD@HOST:PORT/DATABASE URL, "
            + "because the migrations executable connects with PostgresNIO\n")
        let conflicting = try codegen(["entity", "-u", "postgres://localhost/x", "--from-migrations", "-o", "unused"])
        #expect(conflicting.status != 0 && conflicting.standardError.contains("not -u and --from-migrations"))
    }
}
