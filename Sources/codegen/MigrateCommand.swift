import ArgumentParser
import CatalogIntrospection
import CodegenCore
import EntityGenerator
import Foundation
import MigrationEngine
import PostgresConnectionInfo

struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Scaffold migrations and run them: SQL migrations directly, Swift ones through the package's migrate executable.",
        subcommands: [
            MigrateInit.self, MigrateGenerate.self,
            MigrateRun.Up.self, MigrateRun.Down.self, MigrateRun.Status.self, MigrateRun.Repair.self,
            MigrateRun.Baseline.self, MigrateRun.Fresh.self, MigrateRun.Refresh.self, MigrateRun.Reset.self,
        ]
    )
}

/// `-d`, shared by init and generate.
struct MigrationsFolderOption: ParsableArguments {
    @Option(name: [.customShort("d"), .customLong("directory")],
            help: ArgumentHelp("The migrations folder: a Swift migrations target, or a folder of SQL migrations.", valueName: "dir"))
    var directory = "Sources/Migrations"

    var scaffold: MigrationScaffold { MigrationScaffold(directory: URL(fileURLWithPath: directory)) }
    var folder: MigrationsFolder { MigrationsFolder(URL(fileURLWithPath: directory)) }
}

struct MigrateInit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a migrations target (a registry and a migrate executable), or with --sql a folder of SQL migrations.")

    @OptionGroup var folder: MigrationsFolderOption

    @Flag(help: "Create a folder for SQL migrations, which codegen applies itself with no package build.")
    var sql = false

    @Option(help: ArgumentHelp("Also create a first migration with this name.", valueName: "name"))
    var first: String?

    @Option(help: ArgumentHelp("The package whose Package.swift gets the new targets (to name this project's package as it does).", valueName: "path"))
    var packagePath = "."

    func run() throws {
        do {
            InterruptCleanup.installHandlers()
            if sql {
                try folder.scaffold.initializeSQL()
                print("Created \(folder.scaffold.directory.path) for SQL migrations.")
                if let first {
                    let file = try folder.scaffold.generateSQL(name: first)
                    print("Created \(file.lastPathComponent) and its .down.sql.")
                }
                print("Add migrations with `codegen migrate generate NAME --sql -d \(folder.directory)`; "
                    + "apply them with `codegen migrate up -d \(folder.directory)`.")
                return
            }
            let snippet = try folder.scaffold.initialize(firstMigration: first, packageDirectory: URL(fileURLWithPath: packagePath))
            print(
                "Created \(folder.scaffold.registry.path)\(first == nil ? "" : ", a first migration") and \(folder.scaffold.runnerDirectory.path)/main.swift.")
            print("Add these targets to Package.swift:")
            print(snippet)
        } catch {
            Failure.exit(error)
        }
    }
}

struct MigrateGenerate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write mYYYYMMDD_HHMMSS_NAME.swift with an up and a down to fill in and register it, or with --sql an up and a down SQL file.")

    @Argument(help: ArgumentHelp("The migration's name: letters, digits and underscores.", valueName: "name"))
    var name: String

    @OptionGroup var folder: MigrationsFolderOption

    @Flag(help: "Write VERSION.up.sql and VERSION.down.sql (in the SQL subfolder of a Swift migrations target).")
    var sql = false

    @Flag(help: "Use local time in the file name instead of UTC.")
    var localTime = false

    func run() throws {
        do {
            InterruptCleanup.installHandlers()
            if sql {
                let hadSQLFolder = FileManager.default.fileExists(atPath: folder.scaffold.sqlDirectory.path)
                let file = try folder.scaffold.generateSQL(name: name, localTime: localTime)
                print("Created \(file.path) and its .down.sql.")
                if case .swiftTarget = folder.folder.kind, !hadSQLFolder {
                    print("The target's Package.swift entry needs `exclude: [\"SQL\"]` "
                        + "(or `resources: [.copy(\"SQL\")]` for an app to apply them) if it does not have it.")
                }
                return
            }
            let file = try folder.scaffold.generate(name: name, localTime: localTime)
            print("Created \(file.path) and registered it in \(folder.scaffold.registry.path).")
        } catch {
            Failure.exit(error)
        }
    }
}

/// The runner commands: applied by codegen itself (libpq) for a folder of SQL migrations,
/// forwarded to `swift run migrate …` in the package for a Swift migrations target.
enum MigrateRun {
    struct Options: ParsableArguments {
        @Option(name: [.customShort("u"), .customLong("database-url")],
                help: ArgumentHelp(
                    "PostgreSQL connection: a postgres:// URI or 'key=value' pairs, as for codegen entity.",
                    discussion: "Defaults to $DATABASE_URL, then to DATABASE_URL in ./.env, then to libpq's PG* variables; "
                        + "PG* variables and ~/.pgpass complete it.",
                    valueName: "url"))
        var databaseURL: String?

        @Option(help: ArgumentHelp("The package with the migrate executable.", valueName: "path"))
        var packagePath = "."

        @Option(help: ArgumentHelp("The migrations executable's name.", valueName: "name"))
        var executable = "migrate"

        @Option(help: ArgumentHelp("Passed to `swift run --scratch-path`.", valueName: "path"))
        var scratchPath: String?

        @Option(help: ArgumentHelp("The schema the tracking table lives in.", valueName: "name"))
        var schema: String?

        @OptionGroup var folder: MigrationsFolderOption
    }

    /// Runs `action` on a folder of SQL migrations, or forwards `command` to the package's
    /// migrate executable.
    static func perform(_ action: MigrationCommand, _ command: [String], options: Options) throws -> Never {
        // -d is relative to the package.
        let folder = MigrationsFolder(URL(fileURLWithPath: options.folder.directory, relativeTo: URL(fileURLWithPath: options.packagePath, isDirectory: true)))
        switch folder.kind {
        case .sqlOnly:
            let target: ConnectionTarget
            do {
                target = try ConnectionTarget.resolve(
                    argument: options.databaseURL, environment: ProcessInfo.processInfo.environment,
                    workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            } catch {
                Failure.exit(error)
            }
            let status = folder.perform(action, target: target, schema: options.schema ?? "public")
            Codegen.exit(withError: status == 0 ? nil : ExitCode(status))
        case let .swiftTarget(sqlDirectory):
            try forward(command + (sqlDirectory.map { ["--sql-directory", $0.path] } ?? []), options: options)
        case .missing:
            guard FileManager.default.fileExists(atPath: URL(fileURLWithPath: options.packagePath).appendingPathComponent("Package.swift").path) else {
                Failure.exit(MigrateForwardingError(
                    description: "no migrations folder at \(folder.directory.path) and no Package.swift in \(options.packagePath): "
                        + "create one with `codegen migrate init --sql -d DIR` (SQL) or `codegen migrate init` (Swift), "
                        + "or pass the folder with -d"))
            }
            try forward(command, options: options)
        }
    }

    /// Builds the package's migrate executable quietly (its product only: no SwiftPM noise
    /// about the package's other targets), then runs it with `command`. The connection string
    /// goes through `DATABASE_URL`, never the process's arguments, where `ps` would show its
    /// password.
    static func forward(_ command: [String], options: Options) throws -> Never {
        var environment = ProcessInfo.processInfo.environment
        if let url = options.databaseURL {
            // Fail before building anything; the migrate executable parses it the same way.
            do {
                _ = try ConnectionParameters(parsing: url)
            } catch {
                Failure.exit(error)
            }
            environment["DATABASE_URL"] = url
        }
        let package = MigrationsPackage(packagePath: options.packagePath, executable: options.executable, scratchPath: options.scratchPath)
        let executable: String
        do {
            executable = try package.build()
        } catch {
            Failure.exit(error)
        }
        let arguments = command + (options.schema.map { ["--schema", $0] } ?? [])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        do {
            try process.run()
        } catch {
            Failure.exit(MigrateForwardingError(
                description: "cannot run \(executable): build it with `swift build --product \(options.executable)` "
                    + "and check its permissions"))
        }
        process.waitUntilExit()
        Codegen.exit(withError: process.terminationStatus == 0 ? nil : ExitCode(process.terminationStatus))
    }

    struct Up: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "up", abstract: "Apply pending migrations.")
        @Option(name: .short, help: "Apply at most this many.") var n: Int?
        @Flag(help: "Apply pending migrations that sort before the last applied one (a branch merged late).")
        var allowOutOfOrder = false
        @Flag(help: "Print the SQL each pending migration would run, and touch nothing.")
        var dryRun = false
        @OptionGroup var options: Options
        func validate() throws {
            if let n, n < 1 { throw ValidationError("-n takes a positive number") }
        }
        func run() throws {
            let flags = (n.map { ["-n", String($0)] } ?? []) + (allowOutOfOrder ? ["--allow-out-of-order"] : []) + (dryRun ? ["--dry-run"] : [])
            try perform(.up(count: n, allowOutOfOrder: allowOutOfOrder, dryRun: dryRun), ["up"] + flags, options: options)
        }
    }

    struct Down: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "down", abstract: "Roll back the last migrations (default 1).")
        @Option(name: .short, help: "Roll back this many.") var n: Int?
        @OptionGroup var options: Options
        func validate() throws {
            if let n, n < 1 { throw ValidationError("-n takes a positive number") }
        }
        func run() throws { try perform(.down(count: n ?? 1), ["down"] + (n.map { ["-n", String($0)] } ?? []), options: options) }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "status", abstract: "List migrations and their state.")
        @Flag(help: "Exit 1 when a migration is pending, edited since it was applied, or missing from the code (for CI).")
        var check = false
        @OptionGroup var options: Options
        func run() throws { try perform(.status(check: check), ["status"] + (check ? ["--check"] : []), options: options) }
    }

    struct Repair: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "repair", abstract: "After a review, record the current checksums of edited applied migrations and forget removed ones.")
        @OptionGroup var options: Options
        func run() throws { try perform(.repair, ["repair"], options: options) }
    }

    struct Baseline: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "baseline",
            abstract: "Mark a database made before adopting migrations as migrated up to VERSION, running nothing.")
        @Argument(help: ArgumentHelp("The last migration the database already reflects.", valueName: "version"))
        var version: String
        @OptionGroup var options: Options
        func run() throws { try perform(.baseline(version: version), ["baseline", version], options: options) }
    }

    struct Fresh: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "fresh", abstract: "Drop everything in the schema, then apply all migrations.")
        @OptionGroup var options: Options
        func run() throws { try perform(.fresh, ["fresh"], options: options) }
    }

    struct Refresh: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "refresh", abstract: "Roll back all migrations, then apply them all.")
        @OptionGroup var options: Options
        func run() throws { try perform(.refresh, ["refresh"], options: options) }
    }

    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reset", abstract: "Roll back all migrations and drop the tracking table.")
        @OptionGroup var options: Options
        func run() throws { try perform(.reset, ["reset"], options: options) }
    }
}

struct MigrateForwardingError: Error, CustomStringConvertible {
    let description: String
}
