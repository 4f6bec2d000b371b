import Foundation

/// Where a command's connection string comes from, in the order every command documents:
/// `-u`, then `DATABASE_URL`, then `DATABASE_URL` in `./.env`, then libpq's `PG*` variables on
/// their own (an empty string, which the environment completes).
public struct ConnectionSource: Sendable, Equatable {
    /// Which of the places it came from.
    public enum Origin: String, Sendable {
        /// The command's `-u` option.
        case argument = "-u"
        /// The `DATABASE_URL` environment variable.
        case environment = "DATABASE_URL"
        /// A `DATABASE_URL=` line in `./.env`.
        case dotEnv = ".env"
        /// No string: `PG*` variables say where to connect.
        case libpqVariables = "PG* environment variables"
    }

    /// The URI or `key=value` string; may hold a password, so never print it.
    public let connectionString: String
    /// Where it came from, for messages.
    public let origin: Origin

    /// A source with the given string and origin.
    public init(connectionString: String, origin: Origin) {
        self.connectionString = connectionString
        self.origin = origin
    }

    /// The variables that, set on their own, say where to connect.
    public static let libpqVariables = ["PGHOST", "PGHOSTADDR", "PGPORT", "PGDATABASE", "PGUSER", "PGSERVICE"]

    /// Picks the connection string.
    ///
    /// - Throws: ``ConnectionInfoError/noConnectionGiven`` when none of the places has one.
    public static func resolve(
        argument: String?,
        environment: [String: String],
        dotEnvFile: String,
        fileSystem: any ConnectionFileSystem = LocalFileSystem()
    ) throws(ConnectionInfoError) -> ConnectionSource {
        if let argument, !argument.isEmpty {
            return ConnectionSource(connectionString: argument, origin: .argument)
        }
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            return ConnectionSource(connectionString: url, origin: .environment)
        }
        if let url = DotEnvFile(contentsOf: dotEnvFile, fileSystem: fileSystem)?["DATABASE_URL"], !url.isEmpty {
            return ConnectionSource(connectionString: url, origin: .dotEnv)
        }
        if libpqVariables.contains(where: { environment[$0] != nil }) {
            return ConnectionSource(connectionString: "", origin: .libpqVariables)
        }
        throw .noConnectionGiven
    }
}
