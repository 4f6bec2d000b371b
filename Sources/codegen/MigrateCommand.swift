import ArgumentParser
import CodegenCore
import EntityGenerator
import Foundation
import PostgresConnectionInfo

struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Scaffold migrations, and run them through the package's migrate executable.",
        subcommands: [
            MigrateInit.self, MigrateGenerate.self,
            MigrateRun.Up.self, MigrateRun.Down.self, MigrateRun.Status.self, MigrateRun.Repair.self,
            MigrateRun.Fresh.self, MigrateRun.Refresh.self, MigrateRun.Reset.self,
        ]
    )
}

/// `-d`, shared by init and generate.
struct MigrationsFolderOption: ParsableArguments {
    @Option(name: [.customShort("d"), .customLong("directory")], help: ArgumentHelp("The migrations library folder.", valueName: "dir"))
    var directory = "Sources/Migrations"

    var scaffold: MigrationScaffold { MigrationScaffold(directory: URL(fileURLWithPath: directory)) }
}

struct MigrateInit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a migrations target: a registry, a first migration, and a migrate executable.")

    @OptionGroup var folder: MigrationsFolderOption

    func run() throws {
        do {
            InterruptCleanup.installHandlers()
            let snippet = try folder.scaffold.initialize()
            print("Created \(folder.scaffold.registry.path), a first migration, and \(folder.scaffold.runnerDirectory.path)/main.swift.")
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
        abstract: "Write mYYYYMMDD_HHMMSS_NAME.swift with an up and a down to fill in, and register it.")

    @Argument(help: ArgumentHelp("The migration's name: letters, digits and underscores.", valueName: "name"))
    var name: String

    @OptionGroup var folder: MigrationsFolderOption

    @Flag(help: "Use local time in the file name instead of UTC.")
    var localTime = false

    func run() throws {
        do {
            InterruptCleanup.installHandlers()
            let file = try folder.scaffold.generate(name: name, localTime: localTime)
            print("Created \(file.path) and registered it in \(folder.scaffold.registry.path).")
        } catch {
            Failure.exit(error)
        }
    }
}

/// The runner commands, forwarded to `swift run migrate …` in the package.
enum MigrateRun {
    struct Options: ParsableArguments {
        @Option(name: [.customShort("u"), .customLong("database-url")],
                help: ArgumentHelp(
                    "PostgreSQL connection: a postgres:// URI or 'key=value' pairs, as for codegen entity.",
                    discussion: "Defaults to $DATABASE_URL, then to DATABASE_URL in ./.env, then to libpq's PG* variables; PG* variables and ~/.pgpass complete it.",
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
    }

    static func forward(_ command: String, count: Int?, flags: [String] = [], options: Options) throws -> Never {
        var arguments = ["run", "--package-path", options.packagePath]
        if let scratch = options.scratchPath { arguments += ["--scratch-path", scratch] }
        arguments += [options.executable, command]
        if let count { arguments += ["-n", String(count)] }
        arguments += flags
        if let url = options.databaseURL {
            // Fail before `swift run` builds anything; the migrate executable parses it the same way.
            do {
                _ = try ConnectionParameters(parsing: url)
            } catch {
                Failure.exit(error)
            }
            arguments += ["-u", url]
        }
        if let schema = options.schema { arguments += ["--schema", schema] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift"] + arguments
        do {
            try process.run()
        } catch {
            Failure.exit(MigrateForwardingError(description: "cannot run `swift \(arguments.joined(separator: " "))`: check that swift is on PATH"))
        }
        process.waitUntilExit()
        Codegen.exit(withError: process.terminationStatus == 0 ? nil : ExitCode(process.terminationStatus))
    }

    struct Up: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "up", abstract: "Apply pending migrations.")
        @Option(name: .short, help: "Apply at most this many.") var n: Int?
        @Flag(help: "Apply pending migrations that sort before the last applied one (a branch merged late).")
        var allowOutOfOrder = false
        @OptionGroup var options: Options
        func run() throws { try forward("up", count: n, flags: allowOutOfOrder ? ["--allow-out-of-order"] : [], options: options) }
    }

    struct Down: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "down", abstract: "Roll back the last migrations (default 1).")
        @Option(name: .short, help: "Roll back this many.") var n: Int?
        @OptionGroup var options: Options
        func run() throws { try forward("down", count: n, options: options) }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "status", abstract: "List migrations and their state.")
        @Flag(help: "Exit 1 when a migration is pending, edited since it was applied, or missing from the code (for CI).")
        var check = false
        @OptionGroup var options: Options
        func run() throws { try forward("status", count: nil, flags: check ? ["--check"] : [], options: options) }
    }

    struct Repair: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "repair", abstract: "After a review, record the current checksums of edited applied migrations and forget removed ones.")
        @OptionGroup var options: Options
        func run() throws { try forward("repair", count: nil, options: options) }
    }

    struct Fresh: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "fresh", abstract: "Drop everything in the schema, then apply all migrations.")
        @OptionGroup var options: Options
        func run() throws { try forward("fresh", count: nil, options: options) }
    }

    struct Refresh: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "refresh", abstract: "Roll back all migrations, then apply them all.")
        @OptionGroup var options: Options
        func run() throws { try forward("refresh", count: nil, options: options) }
    }

    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reset", abstract: "Roll back all migrations and drop the tracking table.")
        @OptionGroup var options: Options
        func run() throws { try forward("reset", count: nil, options: options) }
    }
}

struct MigrateForwardingError: Error, CustomStringConvertible {
    let description: String
}
