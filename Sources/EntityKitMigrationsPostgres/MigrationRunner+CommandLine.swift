import EntityKitMigrations
import Foundation

extension MigrationRunner {
    /// Runs a `migrate` command line on the runner's database: an app's own `migrate`
    /// subcommand (`myapp migrate up`, `myapp migrate status --check`), with the same commands,
    /// output and exit statuses as the scaffolded `migrate` executable.
    ///
    /// ```swift
    /// if CommandLine.arguments.dropFirst().first == "migrate" {
    ///     exit(await MigrationRunner(database: db, migrations: Migrator.all)
    ///         .run(commandLine: Array(CommandLine.arguments.dropFirst(2))))
    /// }
    /// ```
    ///
    /// The connection is the runner's: `-u` is refused. `--schema` overrides the runner's schema
    /// and `--sql-directory` adds a folder's SQL migrations.
    ///
    /// - Parameter arguments: the command and its options, such as `["down", "-n", "2"]`.
    /// - Returns: the exit status: 0, 1 when the command failed (one line on standard error),
    ///   2 for a command line that cannot be run.
    public func run(commandLine arguments: [String]) async -> Int32 {
        let invocation: MigrationInvocation
        switch MigrationInvocation.read(arguments) {
        case let .run(read): invocation = read
        case let .exit(status): return status
        }
        if invocation.url != nil {
            MigrationCommand.printError("-u is not used here: the app migrates the database it is configured for")
            return 2
        }
        var migrations = self.migrations
        if let folder = invocation.sqlDirectory {
            do {
                migrations += try SQLFileMigration.all(in: URL(fileURLWithPath: folder))
            } catch {
                MigrationCommand.printError("\(error); nothing was applied")
                return 1
            }
        }
        let runner = MigrationRunner(source: source, migrations: migrations,
                                     schema: arguments.contains("--schema") ? invocation.schema : schema,
                                     trackingTable: trackingTable, logger: logger)
        do {
            return try await runner.withSession { session in
                await invocation.action.perform(with: runner.engine, on: session)
            }
        } catch {
            MigrationCommand.printError("cannot reach the database: \(ConnectionFailure.describe(error))")
            return 1
        }
    }
}
