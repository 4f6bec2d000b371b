import Foundation
import Testing
import LiveTestSupport
import TestSupport

/// Every public schema in `../shared/schemas`: load it, generate entities for all its schemas,
/// compile them in a consumer package with zero warnings, and read every row of every entity
/// through EntityKitPostgres.
@Suite("Public schemas end to end", .serialized,
       .enabled(if: TestEnvironment.runsSharedSchemaTests, Comment(rawValue: TestEnvironment.sharedSchemasSkipReason)))
struct SharedSchemaTests {
    /// Without this, a missing folder would make the parameterized test below pass with no cases.
    @Test func theSharedSchemasArePresent() throws {
        let names = TestEnvironment.sharedSchemaNames
        #expect(
            !names.isEmpty,
            "no schemas found in ../shared/schemas (looked in \(TestEnvironment.packageRoot.deletingLastPathComponent().path)/shared/schemas)")
        for required in ["pagila", "chinook", "northwind", "sakila"] {
            #expect(names.contains(required), "../shared/schemas has no \(required)")
        }
    }

    @Test("generate, compile without warnings, decode every row", arguments: TestEnvironment.sharedSchemaNames)
    func endToEnd(schema name: String) throws {
        let database = try TestDatabase.create(name)
        defer { database.drop() }
        try database.loadSharedSchema(name)
        if name == "musicbrainz" {
            // Its functions name types unqualified and expect the search_path its loader uses.
            try database.execute("ALTER DATABASE \(database.name) SET search_path = musicbrainz, public")
        }
        // Some dumps leave materialized views unpopulated; reading them would fail for that reason alone.
        for row in try database.rows("SELECT format('REFRESH MATERIALIZED VIEW %I.%I', schemaname, matviewname) FROM pg_matviews WHERE NOT ispopulated") {
            try database.execute(row[0]!)
        }
        let schemas = try database.rows("""
            SELECT n.nspname FROM pg_namespace n LEFT JOIN pg_class c ON c.relnamespace = n.oid AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
            WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
            GROUP BY n.nspname HAVING count(c.oid) > 0 ORDER BY count(c.oid) DESC, n.nspname
            """).map { $0[0]! }
        try #require(!schemas.isEmpty, "\(name) loaded no relations")

        try ConsumerPackage.exclusively { try generateCompileAndDecode(name, database: database, schemas: schemas) }
    }

    private func generateCompileAndDecode(_ name: String, database: TestDatabase, schemas: [String]) throws {
        try ConsumerPackage.prepare()
        let arguments = ["entity", "-u", database.url, "-o", ConsumerPackage.modelsFolder.path] + schemas.flatMap { ["-s", $0] }
        let generation = try Shell.run(Shell.codegenExecutable, arguments)
        try #require(generation.status == 0, "codegen entity failed for \(name): \(generation.output)")
        let recheck = try Shell.run(Shell.codegenExecutable, arguments + ["--check"])
        #expect(recheck.status == 0, "--check right after generating reported changes for \(name): \(recheck.output)")

        let build = try ConsumerPackage.build()
        try #require(build.result.status == 0, "the generated code for \(name) does not compile:\n\(build.result.output.suffix(6000))")
        #expect(build.modelWarnings.isEmpty, "the generated code for \(name) has warnings:\n\(build.modelWarnings.prefix(20).joined(separator: "\n"))")

        let decoded = try ConsumerPackage.decodeAll(url: database.url)
        #expect(decoded.failures.isEmpty, "rows of \(name) did not decode:\n\(decoded.failures.prefix(20).joined(separator: "\n"))")
        #expect(!decoded.counts.isEmpty)
        for (relation, count) in decoded.counts.sorted(by: { $0.key < $1.key }) {
            let parts = relation.split(separator: ".", maxSplits: 1).map(String.init)
            let expected = try database.rows("SELECT count(*) FROM \(quote(parts[0])).\(quote(parts[1]))")[0][0].flatMap { Int($0) }
            #expect(count == expected, "\(name): \(relation) decoded \(count) rows, the database has \(expected ?? -1)")
        }
    }

    private func quote(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
