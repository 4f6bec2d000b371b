import EntityKitMigrations

/// Users and their refresh tokens (the seed's m20250125_000001_create_auth_tables).
struct M20250125_000001_CreateAuthTables: Migration {
    let name = "m20250125_000001_create_auth_tables"

    var up: [any MigrationStep] {
        CreateTable("users", comment: "People who can sign in.") {
            Column("id", .uuid).primaryKey().default(sql: "gen_random_uuid()")
            Column("username", .varchar(255)).notNull().unique()
            Column("email", .varchar(255)).notNull().unique()
            Column("password_hash", .varchar(255)).comment("Argon2 hash; NULL for accounts that sign in with a provider.")
            Column("email_verified", .boolean).notNull().default(false)
            Column("created_at", .timestampWithTimeZone).notNull().default(.now)
            Column("updated_at", .timestampWithTimeZone).notNull().default(.now)
        }
        CreateIndex("idx_users_username", on: "users", columns: ["username"])

        CreateTable("refresh_tokens", comment: "Long-lived tokens that mint new access tokens.") {
            Column("id", .uuid).primaryKey()
            Column("user_id", .uuid).notNull()
            Column("token_hash", .varchar(255)).notNull().unique()
            Column("expires_at", .timestampWithTimeZone).notNull()
            Column("revoked_at", .timestampWithTimeZone)
            Column("created_at", .timestampWithTimeZone).notNull().default(.now)
            ForeignKey(["user_id"], references: "users", ["id"], name: "fk_refresh_tokens_user_id", onDelete: .cascade)
        }
        CreateIndex("idx_refresh_tokens_user_id", on: "refresh_tokens", columns: ["user_id"])
        CreateIndex("idx_refresh_tokens_expires_at", on: "refresh_tokens", columns: ["expires_at"])
    }

    var down: [any MigrationStep] {
        DropTable("refresh_tokens")
        DropTable("users")
    }
}
