import Foundation
import Logging
import NIOSSL
import PostgresNIO

extension PostgresClient.Configuration {
    /// A configuration from a `postgres://user:password@host:port/database?sslmode=…` URL.
    ///
    /// `sslmode=disable` turns TLS off, `require` (and `verify-ca`, `verify-full`) demands it;
    /// anything else prefers TLS and falls back to plain connections. A `host` query parameter
    /// that starts with `/` names a Unix socket folder.
    public init(url: String) throws {
        guard let components = URLComponents(string: url), components.scheme == "postgres" || components.scheme == "postgresql" else {
            throw EntityKitPostgresError.invalidQuery("not a postgres:// URL; use postgres://USER:PASSWORD@HOST:PORT/DATABASE")
        }
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        let user = components.percentEncodedUser?.removingPercentEncoding ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        let password = components.percentEncodedPassword?.removingPercentEncoding
        var database = components.percentEncodedPath.removingPercentEncoding ?? ""
        if database.hasPrefix("/") { database.removeFirst() }
        let databaseName = database.isEmpty ? nil : database
        if let socketFolder = query["host"], socketFolder.hasPrefix("/") {
            let port = components.port ?? Int(query["port"] ?? "") ?? 5432
            self.init(unixSocketPath: "\(socketFolder)/.s.PGSQL.\(port)", username: user, password: password, database: databaseName)
            return
        }
        let tls: TLS
        switch query["sslmode"] ?? "prefer" {
        case "disable": tls = .disable
        case "require", "verify-ca", "verify-full": tls = .require(.makeClientConfiguration())
        default: tls = .prefer(.makeClientConfiguration())
        }
        self.init(host: components.host ?? "localhost", port: components.port ?? 5432, username: user,
                  password: password, database: databaseName, tls: tls)
    }
}

extension PostgresClient {
    /// A client for the database at a `postgres://` URL (see
    /// ``PostgresNIO/PostgresClient/Configuration/init(url:)``). Call `run()` in a task before use.
    public convenience init(url: String, backgroundLogger: Logger = .entityKitSilent) throws {
        self.init(configuration: try Configuration(url: url), backgroundLogger: backgroundLogger)
    }
}
