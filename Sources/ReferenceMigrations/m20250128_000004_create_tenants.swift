import EntityKitMigrations

/// The baseline `tenants` table for tenant isolation (seed 003's m2024_01_01_000001_create_tenants).
struct M20250128_000004_CreateTenants: Migration {
    let name = "m20250128_000004_create_tenants"

    var up: [any MigrationStep] {
        CreateTable("tenants") {
            Column("id", .uuid).primaryKey().notNull()
            Column("name", .text)
            Column("created_at", .timestampWithTimeZone).notNull().default(.now)
        }
    }

    var down: [any MigrationStep] {
        DropTable("tenants")
    }
}
