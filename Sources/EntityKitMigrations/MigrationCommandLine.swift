import Foundation
import PostgresConnectionInfo
import PostgresNIO

/// The command line of a migrations executable, as `codegen migrate init` scaffolds it:
///
///     migrate up [-n N] [--allow-out-of-order] [--dry-run] | down [-n N] | status [--check]
///             | repair | baseline VERSION | fresh | refresh | reset
///             [-u URL] [--schema NAME] [--sql-directory DIR]
///
/// `--sql-directory` adds the SQL migrations of a folder (`VERSION.up.sql`, `VERSION.down.sql`)
/// to the Swift ones; `codegen migrate` passes the migrations target's `SQL` folder.
///
/// The connection comes from `-u`, then `DATABASE_URL`, then `DATABASE_URL` in `./.env`, then `PG*`
/// variables alone; it is a URI or `key=value` string completed by `PG*` variables and `.pgpass`,
/// exactly as for `codegen entity -u`.
public enum MigrationCommandLine {
    static let usage = "usage: migrate up [-n N] [--allow-out-of-order] [--dry-run] | down [-n N] | status [--check] | repair | baseline VERSION | fresh | refresh | reset  [-u CONNECTION] [--schema NAME] [--sql-directory DIR]"

    /// Runs the command in `arguments` and returns the process exit status.
    ///
    /// - Parameters:
    ///   - migrations: the Swift migrations (`Migrator.all`).
    ///   - sqlDirectory: a folder of SQL migrations to apply with them, when it exists;
    ///     `--sql-directory` overrides it.
    ///   - arguments: the command line, without the executable's name.
    public static func run(_ migrations: [any Migration], sqlDirectory: URL? = nil,
                           arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Int32 {
        let invocation: Invocation
        do {
            invocation = try Invocation(arguments)
        } catch {
            printError("\(error)")
            return 2
        }
        if invocation.command == "help" {
            print(usage)
            return 0
        }
        var migrations = migrations
        let folder = invocation.sqlDirectory.map { URL(fileURLWithPath: $0) }
            ?? sqlDirectory.flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil }
        if let folder {
            do {
                migrations += try SQLFileMigration.all(in: folder)
            } catch {
                printError("\(error)")
                return 1
            }
        }
        // The same sources and semantics as `codegen entity -u`: URI or key=value, PG*, .pgpass.
        let configuration: PostgresConnection.Configuration
        let target: String
        do {
            let source = try ConnectionSource.resolve(
                argument: invocation.url, environment: ProcessInfo.processInfo.environment, dotEnvFile: ".env")
            configuration = try PostgresConnection.Configuration(connectionString: source.connectionString)
            target = try ResolvedConnection(source.connectionString).displayName
        } catch {
            printError("\(error)")
            return 1
        }
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: .entityKitSilent)
        } catch {
            printError("cannot connect to \(target): \(ConnectionFailure.describe(error))")
            return 1
        }
        let runner = MigrationRunner(connection: connection, migrations: migrations, schema: invocation.schema)
        let status = await invocation.action.perform(with: runner.engine, on: PostgresMigrationSession(connection: connection, logger: runner.logger))
        try? await connection.close()
        return status
    }

    struct Invocation {
        var command: String
        var count: Int?
        var url: String?
        var schema = "public"
        var allowOutOfOrder = false
        var check = false
        var dryRun = false
        var version: String?
        var sqlDirectory: String?

        /// The command to perform.
        var action: MigrationCommand {
            switch command {
            case "up": .up(count: count, allowOutOfOrder: allowOutOfOrder, dryRun: dryRun)
            case "down": .down(count: count ?? 1)
            case "status": .status(check: check)
            case "repair": .repair
            case "baseline": .baseline(version: version ?? "")
            case "fresh": .fresh
            case "refresh": .refresh
            default: .reset
            }
        }

        init(_ arguments: [String]) throws {
            var remaining = arguments[...]
            guard let command = remaining.popFirst() else { throw UsageError(MigrationCommandLine.usage) }
            guard ["up", "down", "status", "repair", "baseline", "fresh", "refresh", "reset", "help", "--help", "-h"].contains(command) else {
                throw UsageError("unknown command \"\(command)\"; \(MigrationCommandLine.usage)")
            }
            self.command = command.hasPrefix("-") ? "help" : command
            if command == "baseline" {
                guard let version = remaining.popFirst(), !version.hasPrefix("-") else {
                    throw UsageError("baseline takes the name of the last migration the database already reflects: migrate baseline VERSION")
                }
                self.version = version
            }
            while let argument = remaining.popFirst() {
                switch argument {
                case "-n", "--count":
                    guard let text = remaining.popFirst(), let value = Int(text), value > 0 else {
                        throw UsageError("-n takes a positive number")
                    }
                    count = value
                case "-u", "--database-url":
                    guard let value = remaining.popFirst() else { throw UsageError("-u takes a connection string (postgres://… or 'host=… dbname=…')") }
                    url = value
                case "--schema":
                    guard let value = remaining.popFirst() else { throw UsageError("--schema takes a name") }
                    schema = value
                case "--allow-out-of-order" where command == "up":
                    allowOutOfOrder = true
                case "--check" where command == "status":
                    check = true
                case "--dry-run" where command == "up":
                    dryRun = true
                case "--sql-directory":
                    guard let value = remaining.popFirst() else { throw UsageError("--sql-directory takes a folder") }
                    sqlDirectory = value
                default:
                    throw UsageError("unexpected argument \"\(argument)\"; \(MigrationCommandLine.usage)")
                }
            }
            if count != nil, command != "up", command != "down" {
                throw UsageError("-n applies to up and down only")
            }
        }
    }

    struct UsageError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    private static func printError(_ line: String) {
        MigrationCommand.printError(line)
    }
}
