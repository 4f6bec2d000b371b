// A migrations module imports only this one: code steps (`Run`) query through the runtime, so
// `import EntityKitMigrations` brings EntityKitPostgres (and with it EntityKit and PostgresNIO),
// and the driver-neutral engine (reports, errors, SQL migration files).
@_exported import EntityKitPostgres
@_exported import MigrationEngine
