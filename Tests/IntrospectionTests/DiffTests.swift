import Foundation
import Testing
import LiveTestSupport
import TestSupport

@Suite("Drift between a database and a snapshot", .serialized,
       .enabled(if: TestEnvironment.runsLiveTests, Comment(rawValue: TestEnvironment.liveTestsSkipReason)))
final class DiffTests {
    let database: TestDatabase
    let snapshot = TestEnvironment.packageRoot.appendingPathComponent("Schema/snapshot.json").path

    init() throws {
        database = try TestDatabase.create("diff")
        try database.loadReferenceSchema()
    }

    deinit {
        database.drop()
    }

    @Test func reportsNothingAndExitsZeroWhenTheyMatch() throws {
        let result = try Shell.run(Shell.codegenExecutable, ["diff", "-u", database.url, "--snapshot", snapshot])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("matches"))
    }

    @Test func listsEachDifferenceAsAPersonReadsItAndExitsOne() throws {
        try database.execute("""
            ALTER TABLE users ADD COLUMN nickname text;
            ALTER TABLE users ALTER COLUMN email_verified DROP DEFAULT;
            ALTER TABLE refresh_tokens DROP CONSTRAINT fk_refresh_tokens_user_id;
            ALTER TYPE user_role ADD VALUE 'owner';
            CREATE TABLE audit_log (id bigint PRIMARY KEY);
            DROP VIEW active_refresh_tokens;
            ALTER TABLE tenants ALTER COLUMN name TYPE varchar(200);
            """)
        let result = try Shell.run(Shell.codegenExecutable, ["diff", "-u", database.url, "--snapshot", snapshot])
        #expect(result.status == 1)
        let lines = Set(result.standardOutput.split(separator: "\n").map(String.init).dropFirst())
        #expect(lines == [
            "- view public.active_refresh_tokens",
            "+ table public.audit_log",
            "~ table public.refresh_tokens: foreign key fk_refresh_tokens_user_id dropped",
            "~ table public.tenants: column name type text → character varying(200)",
            "~ table public.users: column nickname added (text)",
            "~ table public.users: column email_verified default false → none",
            "~ enum public.user_role: label 'owner' added",
        ])
    }
}
