import EntityKit
import Foundation
import Testing

@Suite("PGTSQuery")
struct PGTSQueryTests {
    /// Queries as PostgreSQL 15 prints them.
    static let printed = [
        "'fat' & ( 'rat' | 'cat' )",
        "!'a' <-> 'b':*AB | 'c' <3> 'd'",
        #"'it''s' & 'a\\b'"#,
        "!( 'a' & 'b' )",
        "'a' & !!'b'",
        "'fat' <-> 'rat' <-> 'cat'",
        "'super':*",
        "",
    ]

    @Test("keeps what PostgreSQL prints", arguments: printed)
    func parsesWhatPostgreSQLPrints(literal: String) throws {
        let query = try PGTSQuery(postgresLiteral: literal)
        #expect(query.text == literal)
        #expect(query.postgresLiteral == literal)
        #expect(query.description == literal)
    }

    @Test func acceptsHandWrittenQueries() throws {
        for text in ["fat & rat", "fat & (rat | cat)", "a:AB & !b:*", "(a)", "  a  ", "a <-> b", "it\\'s"] {
            #expect(try PGTSQuery(postgresLiteral: text).text == text)
        }
        #expect(PGTSQuery.empty.text == "")
        #expect(try PGTSQuery(postgresLiteral: "") == .empty)
    }

    @Test func quotesLexemes() throws {
        #expect(PGTSQuery.quoted("fat") == "'fat'")
        #expect(PGTSQuery.quoted("it's") == "'it''s'")
        #expect(PGTSQuery.quoted(#"a\b"#) == #"'a\\b'"#)
        let built = try PGTSQuery(postgresLiteral: PGTSQuery.quoted("it's") + " & " + PGTSQuery.quoted(#"a\b"#))
        #expect(built.text == #"'it''s' & 'a\\b'"#)
    }

    @Test("rejects malformed queries", arguments: [
        "'fat' &", "& 'fat'", "( 'a'", "'a' )", "'a' 'b'", "'unterminated", "'a' <- 'b'", "'a' <x> 'b'", "!", "()",
        "'a' & | 'b'", "''", ":A", "'a' <3 'b'", "a\\",
    ])
    func rejects(literal: String) {
        #expect(throws: PGLiteralError.self) { try PGTSQuery(postgresLiteral: literal) }
    }

    @Test func codable() throws {
        let query = try PGTSQuery(postgresLiteral: "'fat' & ( 'rat' | 'cat' )")
        #expect(try jsonText(query) == #""'fat' & ( 'rat' | 'cat' )""#)
        #expect(try codableRoundTrip(query) == query)
        #expect(throws: (any Error).self) { try decodeJSON(PGTSQuery.self, from: #""'a' &""#) }
    }
}
