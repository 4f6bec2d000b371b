import EntityKitPostgres
import Foundation
import LiveTestSupport
import TestSupport

/// A primary of the suite's own with the reference schema, and a hot standby streaming from it
/// (made with `pg_basebackup -R`): for tests of several hosts, replicas and failover.
final class ReplicatedServers: @unchecked Sendable {
    let own: OwnServer
    let standby: ThrowawayServer
    var primary: ThrowawayServer { own.server }
    var database: String { own.database.name }

    /// Starts both, off the cooperative pool. With `synchronous`, the primary answers a COMMIT
    /// only once the standby has the commit on disk, so no acknowledged write is lost when the
    /// primary crashes and the standby is promoted.
    static func start(_ label: String, synchronous: Bool = false) async throws -> ReplicatedServers {
        try await offThePool { try ReplicatedServers(label, synchronous: synchronous) }
    }

    private init(_ label: String, synchronous: Bool) throws {
        own = try OwnServer(label)
        do {
            standby = try own.server.startReplica()
        } catch {
            own.stop()
            throw error
        }
        do {
            try waitUntilStreaming()
            if synchronous {
                // Only now: set before the copy, the promoted standby would wait for a standby of
                // its own, and the schema's writes before the copy would wait for a standby.
                try setting("synchronous_standby_names = '*'", on: primary.url())
            }
            try waitUntilReplayed()
        } catch {
            stop()
            throw error
        }
    }

    /// A connection string naming `servers` in order (each on 127.0.0.1), with query parameters.
    func url(_ servers: [Endpoint], parameters: String = "") -> String {
        let hosts = servers.map { "127.0.0.1:\(port(of: $0))" }.joined(separator: ",")
        return "postgres://postgres:\(primary.password)@\(hosts)/\(database)?sslmode=disable" + (parameters.isEmpty ? "" : "&" + parameters)
    }

    /// What a connection string may name.
    enum Endpoint {
        case primary
        case standby
        /// A port nothing listens on.
        case nothing(Int)
    }

    func port(of endpoint: Endpoint) -> Int {
        switch endpoint {
        case .primary: primary.port
        case .standby: standby.port
        case let .nothing(port): port
        }
    }

    /// The database's URL on one server, for checks made there directly.
    func directURL(_ server: ThrowawayServer) -> String {
        server.url(database: database)
    }

    /// Waits (at most 30 s) until the standby streams from the primary.
    func waitUntilStreaming() throws {
        try waitUntil("the standby to stream") {
            try SQL.rows("SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'", on: primary.url()).first?.first == "1"
        }
    }

    /// Waits (at most 30 s) until the standby has replayed everything the primary has written.
    func waitUntilReplayed() throws {
        try standby.waitUntilReplayed(from: primary)
    }

    /// How many sessions with `applicationName` a server has.
    func sessions(on server: ThrowawayServer, applicationName: String) throws -> Int {
        let rows = try SQL.rows("SELECT count(*) FROM pg_stat_activity WHERE application_name = '\(applicationName)'", on: server.url())
        return Int(rows.first?.first.flatMap { $0 } ?? "0") ?? 0
    }

    func stop() {
        standby.stop()
        own.stop()
    }
}

/// Sets a server setting with `ALTER SYSTEM` (or resets `default_transaction_read_only` for
/// nil) and reloads the configuration, so that running sessions take it too.
func setting(_ assignment: String?, on url: String) throws {
    // ALTER SYSTEM cannot run in the implicit transaction of a multi-statement string.
    try SQL.execute(assignment.map { "ALTER SYSTEM SET \($0)" } ?? "ALTER SYSTEM RESET default_transaction_read_only", on: url)
    try SQL.execute("SELECT pg_reload_conf()", on: url)
}
