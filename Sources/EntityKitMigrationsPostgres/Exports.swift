// An app that migrates at start-up imports this one: the DSL and engine (EntityKitMigrations),
// the runtime its runner leases connections from (EntityKitPostgres), and `MigrationRunner`.
@_exported import EntityKitMigrations
@_exported import EntityKitPostgres
