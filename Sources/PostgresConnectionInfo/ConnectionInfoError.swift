/// Why a connection string, a `PG*` variable or a connection file cannot be used.
///
/// Each case carries the facts (which keyword, which value, which file and line); the
/// ``description`` is one line that says what to fix. Values of secret keywords (`password`,
/// `sslpassword`) and the password part of a URI are never included.
public enum ConnectionInfoError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `key=value` syntax: a keyword without `=` after it.
    case missingEquals(keyword: String)
    /// `key=value` syntax: a value opened with `'` and never closed.
    case unterminatedQuote(keyword: String)
    /// A keyword libpq does not know (in a string, a URI query or a service file).
    case unknownKeyword(String)
    /// URI syntax: a `%` not followed by two hex digits, or `%00`, in one part of the URI.
    case invalidPercentEncoding(part: URIPart)
    /// URI syntax: a query parameter without `=`, or with two.
    case malformedQueryParameter(URIPart, reason: QueryParameterProblem)
    /// URI syntax: `[` without `]`, `[]`, or a character other than `:`, `/`, `?`, `,` after `]`.
    case malformedIPv6Host(reason: IPv6Problem)
    /// A keyword whose value is not one of the values it takes.
    case invalidValue(keyword: String, value: String, allowed: [String])
    /// A keyword that takes an integer, given something else.
    case invalidInteger(keyword: String, value: String)
    /// A port outside 1…65535.
    case invalidPort(String)
    /// `host` and `hostaddr` list different numbers of entries.
    case hostAddressCountMismatch(hosts: Int, addresses: Int)
    /// `port` lists neither one port nor one per host.
    case portCountMismatch(ports: Int, hosts: Int)
    /// `service` (or `PGSERVICE`) names a service no service file defines.
    case serviceNotFound(String)
    /// A service file that cannot be read.
    case serviceFileUnreadable(path: String)
    /// A line in a service file that is not `keyword=value` with a known keyword.
    case serviceFileSyntax(path: String, line: Int)
    /// A service definition that itself sets `service`.
    case nestedService(path: String, line: Int)
    /// No connection string anywhere: no argument, `DATABASE_URL`, `.env` line or `PG*` variable.
    case noConnectionGiven
    /// A setting the PostgresNIO runtime cannot honour; libpq would, so ignoring it would be wrong.
    case unsupported(keyword: String, value: String, reason: String)
    /// A certificate or key file named by a keyword that cannot be used.
    case unreadableFile(keyword: String, path: String, reason: String)

    /// The part of a URI an error is in.
    public enum URIPart: Sendable, Equatable, CustomStringConvertible {
        /// Between `//` and `:` or `@`.
        case user
        /// Between `:` and `@`.
        case password
        /// The host list (every `host` of `host:port,host:port`).
        case host
        /// The port list.
        case port
        /// The path after the hosts.
        case database
        /// A query parameter's name.
        case queryName
        /// The value of the named query parameter.
        case queryValue(keyword: String)

        /// The part in words, for messages.
        public var description: String {
            switch self {
            case .user: "the user name"
            case .password: "the password"
            case .host: "the host"
            case .port: "the port"
            case .database: "the database name"
            case .queryName: "a query parameter name"
            case let .queryValue(keyword): "the value of query parameter \(keyword)"
            }
        }
    }

    /// What is wrong with a URI query parameter.
    public enum QueryParameterProblem: Sendable, Equatable {
        /// `?sslmode` alone.
        case missingEquals
        /// `?options=-c a=b`, where the second `=` should be `%3D`.
        case extraEquals
    }

    /// What is wrong with a bracketed IPv6 host.
    public enum IPv6Problem: Sendable, Equatable {
        /// `[::1` with no `]`.
        case unterminated
        /// `[]`.
        case empty
        /// `[::1]x`: the character after `]`.
        case unexpectedCharacter(Character)
    }

    /// One line: what is wrong and what to write instead.
    public var description: String {
        switch self {
        case let .missingEquals(keyword):
            return "missing \"=\" after \"\(keyword)\" in the connection string: "
                + "write keyword=value pairs separated by spaces, quoting values with spaces as 'like this'"
        case let .unterminatedQuote(keyword):
            return "the value of \(keyword) opens a quote that never closes: end it with ' (write \\' for a quote inside it)"
        case let .unknownKeyword(keyword):
            return "unknown connection keyword \"\(keyword)\": use one of libpq's keywords (host, port, dbname, user, password, sslmode, …)"
        case let .invalidPercentEncoding(part):
            return "invalid percent-encoding in \(part) of the URI: write % as %25, and every other escape as % and two hex digits (not %00)"
        case let .malformedQueryParameter(part, problem):
            let what = problem == .missingEquals ? "has no \"=\"" : "has more than one \"=\""
            return "\(part) in the URI \(what): write ?keyword=value&keyword=value, percent-encoding = as %3D inside values"
        case let .malformedIPv6Host(problem):
            switch problem {
            case .unterminated: return "an IPv6 host in the URI has no closing \"]\": write it as [::1]"
            case .empty: return "an IPv6 host in the URI is empty: write the address between the brackets, as [::1]"
            case let .unexpectedCharacter(character): return "unexpected \"\(character)\" after an IPv6 host in the URI: follow ] with :port, /database, ? or ,"
            }
        case let .invalidValue(keyword, value, allowed):
            let shown = ConnectionKeyword.named(keyword)?.isSecret == true ? "***" : value
            return "invalid \(keyword) value \"\(shown)\": use one of \(allowed.joined(separator: ", "))"
        case let .invalidInteger(keyword, value):
            return "invalid \(keyword) value \"\(value)\": use a whole number"
        case let .invalidPort(value):
            return "invalid port number \"\(value)\": use a port between 1 and 65535"
        case let .hostAddressCountMismatch(hosts, addresses):
            return "host lists \(hosts) names but hostaddr lists \(addresses) addresses: give one address per host"
        case let .portCountMismatch(ports, hosts):
            return "port lists \(ports) numbers for \(hosts) hosts: give one port for all hosts, or one per host"
        case let .serviceNotFound(service):
            return "service \"\(service)\" is not defined: add [\(service)] to ~/.pg_service.conf (or the file in PGSERVICEFILE), or fix the service name"
        case let .serviceFileUnreadable(path):
            return "cannot read the service file \(path): fix PGSERVICEFILE or the file's permissions"
        case let .serviceFileSyntax(path, line):
            return "syntax error in service file \(path), line \(line): write keyword=value with one of libpq's keywords"
        case let .nestedService(path, line):
            return "service file \(path), line \(line) sets service inside a service: remove that line"
        case .noConnectionGiven:
            return "no database given: pass -u with a postgres:// URI or 'host=… dbname=…' string, "
                + "set DATABASE_URL (in the environment or in .env), or set PGHOST/PGDATABASE"
        case let .unsupported(keyword, value, reason):
            let shown = ConnectionKeyword.named(keyword)?.isSecret == true ? "***" : value
            return "\(keyword)=\(shown) is not supported by the PostgresNIO runtime (\(reason)): remove it from the connection string or PG* variables"
        case let .unreadableFile(keyword, path, reason):
            return "cannot use \(keyword) file \(path) (\(reason)): fix the path, or create the file"
        }
    }
}
