import ArgumentParser
import CatalogIntrospection
import Foundation

/// The `-u` option shared by every command that reads a live database.
struct ConnectionOptions: ParsableArguments {
    @Option(name: [.customShort("u"), .customLong("database-url")],
            help: ArgumentHelp(
                "PostgreSQL connection: a postgres:// URI or 'key=value' pairs, as psql takes them.",
                discussion: "Defaults to $DATABASE_URL, then to DATABASE_URL in ./.env, then to libpq's PG* variables.",
                valueName: "url"))
    var databaseURL: String?

    /// Resolves where to connect, as documented on `-u`.
    func target() throws -> ConnectionTarget {
        try ConnectionTarget.resolve(
            argument: databaseURL,
            environment: ProcessInfo.processInfo.environment,
            workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }
}

/// Prints a user-facing failure as one line on stderr and exits non-zero.
enum Failure {
    /// Prints the error as one line on stderr, in the command line's terms, and exits with 1.
    static func exit(_ error: Error, context: CommandLineMessages.Context = .other) -> Never {
        let message = CommandLineMessages.message(for: error, in: context)
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        Codegen.exit(withError: ExitCode(1))
    }
}

/// Writes to stderr.
enum StandardError {
    static func print(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
