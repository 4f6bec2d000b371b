// A migrations module imports only this one: the DSL, and the driver-neutral engine it runs on
// (sessions, reports, errors, SQL migration files). No driver: the scaffolded `migrate`
// executable applies migrations through libpq (EntityKitMigrationsCLI), an app through
// PostgresNIO (EntityKitMigrationsPostgres), so building migrations never builds SwiftNIO.
@_exported import MigrationEngine
