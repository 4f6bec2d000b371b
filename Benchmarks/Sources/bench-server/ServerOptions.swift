/// The database layer a server runs over.
enum StackName: String, CaseIterable, Sendable {
    /// (a) The generated models and EntityKitPostgres' `DatabaseClient`, as the example service uses them.
    case entitykit
    /// (b) Hand-written SQL over PostgresNIO's `PostgresClient`, prepared statements, positional decoding.
    case postgresnio
    /// (c) A Fluent model over fluent-kit and fluent-postgres-driver, without Vapor.
    case fluent
}

/// What `bench-server` reads from its command line and environment.
struct ServerOptions: Sendable {
    static let usage = """
        usage: bench-server --stack entitykit|postgresnio|fluent [--host 127.0.0.1] [--port 8080] [--connections 4]
                            [--observability example|off]
        environment: DATABASE_URL (postgres://user:password@host:port/database)
        """

    /// How EntityKitPostgres reports statements (stack (a) only).
    enum ObservabilityChoice: String, Sendable {
        /// As the example service sets it up: statement lines at debug, slow statements logged,
        /// metrics and spans through the process's bootstrapped backends (none here: no-ops).
        case example
        /// `DatabaseClient`'s default: nothing reported.
        case off
    }

    /// A command line that cannot be used: what is wrong with it.
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    var stack: StackName
    var host = "127.0.0.1"
    var port = 8080
    /// The most connections each stack's pool opens: the same for all three.
    var connections = 4
    var observability = ObservabilityChoice.example
    var databaseURL: String

    init(arguments: [String], environment: [String: String]) throws(Problem) {
        var stack: StackName?
        var remaining = arguments[...]
        while let flag = remaining.popFirst() {
            guard let value = remaining.popFirst() else { throw Problem(description: "\(flag) needs a value") }
            switch flag {
            case "--stack":
                guard let name = StackName(rawValue: value) else {
                    throw Problem(description: "--stack must be one of \(StackName.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                stack = name
            case "--host":
                host = value
            case "--port":
                guard let number = Int(value), (0...65535).contains(number) else { throw Problem(description: "--port must be 0 to 65535") }
                port = number
            case "--connections":
                guard let number = Int(value), (1...1000).contains(number) else { throw Problem(description: "--connections must be 1 to 1000") }
                connections = number
            case "--observability":
                guard let choice = ObservabilityChoice(rawValue: value) else { throw Problem(description: "--observability must be example or off") }
                observability = choice
            default:
                throw Problem(description: "unknown option \(flag)")
            }
        }
        guard let stack else { throw Problem(description: "--stack is required") }
        guard let url = environment["DATABASE_URL"], !url.isEmpty else { throw Problem(description: "DATABASE_URL is not set") }
        self.stack = stack
        databaseURL = url
    }
}
