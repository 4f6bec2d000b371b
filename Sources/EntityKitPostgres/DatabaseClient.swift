import Logging
import PostgresConnectionInfo
import PostgresNIO

/// A pool of connections to one database (on one server, or on the first of several that
/// qualifies, as libpq picks it), with the runtime's promise: no call waits without
/// bound, a connection the server closed fails its statement at once and is replaced, a
/// cancelled task cancels its statement on the server, and a transaction commits or throws.
///
/// ```swift
/// let db = try DatabaseClient(connectionString: "postgres://app@localhost/app")
/// Task { await db.run() }        // closes idle connections over time; ends with the app
/// let user = try await db.find(User.self, key: id)
/// ```
///
/// Every EntityKitPostgres operation works on it. The first call on a client whose server
/// refuses it (a wrong password, an unknown database, TLS, nothing listening) fails within the
/// connect deadline with ``EntityKitPostgresError/connectionFailed(_:)`` and the server's
/// reason, never a hang.
public final class DatabaseClient: PostgresQueryRunner, Sendable {
    /// How the client pools connections and how long it waits.
    public struct Options: Sendable, Hashable {
        /// The most connections open at once. Default 20.
        public var maximumConnections: Int
        /// How long a connection may sit unused before ``DatabaseClient/run()`` closes it;
        /// nil keeps them open. Default 60 seconds.
        public var idleTimeout: Duration?
        /// The bounds on every wait. A connection string's `connect_timeout` sets
        /// ``Deadlines/connect``.
        public var deadlines: Deadlines
        /// Whether a write outside a transaction returns only once the server has committed it
        /// (one more round trip per such write; see the Reliability article). Default true.
        /// False reports a write at the server's answer to the statement, as PostgresNIO does:
        /// a commit that fails after it (a deferred constraint) or never happens (a crash) then
        /// goes unreported.
        public var confirmsCommits: Bool

        /// Options with these values (20 connections, 60 s idle timeout, the standard deadlines,
        /// commits confirmed by default).
        public init(
            maximumConnections: Int = 20, idleTimeout: Duration? = .seconds(60), deadlines: Deadlines = Deadlines(), confirmsCommits: Bool = true
        ) {
            self.maximumConnections = maximumConnections
            self.idleTimeout = idleTimeout
            self.deadlines = deadlines
            self.confirmsCommits = confirmsCommits
        }

        /// Throws when a value is out of range.
        public func validate() throws(EntityKitPostgresError) {
            guard (1...10_000).contains(maximumConnections) else {
                throw .invalidArgument(name: "maximumConnections", value: "\(maximumConnections)", expected: "from 1 to 10000")
            }
            if let idleTimeout, idleTimeout <= .zero || idleTimeout > Deadlines.longest {
                throw .invalidArgument(name: "idleTimeout", value: "\(idleTimeout)", expected: "more than zero and at most a year")
            }
            try deadlines.validate()
        }
    }

    /// The options the client was made with (the connect deadline as the connection string set it).
    public let options: Options
    /// Where the client logs connection warnings (an open `.pgpass`), connections it closes
    /// and cancel requests that failed.
    public let logger: Logger
    /// What the client reports about its statements and its pool (off unless given).
    public let observability: Observability
    let pool: ConnectionPool
    let policy: StatementPolicy

    /// A client for the database a connection string names, resolved as libpq (and so psql
    /// and `codegen`) resolves it: a `postgres://` URI or `key=value` pairs, completed by `PG*`
    /// variables, a service file, `~/.pgpass` and libpq's defaults. Nothing connects until the
    /// first call. Warnings libpq would print (a `.pgpass` that is ignored because others can
    /// read it) go to `logger`.
    ///
    /// Several hosts (`host=db1,db2,db3`, `postgres://db1,db2:5433/app`) are tried as libpq
    /// tries them, for every new connection: in order, or shuffled with
    /// `load_balance_hosts=random`; a host that refuses, does not answer within the connect
    /// deadline, or does not qualify for `target_session_attrs` is skipped. So a client with
    /// `target_session_attrs=read-write` follows a failover to the promoted standby.
    ///
    /// ``replica`` sends reads to standbys: those of `replicaConnectionString` when given,
    /// else the same hosts with `target_session_attrs=prefer-standby` and
    /// `load_balance_hosts=random` when the string names several, else the primary itself.
    ///
    /// `observability` says what the client reports about its statements and pool: statement
    /// lines, metrics, spans (see <doc:ObservingStatements>); nothing by default.
    ///
    /// - Throws: `ConnectionInfoError` for a string that cannot be used (its description says
    ///   what to fix), ``EntityKitPostgresError/invalidArgument(name:value:expected:)`` for
    ///   options out of range.
    public convenience init(
        connectionString: String, replicaConnectionString: String? = nil, environment: ConnectionEnvironment = .current,
        options: Options = Options(), logger: Logger = .entityKitSilent, observability: Observability = .off
    ) throws {
        let (connector, resolvedOptions) = try Self.connector(for: connectionString, environment: environment, options: options, logger: logger)
        let replica: DatabaseClient?
        if let replicaConnectionString {
            let (replicaConnector, replicaOptions) = try Self.connector(
                for: replicaConnectionString, environment: environment, options: options, logger: logger)
            replica = try DatabaseClient(
                connector: replicaConnector, role: .replica, options: replicaOptions, logger: logger, observability: observability)
        } else if connector.servers.count > 1 {
            // The same hosts, read from a standby when one is up, spread across them.
            let standbys = connector.with(target: .preferStandby, loadBalances: true)
            replica = try DatabaseClient(
                connector: standbys, role: .replica, options: resolvedOptions, logger: logger, observability: observability)
        } else {
            replica = nil
        }
        try self.init(connector: connector, role: .primary(replica: replica), options: resolvedOptions, logger: logger, observability: observability)
    }

    /// The hosts of a connection string, resolved once (its warnings logged), and `options`
    /// with the string's `connect_timeout` as the connect deadline.
    private static func connector(
        for connectionString: String, environment: ConnectionEnvironment, options: Options, logger: Logger
    ) throws -> (HostConnector, Options) {
        let resolved = try ConnectionWarnings.log(connectionString, environment: environment, to: logger)
        var options = options
        if let text = resolved.parameters["connect_timeout"], !text.isEmpty, let seconds = resolved.connectTimeout, seconds > 0 {
            options.deadlines.connect = .seconds(min(seconds, 365 * 24 * 3600))
        }
        return (try HostConnector(resolved: resolved, environment: environment), options)
    }

    /// A client for a PostgresNIO connection configuration (one server), reporting what
    /// `observability` says.
    public convenience init(
        configuration: PostgresConnection.Configuration, options: Options = Options(), logger: Logger = .entityKitSilent,
        observability: Observability = .off
    ) throws {
        try self.init(
            connector: HostConnector(configuration: configuration), role: .primary(replica: nil), options: options, logger: logger,
            observability: observability)
    }

    /// Whether a client is an app's main one or the standbys' of another.
    private enum Role {
        case primary(replica: DatabaseClient?)
        case replica
    }

    private init(connector: HostConnector, role: Role, options: Options, logger: Logger, observability: Observability) throws {
        try options.validate()
        self.options = options
        self.logger = logger
        self.observability = observability
        let poolName = if case .replica = role { "replica" } else { "primary" }
        let gauges = observability.metrics.map { PoolGauges(factory: $0, poolName: poolName, maximumConnections: options.maximumConnections) }
        pool = ConnectionPool(
            connector: connector, maximumConnections: options.maximumConnections, deadlines: options.deadlines, logger: logger, gauges: gauges)
        policy = StatementPolicy(
            deadlines: options.deadlines, cancel: .newConnectionToSameServer(connectDeadline: options.deadlines.connect),
            logger: logger, closesAfterCancel: true,
            observer: observability.isOff ? nil : StatementObserver(observability, server: .init(connector), clientLogger: logger))
        switch role {
        case let .primary(replica):
            replicaClient = replica
            isReplica = false
        case .replica:
            replicaClient = nil
            isReplica = true
        }
    }

    /// The client for reads that may lag a little behind the primary: its connections go to a
    /// standby (see ``init(connectionString:replicaConnectionString:environment:options:logger:observability:)``),
    /// its transactions are `READ ONLY`. Every operation of the client works on it, so the
    /// same generated code reads from either:
    ///
    /// ```swift
    /// let recent = try await db.replica.all(Post.self, where: { $0.publishedAt > since })
    /// ```
    ///
    /// A standby shows a write only once it has replayed it: read what you just wrote through
    /// the client itself (the primary), or inside the transaction that wrote it. With one host
    /// and no replica connection string, this is the client itself.
    public var replica: DatabaseClient { replicaClient ?? self }

    /// True for the client of ``replica``: its transactions are read-only.
    public let isReplica: Bool
    private let replicaClient: DatabaseClient?

    /// Closes connections idle past ``Options/idleTimeout`` until the task running it is
    /// cancelled, then shuts the client down (``shutdown()``). Calls work without it; run it
    /// for the life of the app, in a task of its own or a child task of the app's group.
    public func run() async {
        let period = options.idleTimeout.map { max($0 / 2, .milliseconds(100)) } ?? .seconds(3600)
        while !Task.isCancelled {
            do { try await Task.sleep(for: period) } catch { break }
            if let timeout = options.idleTimeout {
                pool.closeIdle(olderThan: timeout)
                replicaClient?.pool.closeIdle(olderThan: timeout)
            }
        }
        await shutdown()
    }

    /// Refuses new calls (``EntityKitPostgresError/clientShutDown``), fails those waiting for a
    /// connection and closes the connections; calls in progress finish first on theirs.
    public func shutdown() async {
        await pool.shutDown()
        await replicaClient?.shutdown()
    }

    /// How many connections are open (or opening), idle, and how many calls wait for one.
    public var connectionCounts: (open: Int, idle: Int, waiting: Int) {
        pool.counts
    }

    /// Runs `body` with a connection of the pool, returned to it when `body` ends (closed
    /// instead if it closed meanwhile). Leave no transaction open on it.
    public func withConnection<Result>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> sending Result
    ) async throws -> sending Result {
        let pooled = try await pool.acquire()
        defer { pool.release(pooled) }
        return try await body(pooled.connection)
    }

    /// Runs `body` in a transaction on one of the pool's connections.
    public func atomically<Result: Sendable>(
        logger: Logger, _ body: (any PostgresQueryRunner) async throws -> Result
    ) async throws -> Result {
        try await transaction(logger: logger) { transaction in try await body(transaction) }
    }

    public func withRows<Result>(
        of statement: SQLStatement, isFixedShape: Bool, delivery: RowDelivery, logger: Logger, _ body: (StatementRows) async throws -> Result
    ) async throws -> Result {
        try StatementExecution.checkSendable(statement)
        // A pooled connection can close while idle, after the pool last checked it: nothing was
        // sent then, so the statement goes out on another connection (a few times at most).
        var attempt = 1
        while true {
            let pooled = try await pool.acquire()
            do {
                let result = try await StatementExecution.run(
                    statement, on: pooled.watch, policy: policy, prepared: isFixedShape, delivery: delivery,
                    retryingLostStatement: true, passingUnsent: attempt < 3, confirmingCommit: options.confirmsCommits, logger: logger, body)
                pool.release(pooled)
                return result
            } catch is StatementNotSent {
                pool.release(pooled, reusable: false)
                attempt += 1
            } catch {
                // A connection that failed its statement by closing may not look closed yet
                // (the driver is still tearing it down): never hand it out again.
                let closed = switch error as? EntityKitPostgresError {
                case .connectionClosed?, .commitOutcomeUnknown?, .transactionRolledBack?: true
                default: false
                }
                pool.release(pooled, reusable: !closed)
                throw error
            }
        }
    }

    /// Runs `body` in a transaction on one of the pool's connections: committed when it
    /// returns, rolled back when it throws (the error is rethrown as is), retried on
    /// serialization failures as `options` say. It commits or throws: a transaction the server
    /// rolled back throws ``EntityKitPostgresError/transactionRolledBack(cause:)``, a COMMIT
    /// whose answer was lost ``EntityKitPostgresError/commitOutcomeUnknown(_:)``, a cancelled
    /// task `CancellationError` after rolling back.
    public func transaction<Result>(
        _ options: TransactionOptions = TransactionOptions(), logger: Logger = .entityKitSilent,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (Transaction) async throws -> sending Result
    ) async throws -> sending Result {
        try await transaction(options, preparation: .prepared, logger: logger, isolation: isolation, body)
    }

    func transaction<Result>(
        _ options: TransactionOptions, preparation: StatementPreparation, logger: Logger,
        isolation: isolated (any Actor)?, _ body: (Transaction) async throws -> sending Result
    ) async throws -> sending Result {
        var options = options
        if isReplica { options.readOnly = true }
        let pooled = try await pool.acquire()
        let fate = ConnectionFate()
        defer { pool.release(pooled, reusable: fate.isReusable) }
        return try await TransactionContext.run(
            on: pooled.watch, policy: policy.insideTransaction, preparation: preparation, options, logger: logger, fate: fate, isolation: isolation, body)
    }
}

extension Unprepared where Base == DatabaseClient {
    /// Runs `body` in a transaction on one of the pool's connections, every statement unnamed.
    public func transaction<Result>(
        _ options: TransactionOptions = TransactionOptions(), logger: Logger = .entityKitSilent,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (Transaction) async throws -> sending Result
    ) async throws -> sending Result {
        try await base.transaction(options, preparation: .unnamed, logger: logger, isolation: isolation, body)
    }
}
