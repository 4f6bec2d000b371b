import EntityKitMigrationsCLI
import Foundation
import ReferenceMigrations

// `Sources/ReferenceMigrations` as the `migrate` executable `codegen migrate init` scaffolds:
// `codegen entity --from-migrations --migrations-executable reference-migrate` reads the schema
// they define, and CI checks it against Schema/snapshot.json and Generated/.
exit(await MigrationCommandLine.run(Migrator.all))
