import EntityKitMigrations

/// One-time email verification tokens (the seed's m20250126_000002_add_email_verification).
struct M20250126_000002_AddEmailVerification: Migration {
    let name = "m20250126_000002_add_email_verification"

    var up: [any MigrationStep] {
        CreateTable("email_verification_tokens") {
            Column("id", .uuid).primaryKey().default(sql: "gen_random_uuid()")
            Column("user_id", .uuid).notNull().references("users", "id", onDelete: .cascade)
            Column("token_hash", .varchar(255)).notNull().unique()
            Column("expires_at", .timestampWithTimeZone).notNull()
            Column("created_at", .timestampWithTimeZone).notNull().default(.now)
        }
        CreateIndex("idx_email_verification_tokens_user_id", on: "email_verification_tokens", columns: ["user_id"])
    }

    var down: [any MigrationStep] {
        DropTable("email_verification_tokens")
    }
}
