import EntityKitMigrationsPostgres

// The migrations of the DocC article "The Seed's Migrations in the DSL"
// (Sources/EntityKitMigrations/EntityKitMigrations.docc/SeedMigrations.md). Every Swift block of
// the article appears here verbatim (SeedMigrationArticleTests checks it), so the article shows
// only code that compiles; the tests apply it to a live server and read the catalog back.

enum SeedArticle {
// article:start
struct M20250125_000001_CreateAuthTables: Migration {
    let name = "m20250125_000001_create_auth_tables"

    var up: [any MigrationStep] {
        CreateTable("users", ifNotExists: true) {
            Column("id", .uuid).primaryKey().default(sql: "gen_random_uuid()")
            Column("username", .varchar(255)).notNull().unique()
            Column("email", .varchar(255)).notNull().unique()
            Column("password_hash", .varchar(255))
            Column("email_verified", .boolean).notNull().default(false)
            Column("created_at", .timestampWithTimeZone).notNull().default(sql: "NOW()")
            Column("updated_at", .timestampWithTimeZone).notNull().default(sql: "NOW()")
            Check("char_length(username) >= 3", name: "users_username_length")
        }
        CreateIndex("idx_users_username", on: "users", columns: ["username"], ifNotExists: true)

        CreateTable("refresh_tokens", ifNotExists: true) {
            Column("id", .uuid).primaryKey()
            Column("user_id", .uuid).notNull()
            Column("token_hash", .varchar(255)).notNull().unique()
            Column("expires_at", .timestampWithTimeZone).notNull()
            Column("revoked_at", .timestampWithTimeZone)
            Column("created_at", .timestampWithTimeZone).notNull().default(sql: "NOW()")
            ForeignKey(["user_id"], references: "users", ["id"], name: "fk_refresh_tokens_user_id",
                       onDelete: .cascade, onUpdate: .cascade)
        }
        CreateIndex("idx_refresh_tokens_user_id", on: "refresh_tokens", columns: ["user_id"], ifNotExists: true)
        CreateIndex("idx_refresh_tokens_expires_at", on: "refresh_tokens", columns: ["expires_at"], ifNotExists: true)
        CreateIndex("idx_tokens_user_expires", on: "refresh_tokens", columns: ["user_id", "expires_at"])
    }

    var down: [any MigrationStep] {
        // Reverse order: refresh_tokens references users.
        DropTable("refresh_tokens")
        DropTable("users")
    }
}

struct M20250126_000002_AddUserRole: Migration {
    let name = "m20250126_000002_add_user_role"

    var up: [any MigrationStep] {
        AddColumn(Column("role", .varchar(20)).notNull().default("user"), to: "users")
    }

    var down: [any MigrationStep] {
        DropColumn("role", from: "users")
    }
}

struct M20250127_000003_UserRoleEnum: Migration {
    let name = "m20250127_000003_user_role_enum"

    var up: [any MigrationStep] {
        CreateEnum("user_role", values: ["user", "admin"])
        AlterTable("users",
                   .dropDefault("role"),
                   .alterType("role", .enumeration("user_role"), using: "role::user_role"),
                   .setDefault("role", .string("user")))
    }

    var down: [any MigrationStep] {
        AlterTable("users",
                   .dropDefault("role"),
                   .alterType("role", .varchar(20), using: "role::text"),
                   .setDefault("role", .string("user")))
        DropType("user_role")
    }
}

struct M20250127_000003_AddUserRoleEnum: Migration {
    let name = "m20250127_000003_add_user_role_enum"

    var up: [any MigrationStep] {
        CreateEnum("user_role", values: ["user", "admin"])
        AddColumn(Column("role", .enumeration("user_role")).notNull().default("user"), to: "users")
    }

    var down: [any MigrationStep] {
        DropColumn("role", from: "users")
        DropType("user_role")
    }
}
// article:end
}
