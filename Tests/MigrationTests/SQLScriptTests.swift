import Foundation
import MigrationEngine
import Testing

/// The SQL migration file format, with no server: statement splitting, lines, directives, the
/// files of a folder and their checksums.
@Suite("SQL migration files")
struct SQLScriptTests {
    @Test func statementsSplitOnlyOnSemicolonsOutsideQuotesAndComments() throws {
        let script = try SQLScript(parsing: """
            -- A header comment; with a semicolon.
            CREATE TABLE t (
              a text DEFAULT 'it''s; fine', -- trailing; comment
              "odd;name" int,
              b text DEFAULT E'back\\'slash;'
            );
            /* block; /* nested; */ still comment */
            CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;
            CREATE FUNCTION g() RETURNS int LANGUAGE plpgsql AS $body$
            BEGIN RETURN 2; END
            $body$;
            SELECT $1::int;
            INSERT INTO t (a) VALUES ('x')
            """)
        #expect(script.statements.map(\.line) == [2, 8, 9, 12, 13])
        #expect(script.statements[0].text.hasPrefix("CREATE TABLE t ("))
        #expect(script.statements[0].text.hasSuffix(")"))
        #expect(script.statements[1].text == "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$")
        #expect(script.statements[2].text.contains("BEGIN RETURN 2; END"))
        #expect(script.statements[4].text == "INSERT INTO t (a) VALUES ('x')")
        #expect(!script.optsOutOfTransaction)
    }

    @Test func aPositionInAStatementIsALineOfTheFile() throws {
        let script = try SQLScript(parsing: "\n\nINSERT INTO t\n  VALUES (1),\n  (nope);\n")
        let statement = try #require(script.statements.first)
        #expect(statement.line == 3)
        let offset = try #require(statement.text.range(of: "nope")).lowerBound.utf16Offset(in: statement.text) + 1
        #expect(statement.line(atPosition: offset) == 5)
        #expect(statement.line(atPosition: 1) == 3)
    }

    @Test func noTransactionIsALeadingDirective() throws {
        #expect(try SQLScript(parsing: "-- Build the index without a lock.\n-- no-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);").optsOutOfTransaction)
        #expect(try !SQLScript(parsing: "CREATE INDEX i ON t (a);\n-- no-transaction\n").optsOutOfTransaction)
    }

    @Test(arguments: [
        ("CREATE TABLE a (id int);\nBEGIN;\n", 2, "BEGIN is not needed"),
        ("START TRANSACTION;", 1, "START is not needed"),
        ("\n\\i other.sql\n", 2, "psql meta-commands"),
        ("COPY t FROM stdin;", 1, "COPY … FROM stdin needs psql"),
        ("SELECT 'open", 1, "string is never closed"),
        ("\n/* open", 2, "comment is never closed"),
        ("SELECT $x$ open", 1, "dollar quote $x$ is never closed"),
    ])
    func filesTheEngineCannotRunAreRefusedWithTheirLine(text: String, line: Int, reason: String) {
        #expect {
            try SQLScript(parsing: text)
        } throws: { error in
            guard let problem = error as? SQLScript.Problem else { return false }
            return problem.line == line && problem.reason.contains(reason)
        }
    }

    @Test func aFolderOfPairsIsReadInVersionOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sql-migrations-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func write(_ name: String, _ text: String) throws {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try write("m2_b.up.sql", "-- no-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);")
        try write("m1_a.up.sql", "CREATE TABLE t (a int);")
        try write("m1_a.down.sql", "DROP TABLE t;")
        try write("notes.md", "not a migration")
        let files = try SQLMigrationFile.all(in: folder)
        #expect(files.map(\.version) == ["m1_a", "m2_b"])
        #expect(files[0].downFile != nil && files[1].downFile == nil)
        #expect(files[0].runsInTransaction && !files[1].runsInTransaction)
        // The checksum is a Swift migration's with one SQL step: comments and blank lines do not count.
        #expect(files[0].checksum == MigrationChecksum.of(["CREATE TABLE t (a int)"]))
        try write("m1_a.up.sql", "-- Edited comment only.\n\nCREATE TABLE t (a int);\n")
        #expect(try SQLMigrationFile.all(in: folder)[0].checksum == files[0].checksum)

        try write("m3_c.down.sql", "SELECT 1;")
        #expect { try SQLMigrationFile.all(in: folder) } throws: { "\($0)".contains("m3_c.down.sql has no m3_c.up.sql") }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("m3_c.down.sql"))
        try write("seed.sql", "SELECT 1;")
        #expect { try SQLMigrationFile.all(in: folder) } throws: { "\($0)".contains("seed.sql") && "\($0)".contains("is neither") }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("seed.sql"))
        try write("m4_d.up.sql", "SELECT 1;\nCOMMIT;")
        #expect { try SQLMigrationFile.all(in: folder) } throws: {
            "\($0)" == "m4_d.up.sql, line 2: COMMIT is not needed: each migration runs in a transaction of its own; "
                + "for statements that cannot, put `-- no-transaction` at the top of the file"
        }
    }
}
