@_spi(Generated) import EntityKit
import EntityKitPostgres
import Foundation
import GeneratedModels
import Testing

/// What logs, metrics and spans call a statement, read from its text with no server: the
/// operation and the table of every statement the builders write, and of hand-written SQL with
/// comments, quoted names, string and dollar-quoted literals that must not be mistaken for SQL.
@Suite("Statement summaries")
struct StatementSummaryTests {
    static let id = UUID(uuidString: "7f0c2b3e-8d4a-4c1e-9f6b-2a5d8e1c0b7a")!

    /// Every kind of statement the query builders write, with what it must be called.
    @Test func builderStatementsAreNamedByTheirOperationAndTable() {
        let draft = User.Draft(username: "ada", email: "a@b.c")
        let cases: [(SQLStatement?, String)] = [
            (User.where { $0.emailVerified == true }.order { $0.createdAt.descending }.limit(10).selectStatement, "SELECT public.users"),
            (User.where { $0.role == .admin }.countStatement, "SELECT public.users"),
            (User.where { $0.email == "a@b.c" }.existsStatement, "SELECT public.users"),
            (WriteStatements.find(User.self, key: Self.id), "SELECT public.users"),
            (WriteStatements.delete(User.self, key: Self.id), "DELETE public.users"),
            (WriteStatements.update(User.self, assignments: [User.columns.emailVerified.set(true)], key: Self.id), "UPDATE public.users"),
            (WriteStatements.delete(User.where { !$0.disabledAt.isNull() }), "DELETE public.users"),
            (WriteStatements.update(User.where { $0.role == .admin }, assignments: [User.columns.updatedAt.setDefault()]), "UPDATE public.users"),
            (WriteStatements.insert([draft]).first, "INSERT public.users"),
            (WriteStatements.insertArrays([draft, User.Draft(username: "bob", email: "b@b.c")]), "INSERT public.users"),
            (WriteStatements.upsert(draft, onConflict: .email, action: .updateAll), "INSERT public.users"),
            (RefreshToken.join(User.self, on: { $0.userID.eq($1.id) }).leftRows().statement, "SELECT public.refresh_tokens"),
            (WriteStatements.upsert(draft, onConflict: .email, action: .doNothing), "INSERT public.users"),
        ]
        for (statement, expected) in cases {
            guard let statement else {
                Issue.record("no statement for \(expected)")
                continue
            }
            #expect(StatementSummary(sql: statement.sql).description == expected, "\(statement.sql)")
        }
    }

    @Test(arguments: [
        ("SELECT 1", "SELECT", nil),
        ("select * from accounts where id = $1", "SELECT", "accounts"),
        ("SELECT * FROM ONLY \"Mixed Case\".\"Order\" o", "SELECT", "Mixed Case.Order"),
        ("  -- a comment FROM nowhere\n/* FROM x */ SELECT 'FROM y', $$ FROM z $$, $tag$ FROM w $tag$ FROM real_table", "SELECT", "real_table"),
        ("SELECT EXISTS (SELECT 1 FROM public.users WHERE email = $1)", "SELECT", "public.users"),
        ("SELECT * FROM (SELECT 1) AS sub", "SELECT", nil),
        ("insert into public.events (kind) values ($1)", "INSERT", "public.events"),
        ("UPDATE ONLY stock SET n = n - 1 WHERE id = $1", "UPDATE", "stock"),
        ("DELETE FROM \"a\"\"b\" WHERE true", "DELETE", "a\"b"),
        ("MERGE INTO target t USING source s ON t.id = s.id WHEN MATCHED THEN DO NOTHING", "MERGE", "target"),
        ("WITH recent AS (SELECT * FROM posts) SELECT count(*) FROM recent", "SELECT", "posts"),
        ("WITH moved AS (DELETE FROM inbox RETURNING *) INSERT INTO archive SELECT * FROM moved", "DELETE", "inbox"),
        ("BEGIN ISOLATION LEVEL SERIALIZABLE", "BEGIN", nil),
        ("COMMIT", "COMMIT", nil),
        ("", "UNKNOWN", nil),
        ("(SELECT 1)", "UNKNOWN", nil),
        ("SELECT 'unterminated", "SELECT", nil),
        ("SELECT $$never closed FROM t", "SELECT", nil),
    ] as [(String, String, String?)])
    func handWrittenStatementsAreReadLexically(sql: String, operation: String, table: String?) {
        let summary = StatementSummary(sql: sql)
        #expect(summary.operation == operation)
        #expect(summary.table == table)
    }

    /// Text that is not SQL at all never traps and never runs long: every prefix of a statement
    /// full of quotes, comments and dollar signs.
    @Test func everyPrefixOfAwkwardTextIsSummarizedWithoutTrapping() {
        let text = "WITH \"q\"\"x\" AS (UPDATE \"s\".\"t\" SET a = 'it''s' /* c */ -- d\n, b = $1, c = $x$ $ $x$) SELECT \"é\" FROM ü"
        let bytes = Array(text.utf8)
        for end in 0...bytes.count {
            _ = StatementSummary(sql: String(decoding: bytes[0..<end], as: UTF8.self))
        }
        #expect(StatementSummary(sql: text).description == "UPDATE s.t")
    }
}
