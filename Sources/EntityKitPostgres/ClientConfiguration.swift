import Foundation
import Logging
import NIOCore
import PostgresConnectionInfo
import PostgresNIO

extension PostgresClient.Configuration {
    /// A configuration from a connection string, resolved as libpq (and so psql and `codegen`)
    /// resolves it: a `postgres://` URI or `key=value` pairs, completed by `PG*` variables,
    /// a service file, `~/.pgpass` and libpq's defaults.
    ///
    /// `sslmode` keeps libpq's meaning: `disable` never uses TLS; `allow` and `prefer` use it when
    /// the server offers it, without verifying the certificate; `require` insists on TLS but
    /// verifies nothing unless a root certificate file exists (`sslrootcert`, or
    /// `~/.postgresql/root.crt`), in which case the chain is verified as for `verify-ca`;
    /// `verify-ca` verifies the chain against `sslrootcert` (default `~/.postgresql/root.crt`,
    /// `system` for the system's roots); `verify-full` also checks the host name. Unix-domain
    /// sockets (`host=/var/run/postgresql`) never use TLS, as in libpq.
    ///
    /// Several hosts (`host=a,b`) and `target_session_attrs` are refused: PostgresNIO's client
    /// connects to one host without checking it. ``DatabaseClient`` follows libpq's rules.
    ///
    /// - Parameters:
    ///   - connectionString: a URI or `key=value` string; empty to rely on `PG*` variables alone.
    ///   - environment: where `PG*` variables and files come from (default: this process's).
    /// - Throws: `ConnectionInfoError`, whose description says what to fix.
    public init(connectionString: String, environment: ConnectionEnvironment = .current) throws(ConnectionInfoError) {
        try self.init(resolved: ResolvedConnection(connectionString, environment: environment), environment: environment)
    }

    /// A configuration from a connection string already resolved.
    init(resolved: ResolvedConnection, environment: ConnectionEnvironment) throws(ConnectionInfoError) {
        try DriverSettings.refuseMultiHost(resolved)
        let settings = try DriverSettings(resolved, environment: environment)
        switch settings.endpoint {
        case let .unixSocket(path):
            self.init(unixSocketPath: path, username: settings.user, password: settings.password, database: settings.database)
        case let .tcp(host, port):
            let tls: TLS = switch settings.tls {
            case .disable: .disable
            case let .prefer(configuration): .prefer(configuration)
            case let .require(configuration): .require(configuration)
            }
            self.init(host: host, port: port, username: settings.user, password: settings.password, database: settings.database, tls: tls)
        }
        options.tlsServerName = settings.tlsServerName
        options.additionalStartupParameters = settings.startupParameters
        if let timeout = settings.connectTimeout { options.connectTimeout = .nanoseconds(timeout.nanoseconds) }
    }
}

extension PostgresConnection.Configuration {
    /// A configuration from a connection string, resolved as for
    /// `PostgresClient.Configuration.init(connectionString:environment:)`: one host, no
    /// `target_session_attrs` (``DatabaseClient`` takes several).
    ///
    /// - Throws: `ConnectionInfoError`, whose description says what to fix.
    public init(connectionString: String, environment: ConnectionEnvironment = .current) throws(ConnectionInfoError) {
        let resolved = try ResolvedConnection(connectionString, environment: environment)
        try DriverSettings.refuseMultiHost(resolved)
        try self.init(resolved: resolved, host: resolved.primaryHost, environment: environment)
    }

    /// A configuration for one of the hosts of a connection string already resolved.
    init(resolved: ResolvedConnection, host: ResolvedConnection.Host, environment: ConnectionEnvironment) throws(ConnectionInfoError) {
        let settings = try DriverSettings(resolved, host: host, environment: environment)
        switch settings.endpoint {
        case let .unixSocket(path):
            self.init(unixSocketPath: path, username: settings.user, password: settings.password, database: settings.database)
        case let .tcp(host, port):
            let tls: TLS
            do {
                tls = switch settings.tls {
                case .disable: .disable
                case let .prefer(configuration): .prefer(try NIOSSLContext(configuration: configuration))
                case let .require(configuration): .require(try NIOSSLContext(configuration: configuration))
                }
            } catch {
                throw .unsupported(keyword: "sslmode", value: resolved.sslMode.rawValue, reason: "TLS could not be set up: \(error)")
            }
            self.init(host: host, port: port, username: settings.user, password: settings.password, database: settings.database, tls: tls)
        }
        options.tlsServerName = settings.tlsServerName
        options.additionalStartupParameters = settings.startupParameters
        if let timeout = settings.connectTimeout { options.connectTimeout = timeout }
    }
}

extension PostgresClient {
    /// A client for the database a connection string names (see
    /// `Configuration.init(connectionString:environment:)`). Call `run()` in a task before use.
    ///
    /// PostgresNIO's pool keeps retrying a server that refuses it without saying why; calls
    /// through EntityKitPostgres give up after the standard acquire deadline. ``DatabaseClient``
    /// reports the server's reason on the first call instead.
    public convenience init(
        connectionString: String,
        environment: ConnectionEnvironment = .current,
        backgroundLogger: Logger = .entityKitSilent
    ) throws(ConnectionInfoError) {
        let resolved = try ConnectionWarnings.log(connectionString, environment: environment, to: backgroundLogger)
        self.init(configuration: try Configuration(resolved: resolved, environment: environment), backgroundLogger: backgroundLogger)
    }
}
