import Logging
import NIOCore
import PostgresConnectionInfo
import PostgresNIO

/// Opens connections the way libpq does with several hosts: tries them in order (shuffled for
/// each connection with `load_balance_hosts=random`), each within the connect deadline, skips
/// a host that refuses or does not qualify for `target_session_attrs`, and when none does,
/// fails with every host tried and why. Each new connection starts from the top of the list,
/// so after a failover the next connection finds the new primary.
struct HostConnector: Sendable {
    /// One host of the connection string: its name for messages and how to reach it.
    struct Server: Sendable {
        let displayName: String
        let configuration: PostgresConnection.Configuration
        /// The TCP port connected to, to tell a pooler or proxy in between (see
        /// ``StatementScope/readSessionFacts(of:connectedPort:within:)``).
        let port: Int?
    }

    let servers: [Server]
    let target: TargetSessionAttributes
    let loadBalances: Bool

    /// Every host of `resolved`, with its own port, password and TLS server name.
    init(resolved: ResolvedConnection, environment: ConnectionEnvironment) throws(ConnectionInfoError) {
        var servers: [Server] = []
        for host in resolved.hosts {
            let configuration = try PostgresConnection.Configuration(resolved: resolved, host: host, environment: environment)
            let port: Int? = if case let .tcp(_, port) = host.endpoint { port } else { nil }
            servers.append(Server(displayName: host.displayName, configuration: configuration, port: port))
        }
        self.servers = servers
        target = resolved.targetSessionAttributes
        loadBalances = resolved.loadBalancesHosts && servers.count > 1
    }

    private init(servers: [Server], target: TargetSessionAttributes, loadBalances: Bool) {
        self.servers = servers
        self.target = target
        self.loadBalances = loadBalances
    }

    /// The same hosts with another `target_session_attrs` and `load_balance_hosts`.
    func with(target: TargetSessionAttributes, loadBalances: Bool) -> HostConnector {
        HostConnector(servers: servers, target: target, loadBalances: loadBalances && servers.count > 1)
    }

    /// One server, as a PostgresNIO configuration gives it.
    init(configuration: PostgresConnection.Configuration) {
        let port: Int? = if let port = configuration.port, configuration.unixSocketPath == nil { port } else { nil }
        let name = configuration.unixSocketPath.map { "socket \($0)" } ?? "\(configuration.host ?? "?"):\(configuration.port ?? 5432)"
        servers = [Server(displayName: name, configuration: configuration, port: port)]
        target = .any
        loadBalances = false
    }

    /// Opens a connection to the first host that accepts it and qualifies.
    ///
    /// - Throws: the single host's own error (as ``EntityKitPostgresError``) when there is one
    ///   host; with several, ``EntityKitPostgresError/connectionFailed(_:)`` naming each host
    ///   and why it was skipped. `CancellationError` when the task is cancelled.
    func connect(id: Int, deadline: Duration, eventLoopGroup: any EventLoopGroup, logger: Logger) async throws -> PooledConnection {
        let order = loadBalances ? servers.shuffled() : servers
        var skipped: [String] = []
        var lastError: (any Error)?
        // prefer-standby keeps the first server that is not a standby, in case no host is one.
        var fallback: PooledConnection?
        for server in order {
            try Task.checkCancellation()
            let opened: (PooledConnection, TargetSessionAttributes.ServerRole)
            do {
                opened = try await open(server, id: id, deadline: deadline, eventLoop: eventLoopGroup.any(), logger: logger)
            } catch let error as CancellationError {
                fallback?.connection.closeInBackground()
                throw error
            } catch {
                lastError = error
                skipped.append("\(server.displayName): \(Self.reason(error))")
                continue
            }
            let (pooled, role) = opened
            if target.accepts(role) {
                fallback?.connection.closeInBackground()
                return pooled
            }
            if target.hasFallbackPass && fallback == nil {
                fallback = pooled
                continue
            }
            pooled.connection.closeInBackground()
            skipped.append("\(server.displayName) \(target.refusal(of: role))")
        }
        if let fallback { return fallback }
        if servers.count == 1, let lastError { throw lastError }
        let wanted = target == .any ? "" : " (target_session_attrs=\(target.rawValue))"
        throw EntityKitPostgresError.connectionFailed("no host accepted the connection\(wanted): \(skipped.joined(separator: "; "))")
    }

    /// Connects to one server within `deadline` and reads what it is.
    private func open(
        _ server: Server, id: Int, deadline: Duration, eventLoop: any EventLoop, logger: Logger
    ) async throws -> (PooledConnection, TargetSessionAttributes.ServerRole) {
        let configuration = server.configuration
        let connection: PostgresConnection
        do {
            connection = try await Bounded.run(
                within: deadline, discardLate: { $0.closeInBackground() },
                operation: { try await PostgresConnection.connect(on: eventLoop, configuration: configuration, id: id, logger: logger) })
        } catch is Bounded.TimedOut {
            throw EntityKitPostgresError.connectTimedOut(deadline)
        } catch let error as CancellationError {
            throw error
        } catch {
            throw EntityKitPostgresError.connectionFailed(ConnectionFailure.describe(error))
        }
        let pooled = PooledConnection(connection: connection)
        pooled.watch.server = configuration
        do {
            // The backend's process ID (for cancel requests) and the server's role, bounded like connecting.
            let role = try await StatementScope.readSessionFacts(of: pooled.watch, connectedPort: server.port, within: deadline)
            return (pooled, role)
        } catch {
            connection.closeInBackground()
            if error is StatementNotSent || StatementScope.connectionError(error, connectionClosed: true) != nil {
                throw EntityKitPostgresError.connectionFailed("the server closed the new connection at once: check the server's log")
            }
            throw error
        }
    }

    /// Why a host was skipped, in a few words.
    private static func reason(_ error: any Error) -> String {
        switch error {
        case let EntityKitPostgresError.connectionFailed(reason): reason
        case let EntityKitPostgresError.connectTimedOut(bound): "no answer within \(bound.secondsText)"
        default: "\(error)"
        }
    }
}
