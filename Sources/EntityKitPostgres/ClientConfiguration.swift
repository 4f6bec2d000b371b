import Foundation
import Logging
import NIOSSL
import PostgresNIO

/// The parts of a `postgres://user:password@host:port/database?sslmode=…` URL.
///
/// `sslmode=disable` turns TLS off, `require` (and `verify-ca`, `verify-full`) demands it;
/// anything else prefers TLS and falls back to plain connections. A `host` query parameter
/// that starts with `/` names a Unix socket folder.
struct DatabaseURL {
    enum TLSMode {
        case disable, prefer, require
    }

    var host: String
    var port: Int
    var user: String
    var password: String?
    var database: String?
    var socketPath: String?
    var tls: TLSMode

    init(_ url: String) throws {
        guard let components = URLComponents(string: url), components.scheme == "postgres" || components.scheme == "postgresql" else {
            throw EntityKitPostgresError.invalidURL
        }
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        user = components.percentEncodedUser?.removingPercentEncoding ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        password = components.percentEncodedPassword?.removingPercentEncoding
        var path = components.percentEncodedPath.removingPercentEncoding ?? ""
        if path.hasPrefix("/") { path.removeFirst() }
        database = path.isEmpty ? nil : path
        host = components.host ?? "localhost"
        port = components.port ?? Int(query["port"] ?? "") ?? 5432
        if let folder = query["host"], folder.hasPrefix("/") {
            socketPath = "\(folder)/.s.PGSQL.\(port)"
        }
        switch query["sslmode"] ?? "prefer" {
        case "disable": tls = .disable
        case "require", "verify-ca", "verify-full": tls = .require
        default: tls = .prefer
        }
    }
}

extension PostgresClient.Configuration {
    /// A configuration from a `postgres://` URL (see `sslmode` and Unix sockets above).
    public init(url: String) throws {
        let parts = try DatabaseURL(url)
        if let socket = parts.socketPath {
            self.init(unixSocketPath: socket, username: parts.user, password: parts.password, database: parts.database)
            return
        }
        let tls: TLS = switch parts.tls {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
        self.init(host: parts.host, port: parts.port, username: parts.user, password: parts.password, database: parts.database, tls: tls)
    }
}

extension PostgresConnection.Configuration {
    /// A configuration from a `postgres://` URL, as for `PostgresClient`.
    public init(url: String) throws {
        let parts = try DatabaseURL(url)
        if let socket = parts.socketPath {
            self.init(unixSocketPath: socket, username: parts.user, password: parts.password, database: parts.database)
            return
        }
        let tls: TLS = switch parts.tls {
        case .disable: .disable
        case .prefer: .prefer(try .init(configuration: .makeClientConfiguration()))
        case .require: .require(try .init(configuration: .makeClientConfiguration()))
        }
        self.init(host: parts.host, port: parts.port, username: parts.user, password: parts.password, database: parts.database, tls: tls)
    }
}

extension PostgresClient {
    /// A client for the database at a `postgres://` URL. Call `run()` in a task before use.
    public convenience init(url: String, backgroundLogger: Logger = .entityKitSilent) throws {
        self.init(configuration: try Configuration(url: url), backgroundLogger: backgroundLogger)
    }
}

/// A connection URL that cannot be used.
public enum EntityKitPostgresError: Error, CustomStringConvertible, Equatable {
    case invalidURL

    public var description: String {
        switch self {
        case .invalidURL: return "not a postgres:// URL: use postgres://USER:PASSWORD@HOST:PORT/DATABASE"
        }
    }
}
