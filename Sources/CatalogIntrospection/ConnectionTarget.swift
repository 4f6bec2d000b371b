import CLibPQ
import Foundation
import PostgresConnectionInfo

/// Where to connect, resolved the way the CLI documents it: `-u`, then `DATABASE_URL`, then a
/// `DATABASE_URL` line in `.env`, then libpq's own defaults when PG* variables are set.
public struct ConnectionTarget: Sendable, Equatable {
    /// Where the connection string came from, for messages.
    public enum Source: String, Sendable {
        case argument = "-u"
        case environment = "DATABASE_URL"
        case dotEnv = ".env"
        case libpqDefaults = "PG* environment variables"
    }

    /// The string handed to libpq: a URI or `key=value` pairs. May hold a password: never print it.
    public let connectionString: String
    public let source: Source
    /// `user@host:port/database`, without any password, for messages.
    public let displayName: String

    /// Validates `connectionString` with libpq's own parser.
    public init(connectionString: String, source: Source) throws(IntrospectionError) {
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(connectionString, &errorMessage) else {
            let reason = errorMessage.map { String(cString: $0).firstLine } ?? "libpq could not parse it"
            if let errorMessage { PQfreemem(errorMessage) }
            throw .malformedConnectionString(Redaction.redact(reason, secretsIn: connectionString))
        }
        defer { PQconninfoFree(options) }
        var values: [String: String] = [:]
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val {
                values[String(cString: keyword)] = String(cString: value)
            }
            option = option.advanced(by: 1)
        }
        self.connectionString = connectionString
        self.source = source
        self.displayName = Self.describe(values, environment: ProcessInfo.processInfo.environment)
    }

    /// Resolves the connection from an explicit argument, the environment or `.env`, in the
    /// order every command shares (``ConnectionSource``).
    public static func resolve(
        argument: String?,
        environment: [String: String],
        workingDirectory: URL
    ) throws(IntrospectionError) -> ConnectionTarget {
        let source: ConnectionSource
        do {
            source = try ConnectionSource.resolve(
                argument: argument, environment: environment, dotEnvFile: workingDirectory.appendingPathComponent(".env").path)
        } catch {
            throw .noConnectionGiven
        }
        let origin: Source = switch source.origin {
        case .argument: .argument
        case .environment: .environment
        case .dotEnv: .dotEnv
        case .libpqVariables: .libpqDefaults
        }
        return try ConnectionTarget(connectionString: source.connectionString, source: origin)
    }

    private static func describe(_ values: [String: String], environment: [String: String]) -> String {
        let host = values["host"] ?? values["hostaddr"] ?? environment["PGHOST"] ?? "localhost"
        let port = values["port"] ?? environment["PGPORT"] ?? "5432"
        let user = values["user"] ?? environment["PGUSER"]
        let database = values["dbname"] ?? environment["PGDATABASE"] ?? user ?? "(default database)"
        let place = host.hasPrefix("/") ? "socket \(host)" : "\(host):\(port)"
        return "\(user.map { "\($0)@" } ?? "")\(place)/\(database)"
    }
}

/// Keeps passwords out of every message codegen prints.
enum Redaction {
    /// `message` with any password found in `connectionString` replaced by `***`.
    static func redact(_ message: String, secretsIn connectionString: String) -> String {
        var result = message
        for secret in secrets(in: connectionString) where secret.count >= 1 {
            result = result.replacingOccurrences(of: secret, with: "***")
        }
        return result
    }

    static func secrets(in connectionString: String) -> [String] {
        var found: [String] = []
        if let schemeEnd = connectionString.range(of: "://") {
            let rest = connectionString[schemeEnd.upperBound...]
            let authority = rest.prefix { $0 != "/" && $0 != "?" }
            if let at = authority.lastIndex(of: "@") {
                let userInfo = authority[..<at]
                if let colon = userInfo.firstIndex(of: ":") {
                    let password = String(userInfo[userInfo.index(after: colon)...])
                    found.append(password)
                    found.append(contentsOf: password.split(separator: "@").map(String.init))
                    found.append(password.removingPercentEncoding ?? password)
                }
            }
        }
        let patterns = [#"password\s*=\s*'((?:[^'\\]|\\.)*)'"#, #"password\s*=\s*([^\s&']+)"#]
        for pattern in patterns {
            guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { continue }
            let range = NSRange(connectionString.startIndex..., in: connectionString)
            for match in regex.matches(in: connectionString, range: range) {
                if let secretRange = Range(match.range(at: 1), in: connectionString) {
                    found.append(String(connectionString[secretRange]))
                }
            }
        }
        return found.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }
}
