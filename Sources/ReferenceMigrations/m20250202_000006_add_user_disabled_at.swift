import EntityKitMigrations

/// `users.disabled_at`, which the seed's join example filters on.
struct M20250202_000006_AddUserDisabledAt: Migration {
    let name = "m20250202_000006_add_user_disabled_at"

    var up: [any MigrationStep] {
        AddColumn(Column("disabled_at", .timestampWithTimeZone).comment("When the account was disabled; NULL while it is active."), to: "users")
    }

    var down: [any MigrationStep] {
        DropColumn("disabled_at", from: "users")
    }
}
