import MigrationEngine
import Testing

/// How a migrations executable reads its arguments; no database.
@Suite("Migrate arguments")
struct MigrateArgumentTests {
    @Test func readsCommandsCountsConnectionsAndSchemas() throws {
        let up = try MigrationInvocation(["up", "-n", "2", "-u", "host=db dbname=app", "--schema", "app"])
        #expect(up.command == "up")
        #expect(up.count == 2)
        #expect(up.url == "host=db dbname=app")
        #expect(up.schema == "app")
        let status = try MigrationInvocation(["status"])
        #expect(status.command == "status" && status.count == nil && status.url == nil && status.schema == "public")
        #expect(try MigrationInvocation(["--help"]).command == "help")
        #expect(try MigrationInvocation(["up", "--allow-out-of-order"]).allowOutOfOrder)
        #expect(try MigrationInvocation(["status", "--check"]).check)
        #expect(try MigrationInvocation(["repair"]).command == "repair")
    }

    @Test(arguments: [
        ([String](), "usage"),
        (["sideways"], "unknown command \"sideways\""),
        (["up", "-n", "0"], "-n takes a positive number"),
        (["up", "-n"], "-n takes a positive number"),
        (["status", "-n", "1"], "-n applies to up and down only"),
        (["up", "-u"], "-u takes a connection string"),
        (["up", "--verbose"], "unexpected argument \"--verbose\""),
        (["down", "--check"], "unexpected argument \"--check\""),
        (["status", "--allow-out-of-order"], "unexpected argument \"--allow-out-of-order\""),
    ])
    func rejectsWhatItCannotRunWithTheFix(arguments: [String], message: String) {
        #expect {
            try MigrationInvocation(arguments)
        } throws: { error in
            String(describing: error).contains(message)
        }
    }
}
