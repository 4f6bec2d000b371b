import EntityKitMigrations
import EntityKitMigrationsCLI
import Foundation
import Migrations

/// Applies cleanly up to its last statement, which fails: nothing of it may be kept.
struct M20990101_000001_Broken: Migration {
    let name = "m20990101_000001_broken"

    var up: [any MigrationStep] {
        CreateTable("gadgets") { Column("id", .integer).primaryKey() }
        SQL("INSERT INTO no_such_table VALUES (1)")
    }

    var down: [any MigrationStep] {
        DropTable("gadgets")
    }
}

exit(await MigrationCommandLine.run(Migrator.all + [M20990101_000001_Broken()]))
