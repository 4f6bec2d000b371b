/// How long the runtime waits for each thing that can hang: connecting, getting a connection
/// from the pool, a statement, and a cancelled statement's stop.
///
/// Every wait in EntityKitPostgres has one of these bounds; when it passes, the call throws
/// (``EntityKitPostgresError``) instead of waiting on, a statement is cancelled on the server,
/// and a connection that cannot be proven clean is closed.
///
/// ```swift
/// let db = try DatabaseClient(connectionString: url,
///                             options: .init(deadlines: Deadlines(statement: .seconds(5))))
/// ```
public struct Deadlines: Sendable, Hashable {
    /// Opening a connection: TCP, TLS, authentication and the first exchange. A connection
    /// string's `connect_timeout` (seconds) sets it, as in libpq. Default 10 seconds.
    public var connect: Duration
    /// Waiting for a pooled connection when all are in use. Default 30 seconds.
    public var acquire: Duration
    /// One statement, from sending it to its last row; nil (the default) lets statements run
    /// as long as the server does (set `statement_timeout` on the server, or this).
    public var statement: Duration?
    /// How long a statement cancelled on the server (deadline, task cancellation, a stream
    /// left early) may take to stop before its connection is closed instead. Default 2 seconds.
    public var cancelGrace: Duration

    /// The default bounds: connect 10 s, acquire 30 s, no statement deadline, cancel grace 2 s.
    public init(
        connect: Duration = .seconds(10), acquire: Duration = .seconds(30),
        statement: Duration? = nil, cancelGrace: Duration = .seconds(2)
    ) {
        self.connect = connect
        self.acquire = acquire
        self.statement = statement
        self.cancelGrace = cancelGrace
    }

    /// The bounds used when a runner was not given any (a plain `PostgresClient` or
    /// `PostgresConnection`).
    public static let standard = Deadlines()

    /// The longest bound the runtime accepts (a year): longer ones would overflow the clock.
    public static let longest = Duration.seconds(365 * 24 * 3600)

    /// Throws when a bound is zero, negative or longer than ``longest``.
    public func validate() throws(EntityKitPostgresError) {
        let bounds: [(String, Duration?)] = [("connect", connect), ("acquire", acquire), ("statement", statement), ("cancelGrace", cancelGrace)]
        for (name, bound) in bounds {
            guard let bound else { continue }
            if bound <= .zero || bound > Self.longest {
                throw .invalidArgument(name: "deadline \(name)", value: "\(bound)", expected: "more than zero and at most a year")
            }
        }
    }
}
