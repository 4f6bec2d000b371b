import Foundation

/// The parts of a `postgres://user:password@host:port/database` URL, for the two stacks whose
/// libraries take them one by one (PostgresNIO and Fluent). `DatabaseClient` reads the URL itself.
///
/// No TLS: the benchmark's server is a throwaway cluster on loopback, and TLS would only add the
/// same cost to every stack. A URL that asks for it is refused rather than silently downgraded.
struct DatabaseAddress: Sendable {
    var host: String
    var port: Int
    var user: String
    var password: String?
    var database: String

    init(url text: String) throws(ServerOptions.Problem) {
        guard let components = URLComponents(string: text), ["postgres", "postgresql"].contains(components.scheme ?? ""),
              let host = components.host, let user = components.user
        else {
            throw ServerOptions.Problem(description: "DATABASE_URL must be postgres://user[:password]@host[:port]/database")
        }
        let sslMode = components.queryItems?.first { $0.name == "sslmode" }?.value
        guard sslMode == nil || sslMode == "disable" else {
            throw ServerOptions.Problem(description: "the benchmark runs without TLS: use sslmode=disable or leave it out")
        }
        self.host = host
        port = components.port ?? 5432
        self.user = user
        // `URLComponents.password` is already percent-decoded.
        password = components.password
        let path = components.path.drop { $0 == "/" }
        database = path.isEmpty ? user : String(path)
    }
}
