// A migrations module imports only this one: code steps (`Run`) query through the runtime, so
// `import EntityKitMigrations` brings EntityKitPostgres (and with it EntityKit and PostgresNIO).
@_exported import EntityKitPostgres
