import ArgumentParser
import CodegenCore
import EntityGenerator
import Foundation

/// `--from-migrations` and its settings, shared by every command that reads a schema.
struct MigrationsOptions: ParsableArguments {
    @Flag(help: ArgumentHelp(
        "Read the schema the package's migrations define: apply them (building its migrations executable, unless they are SQL only) "
            + "to a throwaway database, introspect it, remove it.",
        discussion: "Needs no database: a throwaway PostgreSQL cluster is started from the server programs installed on this machine, "
            + "unless --shadow-database-url names a server."))
    var fromMigrations = false

    @Option(help: ArgumentHelp(
        "With --from-migrations: create (and drop) the scratch database on this server instead of starting a throwaway cluster.", valueName: "url"))
    var shadowDatabaseURL: String?

    @Option(help: ArgumentHelp("With --from-migrations: the package that holds the migrations executable (default: .).", valueName: "path"))
    var packagePath = "."

    @Option(help: ArgumentHelp("With --from-migrations: the migrations executable's product name (default: migrate).", valueName: "name"))
    var migrationsExecutable = "migrate"

    @Option(help: ArgumentHelp("With --from-migrations: passed to `swift build --scratch-path`.", valueName: "path"))
    var scratchPath: String?

    @Option(help: ArgumentHelp("With --from-migrations: the schema of the runner's tracking table (default: public).", valueName: "name"))
    var trackingSchema = "public"

    @Option(help: ArgumentHelp(
        "With --from-migrations: the migrations folder (default: Sources/Migrations in the package).",
        discussion: "A folder of SQL migrations only is applied directly, with no package build.", valueName: "dir"))
    var migrationsDirectory: String?

    func validate() throws {
        if !fromMigrations {
            if shadowDatabaseURL != nil { throw ValidationError("--shadow-database-url applies only with --from-migrations") }
            if scratchPath != nil { throw ValidationError("--scratch-path applies only with --from-migrations") }
            if migrationsDirectory != nil { throw ValidationError("--migrations-directory applies only with --from-migrations") }
        }
    }

    var source: MigrationsSchemaSource {
        MigrationsSchemaSource(
            package: MigrationsPackage(packagePath: packagePath, executable: migrationsExecutable, scratchPath: scratchPath, trackingSchema: trackingSchema),
            shadow: shadowDatabaseURL.map { .server(url: $0) } ?? .throwawayCluster,
            folder: migrationsDirectory.map { MigrationsFolder(URL(fileURLWithPath: $0)) })
    }
}

/// Where `entity` and `diagram` read the schema: a live database (`-u`), a snapshot file, or
/// the package's migrations.
struct SchemaSourceOptions: ParsableArguments {
    @OptionGroup var connection: ConnectionOptions

    @Option(help: ArgumentHelp("Read this snapshot file instead of a live database.", valueName: "file"))
    var snapshot: String?

    @OptionGroup var migrations: MigrationsOptions

    func validate() throws {
        let given = [
            connection.databaseURL != nil ? "-u" : nil, snapshot != nil ? "--snapshot" : nil, migrations.fromMigrations ? "--from-migrations" : nil,
        ].compactMap { $0 }
        if given.count > 1 {
            throw ValidationError(
                "pass one of -u (a live database), --snapshot (a snapshot file) or --from-migrations, not \(given.joined(separator: " and "))")
        }
    }

    /// True when the schema comes from a server, which changes the advice in messages.
    var readsLiveDatabase: Bool { snapshot == nil && !migrations.fromMigrations }

    func source() throws -> any SchemaSource {
        if let snapshot { return SnapshotFileSource(file: URL(fileURLWithPath: snapshot)) }
        if migrations.fromMigrations { return migrations.source }
        return DatabaseSchemaSource(target: try connection.target())
    }
}
