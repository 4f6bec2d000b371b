/// The command line every `migrate` front end reads (the scaffolded executable, an app's
/// `migrate` subcommand, `codegen migrate`'s forwarding), parsed once so they all agree:
///
///     migrate up [-n N] [--allow-out-of-order] [--dry-run] | down [-n N] | status [--check]
///             | repair | baseline VERSION | fresh | refresh | reset
///             [-u CONNECTION] [--schema NAME] [--sql-directory DIR]
public struct MigrationInvocation: Sendable, Equatable {
    /// The one-line usage.
    public static let usage = "usage: migrate up [-n N] [--allow-out-of-order] [--dry-run] | down [-n N] | status [--check] "
        + "| repair | baseline VERSION | fresh | refresh | reset  [-u CONNECTION] [--schema NAME] [--sql-directory DIR]"

    /// The command's name (`up`, `down`, …), or `help`.
    public var command: String
    /// `-n`: how many migrations `up` or `down` handle.
    public var count: Int?
    /// `-u`: the connection string, when given.
    public var url: String?
    /// `--schema`: the schema that holds the tracking table.
    public var schema = "public"
    /// `up --allow-out-of-order`.
    public var allowOutOfOrder = false
    /// `status --check`.
    public var check = false
    /// `up --dry-run`.
    public var dryRun = false
    /// `baseline VERSION`.
    public var version: String?
    /// `--sql-directory`: a folder of SQL migrations to apply with the Swift ones.
    public var sqlDirectory: String?

    /// Whether the user asked for the usage (`help`, `--help`, `-h`).
    public var isHelp: Bool { command == "help" }

    /// The command to perform.
    public var action: MigrationCommand {
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

    /// Reads `arguments` (without the executable's name).
    ///
    /// - Throws: ``MigrationUsageError``, one line saying what is wrong and what to write.
    public init(_ arguments: [String]) throws(MigrationUsageError) {
        var remaining = arguments[...]
        guard let command = remaining.popFirst() else { throw MigrationUsageError(Self.usage) }
        guard ["up", "down", "status", "repair", "baseline", "fresh", "refresh", "reset", "help", "--help", "-h"].contains(command) else {
            throw MigrationUsageError("unknown command \"\(command)\"; \(Self.usage)")
        }
        self.command = command.hasPrefix("-") ? "help" : command
        if command == "baseline" {
            guard let version = remaining.popFirst(), !version.hasPrefix("-") else {
                throw MigrationUsageError("baseline takes the name of the last migration the database already reflects: migrate baseline VERSION")
            }
            self.version = version
        }
        while let argument = remaining.popFirst() {
            switch argument {
            case "-n", "--count":
                guard let text = remaining.popFirst(), let value = Int(text), value > 0 else {
                    throw MigrationUsageError("-n takes a positive number")
                }
                count = value
            case "-u", "--database-url":
                guard let value = remaining.popFirst() else {
                    throw MigrationUsageError("-u takes a connection string (postgres://… or 'host=… dbname=…')")
                }
                url = value
            case "--schema":
                guard let value = remaining.popFirst() else { throw MigrationUsageError("--schema takes a name") }
                schema = value
            case "--allow-out-of-order" where command == "up":
                allowOutOfOrder = true
            case "--check" where command == "status":
                check = true
            case "--dry-run" where command == "up":
                dryRun = true
            case "--sql-directory":
                guard let value = remaining.popFirst() else { throw MigrationUsageError("--sql-directory takes a folder") }
                sqlDirectory = value
            default:
                throw MigrationUsageError("unexpected argument \"\(argument)\"; \(Self.usage)")
            }
        }
        if count != nil, command != "up", command != "down" {
            throw MigrationUsageError("-n applies to up and down only")
        }
    }
}

/// A `migrate` command line that cannot be run: what is wrong, and the usage when it helps.
public struct MigrationUsageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The one-line message.
    public let description: String

    /// An error saying `description`.
    public init(_ description: String) {
        self.description = description
    }
}

extension MigrationInvocation {
    /// What a front end does with its command line.
    public enum Reading: Sendable, Equatable {
        /// Run this invocation.
        case run(MigrationInvocation)
        /// Nothing to run: exit with this status (0 after printing the usage for `help`, 2 after
        /// printing one error line for a command line that cannot be run).
        case exit(Int32)
    }

    /// Reads `arguments` as every `migrate` front end does: the usage on standard output for
    /// `help`, one error line on standard error for a bad command line.
    public static func read(_ arguments: [String]) -> Reading {
        let invocation: MigrationInvocation
        do {
            invocation = try MigrationInvocation(arguments)
        } catch {
            MigrationCommand.printError(error.description)
            return .exit(2)
        }
        if invocation.isHelp {
            print(usage)
            return .exit(0)
        }
        return .run(invocation)
    }
}
