import BenchmarkModels
@_spi(Generated) import EntityKit
import Foundation
import GeneratedModels
import Testing

/// The exact SQL and bindings of every query builder and write statement, with no database (in
/// the style of swift-structured-queries' `assertQuery`): a change to what the runtime sends
/// shows here first. The live suites check what the server does with it.
@Suite("Query builder SQL")
struct QueryBuilderSQLTests {
    static let userID = UUID(uuidString: "7f0c2b3e-8d4a-4c1e-9f6b-2a5d8e1c0b7a")!
    static let tenantID = UUID(uuidString: "00000000-0000-0000-0000-000000000001")!
    static let since = PGTimestamp(microsecondsSince2000: 758_629_800_000_000)
    /// The columns of `users` as every statement that returns users lists them.
    static let users = #""id", "username", "email", "password_hash", "email_verified", "created_at", "updated_at", "role", "invited_by_id", "disabled_at""#
    /// A join's refresh token columns, qualified by its alias.
    static let tokens = #""t0"."id", "t0"."user_id", "t0"."token_hash", "t0"."expires_at", "t0"."revoked_at", "t0"."created_at""#
    static let user = User(id: userID, username: "ada", email: "a@b.c", emailVerified: false, createdAt: since, updatedAt: since, role: .user)

    /// `statement`'s text is `sql` and its parameters, as text, are `bindings`.
    static func expectSQL(_ statement: SQLStatement?, _ sql: String, _ bindings: [String?], sourceLocation: SourceLocation = #_sourceLocation) {
        guard let statement else {
            Issue.record("no statement", sourceLocation: sourceLocation)
            return
        }
        #expect(statement.sql == sql, sourceLocation: sourceLocation)
        #expect(statement.bindings.map(\.text) == bindings, sourceLocation: sourceLocation)
        #expect(statement.rejection == nil, sourceLocation: sourceLocation)
    }

    /// SELECT with WHERE, ORDER BY, LIMIT, OFFSET; count(*); EXISTS; FOR UPDATE SKIP LOCKED.
    @Test func selectCountExistsAndLocking() {
        Self.expectSQL(
            User.where { $0.emailVerified == true && $0.createdAt < Self.since }.order { $0.createdAt.descending }.limit(10).offset(20).selectStatement,
            #"SELECT \#(Self.users) FROM "public"."users" WHERE ("email_verified" = $1) AND ("created_at" < $2) ORDER BY "created_at" DESC LIMIT 10 OFFSET 20"#,
            ["true", "2024-01-15T10:30:00Z"])
        Self.expectSQL(
            User.where { $0.role == .admin }.countStatement,
            #"SELECT count(*) FROM "public"."users" WHERE "role" = $1"#,
            ["admin"])
        Self.expectSQL(
            User.where { $0.email == "a@b.c" }.existsStatement,
            #"SELECT EXISTS (SELECT 1 FROM "public"."users" WHERE "email" = $1)"#,
            ["a@b.c"])
        Self.expectSQL(
            User.where { $0.id == Self.userID }.locking(.update, .skipLocked).selectStatement,
            #"SELECT \#(Self.users) FROM "public"."users" WHERE "id" = $1 FOR UPDATE SKIP LOCKED"#,
            ["7f0c2b3e-8d4a-4c1e-9f6b-2a5d8e1c0b7a"])
    }

    /// IS NULL, `in` and `notIn` with empty and full lists (one array parameter, so no empty `IN ()`), BETWEEN, LIKE and a
    /// `contains` whose `_` and `%` are escaped.
    @Test func nullableComparisonsInListsAndPatterns() {
        Self.expectSQL(
            User.where { $0.disabledAt.isNull() || $0.passwordHash == "x" }.selectStatement,
            #"SELECT \#(Self.users) FROM "public"."users" WHERE ("disabled_at" IS NULL) OR ("password_hash" = $1)"#,
            ["x"])
        Self.expectSQL(
            User.where { $0.id.in([UUID]()) }.selectStatement,
            #"SELECT \#(Self.users) FROM "public"."users" WHERE "id" = ANY($1)"#,
            ["{}"])
        Self.expectSQL(
            User.where { $0.id.notIn([UUID]()) }.selectStatement,
            #"SELECT \#(Self.users) FROM "public"."users" WHERE NOT ("id" = ANY($1))"#,
            ["{}"])
        Self.expectSQL(
            User.where { $0.role.in([.admin, .user]) }.selectStatement,
            #"SELECT \#(Self.users) FROM "public"."users" WHERE "role" = ANY($1)"#,
            [#"{"admin","user"}"#])
        Self.expectSQL(
            User.where {
                $0.createdAt.between(Self.since, Self.since) && $0.username.like("a%") && $0.email.contains("x_%", caseInsensitive: true)
            }.selectStatement,
            #"SELECT \#(Self.users) FROM "public"."users" WHERE (("created_at" BETWEEN $1 AND $2) AND ("username" LIKE $3)) AND ("email" ILIKE $4)"#,
            ["2024-01-15T10:30:00Z", "2024-01-15T10:30:00Z", "a%", #"%x\_\%%"#])
    }

    /// Find, delete and update by key: a composite key compares every column.
    @Test func statementsByKeyIncludingCompositeKeys() {
        Self.expectSQL(
            WriteStatements.find(User.self, key: Self.userID),
            #"SELECT \#(Self.users) FROM "public"."users" WHERE "id" = $1"#,
            ["7f0c2b3e-8d4a-4c1e-9f6b-2a5d8e1c0b7a"])
        Self.expectSQL(
            WriteStatements.find(TenantMembership.self, key: .init(tenantID: Self.tenantID, userID: Self.userID)),
            #"SELECT "tenant_id", "user_id", "roles", "joined_at" FROM "public"."tenant_memberships" WHERE "tenant_id" = $1 AND "user_id" = $2"#,
            ["00000000-0000-0000-0000-000000000001", "7f0c2b3e-8d4a-4c1e-9f6b-2a5d8e1c0b7a"])
        Self.expectSQL(
            WriteStatements.delete(TenantMembership.self, key: .init(tenantID: Self.tenantID, userID: Self.userID)),
            #"DELETE FROM "public"."tenant_memberships" WHERE "tenant_id" = $1 AND "user_id" = $2 RETURNING 1"#,
            ["00000000-0000-0000-0000-000000000001", "7f0c2b3e-8d4a-4c1e-9f6b-2a5d8e1c0b7a"])
        Self.expectSQL(
            WriteStatements.update(User.self, assignments: [User.columns.emailVerified.set(true), User.columns.passwordHash.set(nil)], key: Self.userID),
            #"UPDATE "public"."users" SET "email_verified" = $1, "password_hash" = NULL WHERE "id" = $2 RETURNING \#(Self.users)"#,
            ["true", "7f0c2b3e-8d4a-4c1e-9f6b-2a5d8e1c0b7a"])
    }

    /// Updates and deletes by query return their row count through a CTE.
    @Test func updatesAndDeletesByQueryCountTheirRows() {
        Self.expectSQL(
            WriteStatements.delete(User.where { !$0.disabledAt.isNull() }),
            #"WITH deleted AS (DELETE FROM "public"."users" WHERE NOT ("disabled_at" IS NULL) RETURNING 1) SELECT count(*) FROM deleted"#,
            [])
        Self.expectSQL(
            WriteStatements.update(User.where { $0.role == .admin }, assignments: [User.columns.updatedAt.setDefault()]),
            #"WITH changed AS (UPDATE "public"."users" SET "updated_at" = DEFAULT WHERE "role" = $1 RETURNING 1) SELECT count(*) FROM changed"#,
            ["admin"])
    }

    /// `updateChanges` sets only the changed columns, and nothing when nothing changed.
    @Test func anUpdateWritesOnlyWhatChanged() {
        var changed = Self.user
        changed.emailVerified = true
        changed.passwordHash = "h"
        Self.expectSQL(
            WriteStatements.updateChanges(from: Self.user, to: changed),
            #"UPDATE "public"."users" SET "password_hash" = $1, "email_verified" = $2 WHERE "id" = $3 RETURNING \#(Self.users)"#,
            ["h", "true", "7f0c2b3e-8d4a-4c1e-9f6b-2a5d8e1c0b7a"])
        #expect(WriteStatements.updateChanges(from: Self.user, to: Self.user) == nil)
    }

    /// A row writes every column, a draft only what it has (defaults fill the rest), a batch one statement of typed arrays.
    @Test func insertsOfRowsDraftsAndBatches() {
        Self.expectSQL(
            WriteStatements.insert([Self.user]).first,
            #"INSERT INTO "public"."users" (\#(Self.users)) VALUES ($1, $2, $3, NULL, $4, $5, $6, $7, NULL, NULL) RETURNING \#(Self.users)"#,
            ["7f0c2b3e-8d4a-4c1e-9f6b-2a5d8e1c0b7a", "ada", "a@b.c", "false", "2024-01-15T10:30:00Z", "2024-01-15T10:30:00Z", "user"])
        Self.expectSQL(
            WriteStatements.insert([User.Draft(username: "ada", email: "a@b.c")]).first,
            #"INSERT INTO "public"."users" ("username", "email", "password_hash", "invited_by_id", "disabled_at") "#
                + #"VALUES ($1, $2, NULL, NULL, NULL) RETURNING \#(Self.users)"#,
            ["ada", "a@b.c"])
        Self.expectSQL(
            WriteStatements.insertArrays([User.Draft(username: "ada", email: "a@b.c"), User.Draft(username: "bob", email: "b@b.c", passwordHash: "p")]),
            #"INSERT INTO "public"."users" ("username", "email", "password_hash", "invited_by_id", "disabled_at") "#
                + #"SELECT v."username"::character varying, v."email"::character varying, v."password_hash"::character varying, "#
                + #"v."invited_by_id"::uuid, v."disabled_at"::timestamp with time zone "#
                + #"FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) "#
                + #"AS v("username", "email", "password_hash", "invited_by_id", "disabled_at") "#
                + #"RETURNING \#(Self.users)"#,
            [#"{"ada","bob"}"#, #"{"a@b.c","b@b.c"}"#, #"{NULL,"p"}"#, "{NULL,NULL}", "{NULL,NULL}"])
    }

    /// A one-row insert's text is built once per shape: drafts that give different columns,
    /// or NULL in different ones, each get their own text, whatever the order they come in.
    @Test func oneRowInsertShapesAreKeptApart() {
        let head = #"INSERT INTO "public"."users" ("username", "email", "password_hash", "invited_by_id", "disabled_at") VALUES "#
        let returning = #" RETURNING \#(Self.users)"#
        for _ in 0..<2 {
            Self.expectSQL(
                WriteStatements.insert([User.Draft(username: "ada", email: "a@b.c", passwordHash: "p")]).first,
                head + "($1, $2, $3, NULL, NULL)" + returning, ["ada", "a@b.c", "p"])
            Self.expectSQL(
                WriteStatements.insert([User.Draft(username: "bob", email: "b@b.c")]).first,
                head + "($1, $2, NULL, NULL, NULL)" + returning, ["bob", "b@b.c"])
            Self.expectSQL(
                WriteStatements.insert([User.Draft(username: "cy", email: "c@b.c", emailVerified: true)]).first,
                #"INSERT INTO "public"."users" ("username", "email", "password_hash", "email_verified", "invited_by_id", "disabled_at") "#
                    + "VALUES ($1, $2, NULL, $3, NULL, NULL)" + returning, ["cy", "c@b.c", "true"])
            Self.expectSQL(
                WriteStatements.insert([Self.user]).first,
                #"INSERT INTO "public"."users" (\#(Self.users)) VALUES ($1, $2, $3, NULL, $4, $5, $6, $7, NULL, NULL)"# + returning,
                ["7f0c2b3e-8d4a-4c1e-9f6b-2a5d8e1c0b7a", "ada", "a@b.c", "false", "2024-01-15T10:30:00Z", "2024-01-15T10:30:00Z", "user"])
            var withHash = Self.user
            withHash.passwordHash = "h"
            Self.expectSQL(
                WriteStatements.insert([withHash]).first,
                #"INSERT INTO "public"."users" (\#(Self.users)) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, NULL)"# + returning,
                ["7f0c2b3e-8d4a-4c1e-9f6b-2a5d8e1c0b7a", "ada", "a@b.c", "h", "false", "2024-01-15T10:30:00Z", "2024-01-15T10:30:00Z", "user"])
        }
    }

    /// Join conditions and filters on both sides, with the left side selected.
    /// A `Bool` column stands alone as a condition, combines with `&&`, `||` and `!`, and is
    /// qualified in a join; a nullable one too.
    @Test func boolColumnsAreConditions() {
        Self.expectSQL(
            User.where { $0.emailVerified }.selectStatement,
            #"SELECT \#(Self.users) FROM "public"."users" WHERE "email_verified""#,
            [])
        Self.expectSQL(
            User.where { $0.emailVerified && $0.role == .admin }.countStatement,
            #"SELECT count(*) FROM "public"."users" WHERE ("email_verified") AND ("role" = $1)"#,
            ["admin"])
        Self.expectSQL(
            User.where { !$0.emailVerified || $0.disabledAt.isNull() }.countStatement,
            #"SELECT count(*) FROM "public"."users" WHERE (NOT ("email_verified")) OR ("disabled_at" IS NULL)"#,
            [])
        Self.expectSQL(
            User.where { $0.role == .admin }.where { $0.emailVerified }.countStatement,
            #"SELECT count(*) FROM "public"."users" WHERE ("role" = $1) AND ("email_verified")"#,
            ["admin"])
        Self.expectSQL(
            RefreshToken.join(User.self, on: { $0.userID.eq($1.id) }).where { _, user in user.emailVerified }.leftRows().statement,
            #"SELECT \#(Self.tokens) FROM "public"."refresh_tokens" "t0" JOIN "public"."users" "t1" ON "t0"."user_id" = "t1"."id" "#
                + #"WHERE "t1"."email_verified""#,
            [])
        Self.expectSQL(
            EveryType.where { $0.flag && !$0.flag }.countStatement,
            #"SELECT count(*) FROM "public"."every_type" WHERE ("flag") AND (NOT ("flag"))"#,
            [])
        #expect(SQLCondition.all([]).fragment.statement().sql == "TRUE")
        #expect(SQLCondition.any([User.columns.emailVerified.condition, SQLCondition.never]).fragment.statement().sql == #"("email_verified") OR (FALSE)"#)
    }

    @Test func joinsQualifyEveryColumnByItsAlias() {
        Self.expectSQL(
            RefreshToken.join(User.self, on: { $0.userID.eq($1.id) }).where { token, user in
                token.revokedAt.isNull() && user.emailVerified == true
            }.leftRows().statement,
            #"SELECT \#(Self.tokens) FROM "public"."refresh_tokens" "t0" JOIN "public"."users" "t1" ON "t0"."user_id" = "t1"."id" "#
                + #"WHERE ("t0"."revoked_at" IS NULL) AND ("t1"."email_verified" = $1)"#,
            ["true"])
        Self.expectSQL(
            RefreshToken.leftJoin(User.self, on: { $0.userID.eq($1.id) }).leftRows().statement,
            #"SELECT \#(Self.tokens) FROM "public"."refresh_tokens" "t0" LEFT JOIN "public"."users" "t1" ON "t0"."user_id" = "t1"."id""#,
            [])
    }

    /// A keyset page compares the row value of its keys after the cursor; the first page has no comparison.
    @Test func keysetPagesCompareRowValues() {
        Self.expectSQL(
            User.where { $0.role == .user }.keyset(descending: true, by: { ($0.createdAt, $0.id) }).statement(after: (Self.since, Self.userID), limit: 20),
            #"SELECT \#(Self.users), "created_at", "id" FROM "public"."users" WHERE ("role" = $1) AND (("created_at", "id") < ($2, $3)) "#
                + #"ORDER BY "created_at" DESC, "id" DESC LIMIT 20"#,
            ["user", "2024-01-15T10:30:00Z", "7f0c2b3e-8d4a-4c1e-9f6b-2a5d8e1c0b7a"])
        Self.expectSQL(
            User.all().keyset(by: { ($0.createdAt, $0.id) }).statement(after: nil, limit: 20),
            #"SELECT \#(Self.users), "created_at", "id" FROM "public"."users" ORDER BY "created_at" ASC, "id" ASC LIMIT 20"#,
            [])
    }

    /// ON CONFLICT on the primary key or a unique key: DO NOTHING returns the existing row, DO UPDATE the updated one with whether it was inserted.
    @Test func upsertTargetsAndActions() {
        Self.expectSQL(
            WriteStatements.upsert(User.Draft(username: "ada", email: "a@b.c"), onConflict: .email, action: .doNothing),
            #"WITH inserted AS (INSERT INTO "public"."users" ("username", "email", "password_hash", "invited_by_id", "disabled_at") "#
                + #"VALUES ($1, $2, NULL, NULL, NULL) "#
                + #"ON CONFLICT ("email") DO NOTHING RETURNING \#(Self.users)) "#
                + #"SELECT *, true FROM inserted "#
                + #"UNION ALL SELECT \#(Self.users), false FROM "public"."users" WHERE "email" = $3 AND NOT EXISTS (SELECT 1 FROM inserted)"#,
            ["ada", "a@b.c", "a@b.c"])
        Self.expectSQL(
            WriteStatements.upsert(User.Draft(username: "ada", email: "a@b.c"), onConflict: .email, action: .updateAll),
            #"INSERT INTO "public"."users" ("username", "email", "password_hash", "invited_by_id", "disabled_at") "#
                + #"VALUES ($1, $2, NULL, NULL, NULL) "#
                + #"ON CONFLICT ("email") DO UPDATE SET "username" = EXCLUDED."username", "password_hash" = EXCLUDED."password_hash", "#
                + #""invited_by_id" = EXCLUDED."invited_by_id", "disabled_at" = EXCLUDED."disabled_at" "#
                + #"RETURNING \#(Self.users), (xmax = 0)"#,
            ["ada", "a@b.c"])
        Self.expectSQL(
            WriteStatements.upsert(User.Draft(username: "ada", email: "a@b.c"), onConflict: .primaryKey, action: .update([.username])),
            #"INSERT INTO "public"."users" ("username", "email", "password_hash", "invited_by_id", "disabled_at") "#
                + #"VALUES ($1, $2, NULL, NULL, NULL) "#
                + #"ON CONFLICT ("id") DO UPDATE SET "username" = EXCLUDED."username" RETURNING \#(Self.users), (xmax = 0)"#,
            ["ada", "a@b.c"])
    }

    /// Eager loading: one statement per batch, the distinct non-NULL keys as one array (per
    /// column for a composite key), whatever the number of rows.
    @Test func eagerLoadingBatchesOneArrayPerKeyColumn() {
        let other = UUID(uuidString: "00000000-0000-0000-0000-000000000002")!
        var second = Self.user
        second.id = other
        var invited = Self.user
        invited.invitedByID = other
        let keys = RelationStatements.keys(of: [Self.user, second, Self.user, invited], columns: [.invitedByID])
        #expect(keys.distinct == [[.text(other.uuidString.lowercased())]], "NULL keys match nothing and repeats are sent once")
        #expect(keys.perRow.map { $0 == nil } == [true, true, true, false])
        let single = RelationStatements.matching(User.self, [.id], alias: nil, keys: [[.text("a")], [.text("b")]])
        Self.expectSQL(User.where { _ in single }.selectStatement, #"SELECT \#(Self.users) FROM "public"."users" WHERE "id" = ANY($1)"#, ["{\"a\",\"b\"}"])
        let composite = RelationStatements.matching(
            TenantMembership.self, [.tenantID, .userID], alias: "t1", keys: [[.text("t"), .text("u")], [.text("t"), .text("v")]])
        Self.expectSQL(
            TenantMembership.where { _ in composite }.selectStatement,
            #"SELECT "tenant_id", "user_id", "roles", "joined_at" FROM "public"."tenant_memberships" "#
                + #"WHERE ("t1"."tenant_id", "t1"."user_id") IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))"#,
            ["{\"t\",\"t\"}", "{\"u\",\"v\"}"])
    }

    /// Arguments a statement cannot express are refused before anything is sent.
    @Test func outOfRangeArgumentsAreRejectedNotSent() {
        #expect(User.all().limit(-1).selectStatement.rejection != nil)
        #expect(User.all().offset(-5).selectStatement.rejection != nil)
        #expect(User.all().keyset(by: { ($0.createdAt, $0.id) }).statement(after: nil, limit: 0).rejection != nil)
        #expect(User.all().limit(0).selectStatement.rejection == nil, "LIMIT 0 is valid SQL")
    }

    /// A projection: chosen expressions, GROUP BY, HAVING and ORDER BY; a name given with `as`
    /// is in the SQL, so rows decode by it.
    @Test func projectionsGroupFilterAndName() {
        let projection = User.where { $0.emailVerified == true }
            .group { $0.role }
            .having { $0.id.count > 1 }
            .order { $0.role.ascending }
            .select { ($0.role, $0.id.count.as("users"), $0.createdAt.max) }
        Self.expectSQL(
            projection.statement,
            #"SELECT "role", count("id") AS "users", max("created_at") FROM "public"."users" WHERE "email_verified" = $1 "#
                + #"GROUP BY "role" HAVING count("id") > $2 ORDER BY "role" ASC"#,
            ["true", "1"])
        #expect(projection.columnNames == ["role", "users", ""])
    }

    /// A column EntityKit reads from text is cast in every select list, also in a projection and
    /// a join's, and keeps its name (or takes the one given).
    @Test func columnsReadAsTextAreCastInProjections() {
        Self.expectSQL(
            EveryType.all().select { ($0.id, $0.query, $0.query.as("q")) }.statement,
            #"SELECT "id", "query"::text AS "query", "query"::text AS "q" FROM "public"."every_type""#,
            [])
        Self.expectSQL(
            RefreshToken.join(User.self, on: { $0.userID.eq($1.id) }).select { token, user in (token.id, user.email.as("owner")) }.statement,
            #"SELECT "t0"."id", "t1"."email" AS "owner" FROM "public"."refresh_tokens" "t0" JOIN "public"."users" "t1" ON "t0"."user_id" = "t1"."id""#,
            [])
    }
}
