import CatalogIntrospection
import EntityKitMigrations
import Foundation

/// The command line of a migrations executable, as `codegen migrate init` scaffolds it:
///
///     migrate up [-n N] [--allow-out-of-order] [--dry-run] | down [-n N] | status [--check]
///             | repair | baseline VERSION | fresh | refresh | reset
///             [-u URL] [--schema NAME] [--sql-directory DIR]
///
/// It applies migrations through libpq, as `codegen migrate` does, so the executable builds
/// without PostgresNIO or SwiftNIO: a scaffolded package's first `migrate up` compiles the
/// migrations and a few small modules. `--sql-directory` adds the SQL migrations of a folder
/// (`VERSION.up.sql`, `VERSION.down.sql`) to the Swift ones; `codegen migrate` passes the
/// migrations target's `SQL` folder.
///
/// The connection comes from `-u`, then `DATABASE_URL`, then `DATABASE_URL` in `./.env`, then `PG*`
/// variables alone; it is a URI or `key=value` string completed by `PG*` variables and `.pgpass`,
/// exactly as for `codegen entity -u` (libpq reads it).
public enum MigrationCommandLine {
    /// Runs the command in `arguments` and returns the process exit status.
    ///
    /// - Parameters:
    ///   - migrations: the Swift migrations (`Migrator.all`).
    ///   - sqlDirectory: a folder of SQL migrations to apply with them, when it exists;
    ///     `--sql-directory` overrides it.
    ///   - arguments: the command line, without the executable's name.
    public static func run(_ migrations: [any Migration], sqlDirectory: URL? = nil,
                           arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Int32 {
        let invocation: MigrationInvocation
        switch MigrationInvocation.read(arguments) {
        case let .run(read): invocation = read
        case let .exit(status): return status
        }
        var migrations = migrations
        let folder = invocation.sqlDirectory.map { URL(fileURLWithPath: $0) }
            ?? sqlDirectory.flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil }
        if let folder {
            do {
                migrations += try SQLFileMigration.all(in: folder)
            } catch {
                MigrationCommand.printError("\(error); nothing was applied")
                return 1
            }
        }
        let session: LibPQSession
        do {
            let target = try ConnectionTarget.resolve(
                argument: invocation.url, environment: ProcessInfo.processInfo.environment,
                workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            session = try LibPQSession(target)
        } catch {
            MigrationCommand.printError(error.description)
            return 1
        }
        let engine = MigrationEngine(migrations: migrations.map(\.planned), schema: invocation.schema)
        return await invocation.action.perform(with: engine, on: LibPQMigrationSession(session: session))
    }
}
