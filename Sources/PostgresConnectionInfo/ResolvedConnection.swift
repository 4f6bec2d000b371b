/// A connection string resolved the way libpq resolves it before connecting: defaults from the
/// environment applied, hosts and ports paired, the user and database defaulted, the password
/// looked up in the password file, and every enumerated value checked.
///
/// ```swift
/// let connection = try ResolvedConnection("host=db.internal dbname=app")   // PGUSER, ~/.pgpass, … apply
/// connection.hosts[0].endpoint   // .tcp(host: "db.internal", port: 5432)
/// ```
public struct ResolvedConnection: Sendable {
    /// One server to try. libpq and `DatabaseClient` try them in order (or shuffled with
    /// `load_balance_hosts=random`) until one qualifies for `target_session_attrs`.
    public struct Host: Sendable, Equatable {
        /// Where to open the socket.
        public enum Endpoint: Sendable, Equatable {
            /// A TCP connection to a host name or IP address.
            case tcp(host: String, port: Int)
            /// A Unix-domain socket file, `<folder>/.s.PGSQL.<port>`.
            case unixSocket(path: String)
        }

        /// `host` as given, or the default socket folder: the name TLS verifies and `.pgpass` matches.
        public var name: String
        /// `hostaddr`, when given: the address to connect to instead of looking `name` up.
        public var address: String?
        /// The port.
        public var port: Int
        /// Where to connect.
        public var endpoint: Endpoint
        /// The password for this host: `password` / `PGPASSWORD`, else the password file's.
        public var password: String?
        /// True when ``password`` came from the password file.
        public var passwordFromFile: Bool

        /// True for a Unix-domain socket, where libpq never uses TLS.
        public var isUnixSocket: Bool {
            if case .unixSocket = endpoint { return true }
            return false
        }

        /// `host:port` (`[::1]:5432` for IPv6, `socket /folder/.s.PGSQL.5432`), never with a
        /// password: for messages naming the host.
        public var displayName: String {
            switch endpoint {
            case .tcp: "\(name.contains(":") ? "[\(name)]" : name):\(port)"
            case let .unixSocket(path): "socket \(path)"
            }
        }
    }

    /// Every keyword's value after defaults (the string's own, the service's, `PG*`, built-ins).
    public let parameters: ConnectionParameters
    /// The servers, in order (at least one).
    public let hosts: [Host]
    /// The user name.
    public let user: String
    /// The database name (the user name when none is given).
    public let database: String
    /// How TLS is negotiated and verified.
    public let sslMode: SSLMode
    /// Seconds to wait for a connection; `nil` means no limit (libpq treats 1 as 2).
    public let connectTimeout: Int?
    /// Problems libpq reports on stderr without failing, such as an insecure password file.
    public let warnings: [String]

    /// The first host: the one a single-host driver (PostgresNIO's own client) connects to.
    public var primaryHost: Host { hosts[0] }

    /// What a server must be for a connection to it to be kept (`target_session_attrs`).
    public var targetSessionAttributes: TargetSessionAttributes {
        parameters["target_session_attrs"].flatMap { TargetSessionAttributes(rawValue: $0) } ?? .any
    }

    /// True when hosts are tried in a random order (`load_balance_hosts=random`), spreading
    /// connections across them.
    public var loadBalancesHosts: Bool {
        parameters["load_balance_hosts"] == "random"
    }

    /// Parses and resolves a URI or `key=value` string in `environment`.
    public init(_ connectionString: String, environment: ConnectionEnvironment = .current) throws(ConnectionInfoError) {
        try self.init(ConnectionParameters(parsing: connectionString), environment: environment)
    }

    /// Resolves parsed parameters in `environment`.
    public init(_ explicit: ConnectionParameters, environment: ConnectionEnvironment = .current) throws(ConnectionInfoError) {
        let parameters = try explicit.withDefaults(from: environment)
        guard let user = parameters["user"].flatMap({ $0.isEmpty ? nil : $0 }) ?? environment.userName else {
            throw .invalidValue(keyword: "user", value: "", allowed: ["a user name (set user, PGUSER, or run as a user with a name)"])
        }
        let database = parameters["dbname"].flatMap { $0.isEmpty ? nil : $0 } ?? user
        try ValueChecks.validate(parameters)
        var hosts = try HostList.resolve(parameters, environment: environment)
        var warnings: [String] = []
        PasswordLookup.apply(to: &hosts, parameters: parameters, user: user, database: database, environment: environment, warnings: &warnings)
        self.parameters = parameters
        self.hosts = hosts
        self.user = user
        self.database = database
        self.sslMode = SSLMode(rawValue: parameters["sslmode"] ?? "prefer") ?? .prefer
        self.connectTimeout = try ValueChecks.connectTimeout(parameters["connect_timeout"])
        self.warnings = warnings
    }

    /// `application_name`, else `fallback_application_name`, when either is non-empty.
    public var applicationName: String? {
        [parameters["application_name"], parameters["fallback_application_name"]].lazy
            .compactMap { $0 }.first { !$0.isEmpty }
    }

    /// `options` (command-line options for the server, such as `-c search_path=app`), when non-empty.
    public var serverOptions: String? {
        parameters["options"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `user@host:port/database` (or `user@socket /folder/database`), never with a password:
    /// for messages.
    public var displayName: String {
        let place = hosts.count == 1 ? primaryHost.displayName : hosts.map(\.displayName).joined(separator: ",")
        return "\(user)@\(place)/\(database)"
    }
}

/// libpq's `sslmode` values.
public enum SSLMode: String, Sendable, CaseIterable {
    /// No TLS.
    case disable
    /// Plain first, TLS if the server insists; no verification.
    case allow
    /// TLS if the server offers it, else plain; no verification (the default).
    case prefer
    /// TLS or fail; the certificate is not verified unless a root certificate file exists.
    case require
    /// TLS, with the certificate chain verified against the root certificates.
    case verifyCA = "verify-ca"
    /// TLS, with the chain verified and the host name checked against the certificate.
    case verifyFull = "verify-full"
}
