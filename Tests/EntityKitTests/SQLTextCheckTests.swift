@_spi(Generated) @testable import EntityKit
import Foundation
import GeneratedModels
import Testing

/// What `SQLFragment` refuses to send, what the query builders do with integers out of range,
/// and the helpers that keep user text literal: all without a server.
@Suite("SQL text checks")
struct SQLTextCheckTests {
    static let value = "x"

    @Test func aPlaceholderTypedIntoTheTextIsRefused() {
        let fragment: SQLFragment = "SELECT * FROM users WHERE username = $1 OR email = \(Self.value)"
        #expect(fragment.statement().rejection == .placeholderInText("$1"))
        #expect(throws: SQLRejection.placeholderInText("$1")) { try fragment.checkedStatement() }
        let spaced: SQLFragment = "SELECT ($12)"
        #expect(spaced.statement().rejection == .placeholderInText("$12"))
    }

    @Test("dollar signs SQL allows pass", arguments: [
        "SELECT 'costs $1' AS a",
        "SELECT E'it''s $1 \\' still $2' AS a",
        "SELECT \"col$1\" FROM t",
        "SELECT a$1 FROM t",
        "SELECT $$ $1 $$ AS a",
        "SELECT $tag$ $1 $ $tag$ AS a",
        "SELECT 1 -- $1 in a comment\n",
        "SELECT /* $1 /* nested $2 */ still $3 */ 1",
        "SELECT '' || 'a''b $1'",
    ])
    func dollarSignsInQuotesAndCommentsPass(sql: String) {
        #expect(SQLFragment(sql: sql).statement().rejection == nil, "\(sql)")
    }

    @Test func aNULByteIsRefused() {
        #expect(SQLFragment(sql: "SELECT 1\u{0}").statement().rejection == .nulInText)
        #expect(SQLFragment(sql: "SELECT '\u{0}'").statement().rejection == .nulInText)
        // In a bound value it is only a value: the server refuses it as text.
        let bound: SQLFragment = "SELECT \("a\u{0}b")"
        #expect(bound.statement().rejection == nil)
    }

    @Test func aValueInsideQuotesOrACommentIsRefused() {
        let quoted: SQLFragment = "SELECT * FROM users WHERE username LIKE '%\(Self.value)%'"
        #expect(quoted.statement().rejection == .valueInsideQuotes)
        let identifier: SQLFragment = "SELECT \"\(Self.value)\""
        #expect(identifier.statement().rejection == .valueInsideQuotes)
        let comment: SQLFragment = "SELECT 1 -- \(Self.value)\n"
        #expect(comment.statement().rejection == .valueInsideQuotes)
        let closed: SQLFragment = "SELECT 'a' || \(Self.value) || 'b'"
        #expect(closed.statement().rejection == nil)
        #expect(closed.statement().sql == "SELECT 'a' || $1 || 'b'")
    }

    @Test func buildersRecordIntegersOutOfRangeInsteadOfTrapping() {
        for value in [Int.min, -1] {
            #expect(User.all().limit(value).selectStatement.rejection == .invalidArgument(name: "limit", value: value, expected: "0 or more"))
            #expect(User.all().offset(value).countStatement.rejection == .invalidArgument(name: "offset", value: value, expected: "0 or more"))
            #expect(RefreshToken.join(RefreshToken.Relations.user).limit(value).selectStatement.rejection != nil)
            #expect(User.all().keyset { $0.username }.statement(after: nil, limit: value).rejection != nil)
        }
        for value in [0, Int.max] {
            #expect(User.all().limit(value).offset(value).selectStatement.rejection == nil)
            #expect(User.all().limit(value).selectStatement.sql.hasSuffix("LIMIT \(value)"))
        }
        #expect(User.all().keyset { $0.username }.statement(after: nil, limit: 0).rejection != nil)
    }

    @Test func likePatternsEscapeWildcards() {
        #expect(LikePattern.escaping("50%_off\\") == "50\\%\\_off\\\\")
        #expect(LikePattern.escaping("plain") == "plain")
        #expect(LikePattern(containing: "a%").pattern == "%a\\%%")
        #expect(LikePattern(prefix: "a_").pattern == "a\\_%")
        #expect(LikePattern(suffix: "_a").pattern == "%\\_a")
        #expect(LikePattern(exactly: "é_").pattern == "é\\_")
        let condition = User.where { $0.username.contains("50%") }.selectStatement
        #expect(condition.sql.contains("\"username\" LIKE $1"))
        #expect(condition.bindings == [.text("%50\\%%")])
        let insensitive = User.where { $0.username.hasPrefix("A", caseInsensitive: true) }.selectStatement
        #expect(insensitive.sql.contains("ILIKE $1"))
    }

    @Test("casts drop type modifiers", arguments: [
        ("character varying(255)", "character varying"),
        ("character varying(20)[]", "character varying[]"),
        ("numeric(10,2)", "numeric"),
        ("timestamp(3) with time zone", "timestamp with time zone"),
        ("time(0) without time zone[]", "time without time zone[]"),
        ("character(5)", "bpchar"),
        ("character", "bpchar"),
        ("bit(3)", "bit varying"),
        ("interval year to month", "interval"),
        ("interval(2)", "interval"),
        ("public.user_role", "public.user_role"),
        ("\"My (odd) type\"", "\"My (odd) type\""),
        ("integer[]", "integer[]"),
    ])
    func castsDropTypeModifiers(type: String, cast: String) {
        #expect(SQLTypeName.withoutModifiers(type) == cast)
    }

    @Test func insertManyOverArraysIsOneStatementWithOneArrayPerColumn() throws {
        let owner = UUID()
        let expiry = PGTimestamp(microsecondsSince2000: 0)
        let drafts = (0..<3).map { RefreshToken.Draft(id: UUID(), userID: owner, tokenHash: "t\"\($0)", expiresAt: expiry) }
        let statement = try #require(WriteStatements.insertArrays(drafts))
        #expect(statement.sql.hasPrefix("""
            INSERT INTO "public"."refresh_tokens" ("id", "user_id", "token_hash", "expires_at", "revoked_at") \
            SELECT v."id"::uuid, v."user_id"::uuid, v."token_hash"::character varying, v."expires_at"::timestamp with time zone, \
            v."revoked_at"::timestamp with time zone FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) \
            AS v("id", "user_id", "token_hash", "expires_at", "revoked_at") RETURNING
            """))
        #expect(statement.bindings.count == 5)
        #expect(statement.bindings[2] == .array([.text("t\"0"), .text("t\"1"), .text("t\"2")]))
        #expect(statement.bindings[4] == .array([.null, .null, .null]))
        // Drafts that leave different columns to the database cannot share one statement.
        let mixed = [drafts[0], RefreshToken.Draft(id: UUID(), userID: owner, tokenHash: "m", expiresAt: expiry, createdAt: expiry)]
        #expect(WriteStatements.insertArrays(mixed) == nil)
    }
}
