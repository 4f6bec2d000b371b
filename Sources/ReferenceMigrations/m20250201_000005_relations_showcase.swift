import EntityKitMigrations

/// The relations showcase of `Schema/005_relations_showcase.sql`: a self reference, a domain, a
/// composite type, a junction table with an array of enums, two foreign keys to one table,
/// identity and generated columns, a composite foreign key and a view.
struct M20250201_000005_RelationsShowcase: Migration {
    let name = "m20250201_000005_relations_showcase"

    var up: [any MigrationStep] {
        SQL(
            "CREATE DOMAIN email_address AS varchar(255) CHECK (VALUE ~ '^[^@[:space:]]+@[^@[:space:]]+$')",
            "COMMENT ON DOMAIN email_address IS 'An address with exactly one @.'",
            "CREATE TYPE postal_address AS (street text, city text, postal_code text, country_code char(2))"
        )
        AddColumn(Column("invited_by_id", .uuid).references("users", "id", onDelete: .setNull), to: "users")
        AlterTable(
            "tenants",
            .addColumn(Column("billing_email", .named("email_address"))),
            .addColumn(Column("billing_address", .named("postal_address")))
        )

        CreateTable("tenant_memberships") {
            Column("tenant_id", .uuid).notNull().references("tenants", "id", onDelete: .cascade)
            Column("user_id", .uuid).notNull().references("users", "id", onDelete: .cascade)
            Column("roles", .array(.enumeration("user_role"))).notNull().default("{user}")
            Column("joined_at", .timestampWithTimeZone).notNull().default(.now)
            PrimaryKey("tenant_id", "user_id")
        }

        CreateTable("messages") {
            Column("id", .bigint).generatedAlwaysAsIdentity().primaryKey()
            Column("sender_id", .uuid).notNull().references("users", "id")
            Column("recipient_id", .uuid).notNull().references("users", "id")
            Column("body", .text).notNull()
            Column("body_length", .integer).generated(as: "length(body)")
            Column("sent_at", .timestampWithTimeZone).notNull().default(.now)
        }

        CreateTable("membership_events") {
            Column("id", .bigint).generatedByDefaultAsIdentity().primaryKey()
            Column("tenant_id", .uuid).notNull()
            Column("user_id", .uuid).notNull()
            Column("action", .text).notNull()
            Column("recorded_at", .timestampWithTimeZone).notNull().default(.now)
            ForeignKey(["tenant_id", "user_id"], references: "tenant_memberships", ["tenant_id", "user_id"],
                       name: "fk_membership_events_membership", onDelete: .cascade)
        }

        SQL(
            """
            CREATE VIEW active_refresh_tokens AS
            SELECT t.id, t.user_id, u.username, t.expires_at
            FROM refresh_tokens t
            JOIN users u ON u.id = t.user_id
            WHERE t.revoked_at IS NULL
            """,
            "COMMENT ON VIEW active_refresh_tokens IS 'Refresh tokens that have not been revoked.'"
        )
    }

    var down: [any MigrationStep] {
        SQL("DROP VIEW active_refresh_tokens")
        DropTable("membership_events", "messages", "tenant_memberships")
        AlterTable("tenants", .dropColumn("billing_address"), .dropColumn("billing_email"))
        DropColumn("invited_by_id", from: "users")
        DropType("postal_address")
        DropType("email_address", domain: true)
    }
}
