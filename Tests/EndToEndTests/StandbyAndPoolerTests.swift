import Foundation
import LiveTestSupport
import Testing
import TestSupport

/// `codegen entity` reads a hot standby (read-only) and goes through PgBouncer in session and in
/// transaction mode, writing the same files as from the primary: the catalog is read in one
/// read-only transaction of unnamed statements.
@Suite("codegen on a standby and through PgBouncer", .timeLimit(.minutes(5)),
       .enabled(if: TestEnvironment.runsLiveTests && ThrowawayServer.isAvailable && ThrowawayPgBouncer.isAvailable,
                "no DATABASE_URL, initdb/pg_ctl or pgbouncer: run scripts/test"))
struct StandbyAndPoolerTests {
    @Test func theStandbyAndPgBouncerGiveTheSameEntitiesAsThePrimary() throws {
        let primary = try ThrowawayServer.start()
        defer { primary.stop() }
        let database = try TestDatabase.create("standby_codegen", on: primary.url())
        try database.loadReferenceSchema()
        let standby = try primary.startReplica()
        defer { standby.stop() }
        try standby.waitUntilReplayed(from: primary)
        let bouncer = try ThrowawayPgBouncer.start(server: primary, database: database.name)
        defer { bouncer.stop() }

        let sources: [(String, String)] = [
            // A server that stops answering fails codegen within connect_timeout (PgBouncer's own
            // query_wait_timeout bounds a client it cannot serve).
            ("standby", standby.url(database: database.name, parameters: "connect_timeout=10")),
            ("PgBouncer session mode", bouncer.url(.session, parameters: "connect_timeout=10")),
            ("PgBouncer transaction mode", bouncer.url(.transaction, parameters: "connect_timeout=10")),
        ]
        let expected = try generate(from: database.url)
        #expect(expected.keys.contains("User.swift"), "the reference schema gave \(expected.keys.sorted())")
        for (name, url) in sources {
            let files = try generate(from: url)
            #expect(files == expected, "codegen entity from the \(name) wrote other files than from the primary")
        }
    }

    /// The files `codegen entity` writes from `url`, by name.
    private func generate(from url: String) throws -> [String: String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codegen-standby-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Shell.run(Shell.codegenExecutable, ["entity", "-u", url, "-o", folder.path])
        try #require(result.status == 0, "codegen entity failed: \(result.output)")
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        return files
    }
}
