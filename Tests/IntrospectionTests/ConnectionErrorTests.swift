import Foundation
import Testing
import LiveTestSupport
import TestSupport

/// Every failure a user can hit ends in one line that says what to do, a non-zero exit,
/// nothing written, and no password.
@Suite("User-facing connection errors", .enabled(if: TestEnvironment.runsLiveTests, Comment(rawValue: TestEnvironment.liveTestsSkipReason)))
struct ConnectionErrorTests {
    private func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (result: Shell.Result, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codegen-error-\(UUID().uuidString)")
        let result = try Shell.run(Shell.codegenExecutable, ["entity", "-o", folder.path] + arguments,
                                   environment: environment, removingEnvironment: ["DATABASE_URL", "PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGSERVICE"])
        return (result, folder)
    }

    private func expectOneLineFailure(_ run: (result: Shell.Result, folder: URL), mentioning phrase: String, secret: String? = nil) {
        let lines = run.result.standardError.split(separator: "\n")
        #expect(run.result.status != 0)
        #expect(lines.count == 1, "expected one line, got: \(run.result.standardError)")
        #expect(lines.first?.hasPrefix("error: ") == true)
        #expect(run.result.standardError.contains(phrase), "\(run.result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: run.folder.path), "something was written")
        if let secret { #expect(!run.result.output.contains(secret), "the password was printed") }
    }

    private var server: URLComponents { URLComponents(string: TestEnvironment.serverURL ?? "postgres://localhost")! }

    @Test func malformedURL() throws {
        let run = try run(["-u", "postgres://user:hunter2secret@localhost:notaport/db"])
        expectOneLineFailure(run, mentioning: "malformed connection string", secret: "hunter2secret")
    }

    @Test func refusedConnection() throws {
        let run = try run(["-u", "postgres://user:hunter2secret@127.0.0.1:1/db?connect_timeout=5"])
        expectOneLineFailure(run, mentioning: "cannot reach PostgreSQL at user@127.0.0.1:1/db", secret: "hunter2secret")
    }

    @Test func wrongPassword() throws {
        var url = server
        url.password = "definitely-wrong-password"
        let run = try run(["-u", url.string!])
        expectOneLineFailure(run, mentioning: "cannot log in", secret: "definitely-wrong-password")
    }

    @Test func missingDatabase() throws {
        var url = server
        url.path = "/no_such_database_here"
        let run = try run(["-u", url.string!])
        expectOneLineFailure(run, mentioning: "database \"no_such_database_here\" does not exist", secret: url.password)
    }

    @Test func missingSchema() throws {
        let run = try run(["-u", TestEnvironment.serverURL ?? "", "-s", "public", "-s", "no_such_schema"])
        expectOneLineFailure(run, mentioning: "schema \"no_such_schema\" not found", secret: server.password)
    }

    @Test func emptyDatabase() throws {
        let database = try TestDatabase.create("empty")
        defer { database.drop() }
        let run = try run(["-u", database.url])
        expectOneLineFailure(run, mentioning: "no tables or views to generate in schema public of database ", secret: server.password)
        #expect(run.result.standardError.contains("/\(database.name):"), "the message names the database: \(run.result.standardError)")
        #expect(run.result.standardError.contains("-s"))
    }

    @Test func schemaWithoutTables() throws {
        let database = try TestDatabase.create("emptyschema")
        defer { database.drop() }
        try database.execute("CREATE SCHEMA billing; CREATE TYPE billing.state AS ENUM ('open', 'paid'); CREATE TABLE public.kept (id int PRIMARY KEY)")
        let run = try run(["-u", database.url, "-s", "billing"])
        expectOneLineFailure(run, mentioning: "no tables or views to generate in schema billing of database ", secret: server.password)
    }

    @Test func emptyDatabaseWhenAllowed() throws {
        let database = try TestDatabase.create("allowempty")
        defer { database.drop() }
        let run = try run(["-u", database.url, "--allow-empty"])
        defer { try? FileManager.default.removeItem(at: run.folder) }
        #expect(run.result.status == 0, "\(run.result.output)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: run.folder.path) == ["DatabaseSchema.swift"])
    }

    @Test func tablesThatMatchNothing() throws {
        let database = try TestDatabase.create("tablesfilter")
        defer { database.drop() }
        try database.execute("CREATE TABLE users (id int PRIMARY KEY)")
        let run = try run(["-u", database.url, "--tables", "users,userz"])
        expectOneLineFailure(run, mentioning: "--tables names \"userz\", which is not a table or view in schema public", secret: server.password)
    }

    @Test func noDatabaseGiven() throws {
        let run = try run([])
        expectOneLineFailure(run, mentioning: "no database given")
    }

    @Test func missingSnapshotFile() throws {
        let run = try run(["--snapshot", "/nonexistent/snapshot.json"])
        expectOneLineFailure(run, mentioning: "cannot read the snapshot")
    }
}
