// A test file imports this and its app's modules: the runtime (DatabaseClient, Transaction) and
// the migrations (Migration, SQLFileMigration) come with it.
@_exported import EntityKitMigrationsPostgres
