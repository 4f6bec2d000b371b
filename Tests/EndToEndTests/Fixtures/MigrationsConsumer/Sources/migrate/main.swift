import EntityKitMigrationsCLI
import Foundation
import Migrations

// `swift run migrate up|down|status|fresh|refresh|reset [-n N] [-u DATABASE_URL]`
exit(await MigrationCommandLine.run(Migrator.all))
