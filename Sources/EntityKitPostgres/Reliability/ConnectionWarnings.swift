import Logging
import PostgresConnectionInfo

/// What libpq would print on stderr about a connection string, said to a client's logger: a
/// password file ignored for its permissions, settings a PostgresNIO connection cannot honour.
enum ConnectionWarnings {
    /// Keywords libpq honours that a PostgresNIO connection cannot: accepted, and said.
    static let ignoredKeywords = [
        "keepalives", "keepalives_idle", "keepalives_interval", "keepalives_count", "tcp_user_timeout",
        "sslcompression", "krbsrvname", "gsslib", "gssdelegation",
    ]

    /// Resolves `connectionString`, logs its warnings at `.warning`, and returns it resolved.
    static func log(_ connectionString: String, environment: ConnectionEnvironment, to logger: Logger) throws(ConnectionInfoError) -> ResolvedConnection {
        let explicit = try ConnectionParameters(parsing: connectionString)
        let resolved = try ResolvedConnection(explicit, environment: environment)
        for warning in resolved.warnings { logger.warning("\(warning)") }
        for keyword in ignoredKeywords where explicit[keyword].map({ !$0.isEmpty }) == true {
            logger.warning("connection setting \(keyword) is ignored: PostgresNIO has no such setting")
        }
        return resolved
    }
}
