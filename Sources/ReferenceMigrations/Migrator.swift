import EntityKitMigrations

/// The reference schema (`Schema/*.sql`) as migrations: applying them all and running
/// `codegen entity` reproduces `Generated/` exactly.
///
/// `codegen migrate generate` adds a line between the markers; keep one `Type(),` per line
/// there. Everything outside the markers is yours.
public enum Migrator {
    public static let all: [any Migration] = [
        // codegen:migrations:start
        M20250125_000001_CreateAuthTables(),
        M20250126_000002_AddEmailVerification(),
        M20250127_000003_AddUserRole(),
        M20250128_000004_CreateTenants(),
        M20250201_000005_RelationsShowcase(),
        M20250202_000006_AddUserDisabledAt(),
        // codegen:migrations:end
    ]
}
