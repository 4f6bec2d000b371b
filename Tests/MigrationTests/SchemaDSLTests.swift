import EntityKitMigrationsPostgres
import EntityKitPostgres
import Testing

// Outside a Migration the DSL is qualified; these tests use it bare.
private typealias CreateTable = MigrationDSL.CreateTable
private typealias DropTable = MigrationDSL.DropTable
private typealias RenameTable = MigrationDSL.RenameTable
private typealias AlterTable = MigrationDSL.AlterTable
private typealias Column = MigrationDSL.Column
private typealias PrimaryKey = MigrationDSL.PrimaryKey
private typealias Unique = MigrationDSL.Unique
private typealias ForeignKey = MigrationDSL.ForeignKey
private typealias Check = MigrationDSL.Check
private typealias CreateIndex = MigrationDSL.CreateIndex
private typealias DropIndex = MigrationDSL.DropIndex
private typealias CreateEnum = MigrationDSL.CreateEnum
private typealias AddEnumValue = MigrationDSL.AddEnumValue
private typealias DropType = MigrationDSL.DropType
private typealias SQL = MigrationDSL.SQL

@Suite("Schema DSL rendering")
struct SchemaDSLTests {
    @Test func createTableWithColumnsAndConstraints() {
        let step = CreateTable("refresh_tokens", ifNotExists: true, comment: "Tokens.") {
            Column("id", .uuid).primaryKey().default(sql: "gen_random_uuid()")
            Column("user_id", .uuid).notNull()
            Column("token_hash", .varchar(255)).notNull().unique()
            Column("revoked_at", .timestampWithTimeZone)
            Column("role", .enumeration("user_role")).notNull().default("user").comment("Who it's for.")
            Column("attempts", .integer).notNull().default(0).check("attempts >= 0")
            ForeignKey(["user_id"], references: "users", ["id"], name: "fk_user", onDelete: .cascade, onUpdate: .cascade)
            Unique("user_id", "token_hash", name: "one_per_user")
        }
        #expect(step.statements == [
            """
            CREATE TABLE IF NOT EXISTS "refresh_tokens" (
                "id" uuid DEFAULT gen_random_uuid() PRIMARY KEY,
                "user_id" uuid NOT NULL,
                "token_hash" varchar(255) NOT NULL UNIQUE,
                "revoked_at" timestamptz,
                "role" "user_role" NOT NULL DEFAULT 'user',
                "attempts" integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
                CONSTRAINT "fk_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
                CONSTRAINT "one_per_user" UNIQUE ("user_id", "token_hash")
            )
            """,
            #"COMMENT ON TABLE "refresh_tokens" IS 'Tokens.'"#,
            #"COMMENT ON COLUMN "refresh_tokens"."role" IS 'Who it''s for.'"#,
        ])
    }

    @Test func identityGeneratedCompositeKeysAndReferences() {
        let step = CreateTable(SQLName("events", schema: "audit")) {
            Column("id", .bigint).generatedAlwaysAsIdentity().primaryKey()
            Column("tenant_id", .uuid).notNull().references(SQLName("tenants", schema: "core"), onDelete: .setNull)
            Column("body_length", .integer).generated(as: "length(body)")
            Column("tags", .array(.text)).notNull().default("{}")
            Column("amount", .numeric(precision: 10, scale: 2))
            PrimaryKey("id", "tenant_id")
        }
        #expect(step.statements == [
            """
            CREATE TABLE "audit"."events" (
                "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                "tenant_id" uuid NOT NULL REFERENCES "core"."tenants" ("id") ON DELETE SET NULL,
                "body_length" integer GENERATED ALWAYS AS (length(body)) STORED,
                "tags" text[] NOT NULL DEFAULT '{}',
                "amount" numeric(10,2),
                PRIMARY KEY ("id", "tenant_id")
            )
            """,
        ])
    }

    @Test func identifiersAndStringsAreAlwaysQuotedSafely() {
        let step = CreateTable("we\"ird table") {
            Column("it's", .text).default("O'Brien \\ co")
        }
        #expect(step.statements == [
            """
            CREATE TABLE "we""ird table" (
                "it's" text DEFAULT E'O''Brien \\\\ co'
            )
            """,
        ])
        #expect(CreateEnum("mood", values: ["it's", "ok"]).statements == [#"CREATE TYPE "mood" AS ENUM ('it''s', 'ok')"#])
    }

    @Test func alterationsAreOneStatementEach() {
        let step = AlterTable(
            "users",
            .addColumn(Column("nickname", .text).notNull().default("")),
            .renameColumn("nickname", to: "handle"),
            .alterType("age", .bigint, using: "age::bigint"),
            .setNotNull("email"), .dropNotNull("phone"),
            .setDefault("created_at", .now), .dropDefault("updated_at"),
            .addConstraint(Check("age >= 0", name: "age_positive")),
            .dropConstraint("old_check", ifExists: true),
            .dropColumn("legacy", ifExists: true, cascade: true)
        )
        #expect(step.statements == [
            #"ALTER TABLE "users" ADD COLUMN "nickname" text NOT NULL DEFAULT ''"#,
            #"ALTER TABLE "users" RENAME COLUMN "nickname" TO "handle""#,
            #"ALTER TABLE "users" ALTER COLUMN "age" TYPE bigint USING age::bigint"#,
            #"ALTER TABLE "users" ALTER COLUMN "email" SET NOT NULL"#,
            #"ALTER TABLE "users" ALTER COLUMN "phone" DROP NOT NULL"#,
            #"ALTER TABLE "users" ALTER COLUMN "created_at" SET DEFAULT now()"#,
            #"ALTER TABLE "users" ALTER COLUMN "updated_at" DROP DEFAULT"#,
            #"ALTER TABLE "users" ADD CONSTRAINT "age_positive" CHECK (age >= 0)"#,
            #"ALTER TABLE "users" DROP CONSTRAINT IF EXISTS "old_check""#,
            #"ALTER TABLE "users" DROP COLUMN IF EXISTS "legacy" CASCADE"#,
        ])
    }

    @Test func indexesEnumsTypesAndDrops() {
        #expect(CreateIndex("idx", on: "users", columns: ["a", "b"], unique: true, ifNotExists: true, concurrently: true, using: "btree",
                            where: "a IS NOT NULL").statements
                == [#"CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "idx" ON "users" USING btree ("a", "b") WHERE a IS NOT NULL"#])
        #expect(DropIndex("idx", ifExists: true).statements == [#"DROP INDEX IF EXISTS "idx""#])
        #expect(AddEnumValue("owner", to: "user_role", .after("admin")).statements
                == [#"ALTER TYPE "user_role" ADD VALUE IF NOT EXISTS 'owner' AFTER 'admin'"#])
        #expect(DropType("user_role", ifExists: true, cascade: true).statements == [#"DROP TYPE IF EXISTS "user_role" CASCADE"#])
        #expect(DropType("email", domain: true).statements == [#"DROP DOMAIN "email""#])
        #expect(DropTable("a", "b", ifExists: true).statements == [#"DROP TABLE IF EXISTS "a", "b""#])
        #expect(RenameTable("a", to: "b").statements == [#"ALTER TABLE "a" RENAME TO "b""#])
    }

    @Test func checksumsFollowTheUpSteps() {
        struct First: Migration {
            let name = "m1"
            var extra = false
            var up: [any MigrationStep] {
                CreateTable("t") { Column("id", .integer) }
                if extra { SQL("SELECT 1") }
            }
            var down: [any MigrationStep] { DropTable("t") }
        }
        #expect(First().checksum == First().checksum)
        #expect(First().checksum != First(extra: true).checksum)
        #expect(First().checksum.count == 16)
    }
}
