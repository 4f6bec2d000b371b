import Foundation
import PostgresConnectionInfo
import PostgresNIO

/// The command line of a migrations executable, as `codegen migrate init` scaffolds it:
///
///     migrate up [-n N] [--allow-out-of-order] | down [-n N] | status [--check] | repair
///             | fresh | refresh | reset   [-u URL] [--schema NAME]
///
/// The connection comes from `-u`, then `DATABASE_URL`, then `DATABASE_URL` in `./.env`, then `PG*`
/// variables alone; it is a URI or `key=value` string completed by `PG*` variables and `.pgpass`,
/// exactly as for `codegen entity -u`.
public enum MigrationCommandLine {
    static let usage = "usage: migrate up [-n N] [--allow-out-of-order] | down [-n N] | status [--check] | repair | fresh | refresh | reset  [-u CONNECTION] [--schema NAME]"

    /// Runs the command in `arguments` and returns the process exit status.
    public static func run(_ migrations: [any Migration], arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Int32 {
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
        let status = await perform(invocation, with: MigrationRunner(connection: connection, migrations: migrations, schema: invocation.schema))
        try? await connection.close()
        return status
    }

    private static func perform(_ invocation: Invocation, with runner: MigrationRunner) async -> Int32 {
        do {
            switch invocation.command {
            case "up": report(try await runner.up(count: invocation.count, allowOutOfOrder: invocation.allowOutOfOrder))
            case "down": report(try await runner.down(count: invocation.count ?? 1))
            case "status":
                let statuses = try await runner.status()
                printStatus(statuses)
                // For CI: anything pending, edited or missing fails the check.
                if invocation.check && statuses.contains(where: { $0.state != .applied }) {
                    printError("status --check: \(statuses.filter { $0.state != .applied }.count) migrations are not applied as in the code")
                    return 1
                }
            case "repair": report(try await runner.repair())
            case "fresh": report(try await runner.fresh())
            case "refresh": report(try await runner.refresh())
            case "reset": report(try await runner.reset())
            default: return 2
            }
            return 0
        } catch {
            printError(MigrationError.describe(error))
            return 1
        }
    }

    struct Invocation {
        var command: String
        var count: Int?
        var url: String?
        var schema = "public"
        var allowOutOfOrder = false
        var check = false

        init(_ arguments: [String]) throws {
            var remaining = arguments[...]
            guard let command = remaining.popFirst() else { throw UsageError(MigrationCommandLine.usage) }
            guard ["up", "down", "status", "repair", "fresh", "refresh", "reset", "help", "--help", "-h"].contains(command) else {
                throw UsageError("unknown command \"\(command)\"; \(MigrationCommandLine.usage)")
            }
            self.command = command.hasPrefix("-") ? "help" : command
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

    private static func report(_ report: MigrationReport) {
        for warning in report.warnings { printError("warning: \(warning)") }
        for name in report.rolledBack { print("Rolled back \(name)") }
        for name in report.applied { print("Applied \(name)") }
        for line in report.repaired { print("Repaired \(line)") }
        if report.applied.isEmpty && report.rolledBack.isEmpty && report.repaired.isEmpty { print("Nothing to do.") }
    }

    private static func printStatus(_ statuses: [MigrationStatus]) {
        if statuses.isEmpty { print("No migrations.") }
        for status in statuses {
            let when = status.appliedAt.map { "  applied \($0.postgresLiteral)" } ?? ""
            print("\(status.state.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0))\(status.name)\(when)")
        }
        let drifted = statuses.filter { $0.state == .changedSinceApplied || $0.state == .missingFromCode }
        for status in drifted {
            printError("warning: \(status.name) is \(status.state.rawValue)")
        }
    }

    private static func printError(_ line: String) {
        FileHandle.standardError.write(Data("\(line.hasPrefix("warning:") ? "" : "error: ")\(line)\n".utf8))
    }
}
