import EntityKitMigrations

/// The `user_role` enum and `users.role` (the seed's "Creating Enums").
struct M20250127_000003_AddUserRole: Migration {
    let name = "m20250127_000003_add_user_role"

    var up: [any MigrationStep] {
        CreateEnum("user_role", values: ["user", "admin"])
        AddColumn(Column("role", .enumeration("user_role")).notNull().default("user"), to: "users")
    }

    var down: [any MigrationStep] {
        DropColumn("role", from: "users")
        DropType("user_role")
    }
}
