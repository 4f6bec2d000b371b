/// A failure a user can hit while introspecting; each message is one line that says what to do.
public enum IntrospectionError: Error, CustomStringConvertible, Equatable {
    case noConnectionGiven
    case malformedConnectionString(String)
    case authenticationFailed(target: String, detail: String)
    case databaseMissing(target: String, database: String)
    case roleMissing(target: String, role: String)
    case unreachable(target: String, reason: String)
    case connectionFailed(target: String, reason: String)
    case unsupportedServer(version: Int)
    case schemasMissing([String], database: String, available: [String])
    case queryFailed(String)
    /// A catalog query returned no column with this name: the query and its reader disagree.
    case catalogColumnMissing(query: String, column: String)
    /// A catalog query returned NULL, or something unreadable, where it promises a value.
    case catalogValueMissing(query: String, column: String, detail: String)

    public var description: String {
        switch self {
        case .noConnectionGiven:
            return "no database given: pass -u postgres://USER:PASSWORD@HOST:PORT/DATABASE, or set DATABASE_URL in the environment or in .env"
        case let .malformedConnectionString(reason):
            return "malformed connection string (\(reason)): use postgres://USER:PASSWORD@HOST:PORT/DATABASE or 'host=HOST port=PORT dbname=DATABASE user=USER'"
        case let .authenticationFailed(target, detail):
            return "cannot log in to \(target) (\(detail)): check the user and password in the URL, PGPASSWORD or ~/.pgpass"
        case let .databaseMissing(target, database):
            return "database \"\(database)\" does not exist at \(target): create it (createdb \(database)) or fix the database name in the URL"
        case let .roleMissing(target, role):
            return "role \"\(role)\" does not exist at \(target): create it or fix the user name in the URL"
        case let .unreachable(target, reason):
            return "cannot reach PostgreSQL at \(target) (\(reason)): start the server, or fix the host and port in the URL"
        case let .connectionFailed(target, reason):
            return "cannot connect to \(target) (\(reason)): check the connection string"
        case let .unsupportedServer(version):
            return "PostgreSQL \(version / 10000) is not supported: codegen needs PostgreSQL 12 or newer"
        case let .schemasMissing(missing, database, available):
            let names = missing.map { "\"\($0)\"" }.joined(separator: ", ")
            return "schema \(names) not found in database \"\(database)\" (it has \(available.joined(separator: ", "))): pass existing schemas with -s"
        case let .queryFailed(message):
            return "a catalog query failed (\(message)): check that the user may read pg_catalog, and report this if it persists"
        case let .catalogColumnMissing(query, column):
            return "the catalog query \"\(query)\" returned no column \"\(column)\": codegen's queries and its reader disagree; report this as a codegen bug"
        case let .catalogValueMissing(query, column, detail):
            return "the catalog query \"\(query)\" returned no usable \"\(column)\" (\(detail)): report this as a codegen bug, with the PostgreSQL version"
        }
    }

    /// Maps libpq's multi-line connection failure to one actionable error.
    static func classifyConnectionFailure(_ message: String, target: ConnectionTarget) -> IntrospectionError {
        let redacted = Redaction.redact(message, secretsIn: target.connectionString)
        let reason = Self.reason(in: redacted)
        let lowered = redacted.lowercased()
        let malformedMarkers = ["invalid integer value", "invalid connection option", "invalid uri", "invalid sslmode value",
                                "invalid value for parameter", "missing \"=\"", "unterminated quoted string",
                                "invalid percent-encoded token", "invalid port number"]
        if malformedMarkers.contains(where: lowered.contains) {
            return .malformedConnectionString(reason)
        }
        if lowered.contains("password authentication failed") || lowered.contains("no password supplied")
            || lowered.contains("authentication failed") || lowered.contains("password is required") {
            return .authenticationFailed(target: target.displayName, detail: reason)
        }
        if let database = quoted(after: "database ", in: redacted), lowered.contains("does not exist") {
            return .databaseMissing(target: target.displayName, database: database)
        }
        if let role = quoted(after: "role ", in: redacted), lowered.contains("does not exist") {
            return .roleMissing(target: target.displayName, role: role)
        }
        let unreachableMarkers = ["connection refused", "could not translate host name", "timeout expired",
                                  "no such file or directory", "network is unreachable", "no route to host",
                                  "could not connect", "connection timed out", "name or service not known"]
        if unreachableMarkers.contains(where: lowered.contains) {
            return .unreachable(target: target.displayName, reason: reason)
        }
        return .connectionFailed(target: target.displayName, reason: reason)
    }

    /// The most specific line of a libpq message, without its `connection to server … failed:` prefix.
    private static func reason(in message: String) -> String {
        let lines = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard var line = lines.first(where: { $0.contains("failed:") }) ?? lines.first else { return "no detail from libpq" }
        if let failed = line.range(of: "failed: ") { line = String(line[failed.upperBound...]) }
        for prefix in ["FATAL:  ", "FATAL: ", "ERROR:  "] where line.hasPrefix(prefix) {
            line = String(line.dropFirst(prefix.count))
        }
        return line.trimmingCharacters(in: .whitespaces)
    }

    private static func quoted(after marker: String, in message: String) -> String? {
        guard let start = message.range(of: marker + "\"") else { return nil }
        let rest = message[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }
}
