@testable import EntityKitPostgres
import Testing

/// Which statements outside a transaction wait for the server's commit: all but plain reads,
/// told by the first word after white space, comments and parentheses.
@Suite("Commit confirmation: which statements")
struct CommitConfirmationTests {
    @Test func plainReadsAreNotConfirmed() {
        for sql in [
            "SELECT 1", "select * from t", "  \n\t(SELECT 1) UNION (SELECT 2)", "-- a comment\nSELECT 1",
            "/* outer /* nested */ still a comment */ Select 1", "VALUES (1)", "TABLE users", "SHOW search_path", "sElEcT 1",
        ] {
            #expect(!CommitConfirmation.mayWrite(sql), "\(sql)")
        }
    }

    @Test func everythingElseIsConfirmed() {
        for sql in [
            "INSERT INTO t VALUES (1)", "update t set a = 1", "DELETE FROM t", "WITH gone AS (DELETE FROM t RETURNING 1) SELECT 1",
            "selection", "SELECTED", "CALL p()", "/* SELECT */ INSERT INTO t DEFAULT VALUES", "-- SELECT\nDELETE FROM t",
        ] {
            #expect(CommitConfirmation.mayWrite(sql), "\(sql)")
        }
        #expect(!CommitConfirmation.mayWrite(""), "nothing to commit")
        #expect(!CommitConfirmation.mayWrite("/* only a comment */"))
    }

    @Test func theFirstKeywordIsLowerCased() {
        #expect(CommitConfirmation.firstKeyword(of: " ((/* x */ Insert into t") == "insert")
        #expect(CommitConfirmation.firstKeyword(of: "-- only a comment") == nil)
        #expect(CommitConfirmation.firstKeyword(of: "/* unterminated") == nil)
    }
}
