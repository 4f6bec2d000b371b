import EntityKitTesting
import LiveTestSupport
import TestSupport
import XCTest

/// The same per-test databases from XCTest: plain async calls in an async test method.
final class TestDatabasesXCTests: XCTestCase {
    struct CreateNotes: Migration {
        let name = "m20250101_000001_create_notes"
        var up: [any MigrationStep] { CreateTable("notes") { Column("id", .integer).primaryKey() } }
        var down: [any MigrationStep] { DropTable("notes") }
    }

    func testEachTestMethodGetsItsOwnDatabase() async throws {
        guard let server = TestEnvironment.serverURL else {
            throw XCTSkip(TestEnvironment.liveTestsSkipReason)
        }
        let prefix = "ektx" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        let databases = try TestDatabases(server: server, migrations: [CreateNotes()], prefix: prefix)
        let count = try await databases.withDatabase { db -> Int64 in
            try await db.execute("INSERT INTO notes VALUES (1)")
            let rows: [Int64] = try await db.query("SELECT count(*) FROM notes", as: Int64.self)
            return rows[0]
        }
        XCTAssertEqual(count, 1)
        // The template stays for later runs; this test removes its own.
        try LiveTestSupport.SQL.execute("DROP DATABASE IF EXISTS \"\(databases.templateName)\" WITH (FORCE)", on: server)
    }
}
