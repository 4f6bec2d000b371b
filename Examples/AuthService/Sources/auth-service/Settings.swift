import EntityKitMigrationsPostgres

/// The deployment the process runs in (`APP_ENV`): `local` and `test` migrate the database at
/// start-up; `production` never does, so that a deploy migrates once, on purpose, with
/// `auth-service migrate up`.
enum Profile: String, CaseIterable {
    case local, test, production

    var migratesAtStartUp: Bool { self != .production }
}

/// What the process reads from its environment.
struct Settings {
    var profile: Profile
    var databaseURL: String
    var host: String
    var port: Int
    var logLevel: Logger.Level

    /// A setting that cannot be used: one line saying which and what to do.
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads `APP_ENV` (default `production`: nothing migrates by surprise), `DATABASE_URL`
    /// (required), `HOST` (127.0.0.1), `PORT` (8080) and `LOG_LEVEL` (info; `debug` shows every
    /// statement the service sends).
    init(environment: [String: String]) throws(Problem) {
        let profileName = environment["APP_ENV"] ?? Profile.production.rawValue
        guard let profile = Profile(rawValue: profileName) else {
            throw Problem(description: "APP_ENV must be one of \(Profile.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let databaseURL = environment["DATABASE_URL"], !databaseURL.isEmpty else {
            throw Problem(description: "DATABASE_URL is not set: give the PostgreSQL connection string, e.g. postgres://app@localhost/app")
        }
        let portText = environment["PORT"] ?? "8080"
        guard let port = Int(portText), (0...65535).contains(port) else {
            throw Problem(description: "PORT must be a number from 0 to 65535")
        }
        let levelName = environment["LOG_LEVEL"] ?? "info"
        guard let logLevel = Logger.Level(rawValue: levelName) else {
            throw Problem(description: "LOG_LEVEL must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.profile = profile
        self.databaseURL = databaseURL
        host = environment["HOST"] ?? "127.0.0.1"
        self.port = port
        self.logLevel = logLevel
    }
}
