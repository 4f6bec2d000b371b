import EntityKitPostgres
import Foundation
import GeneratedModels
import LiveTestSupport
import PostgresNIO
import Testing
import TestSupport

extension FaultSuites {
    /// libpq's multi-host rules in `DatabaseClient`, against a primary and a hot standby of the
    /// suite's own: hosts tried in order, skipped when down or of the wrong role, every host
    /// named when none qualifies, `prefer-standby`, `load_balance_hosts=random` counted on the
    /// servers, reads routed to the standby, and a server that turns read-only left behind.
    @Suite("Scale-out: several hosts and read replicas", .enabled(if: Faults.available, Faults.skipReason))
    final class MultiHostTests: Sendable {
        let servers: ReplicatedServers

        init() async throws {
            servers = try await ReplicatedServers.start("multi_host")
        }

        deinit {
            servers.stop()
        }

        /// The port of the server a client's connection reached.
        private func serverPort(_ db: DatabaseClient) async throws -> Int {
            try await db.query("SELECT inet_server_port()", as: Int32.self).first.map(Int.init) ?? -1
        }

        @Test func theFirstHostDownIsSkipped() async throws {
            let url = servers.url([.nothing(try ThrowawayServer.freePort()), .primary], parameters: "connect_timeout=2")
            try await withDatabase(url) { db async throws in
                let (seconds, port) = await timed { try await self.serverPort(db) }
                #expect(try port.get() == servers.primary.port)
                #expect(seconds < 2, "skipping a refusing host took \(seconds) s")
            }
        }

        @Test func connectTimeoutAppliesToEachHost() async throws {
            // The first host accepts TCP connections and never answers (a stalled network).
            let stalled = try FaultProxy(targetPort: servers.primary.port)
            defer { stalled.stop() }
            stalled.set(.blackhole)
            let url = servers.url([.nothing(stalled.port), .standby], parameters: "connect_timeout=2")
            try await withDatabase(url) { db async throws in
                let (seconds, port) = await timed { try await self.serverPort(db) }
                #expect(try port.get() == servers.standby.port)
                #expect(seconds >= 1.9 && seconds < 4, "the stalled host was given \(seconds) s instead of connect_timeout=2")
            }
        }

        @Test(arguments: [
            ("any", ReplicatedServersRole.standby),
            ("read-write", .primary),
            ("primary", .primary),
            ("read-only", .standby),
            ("standby", .standby),
            ("prefer-standby", .standby),
        ])
        func aStandbyFirstIsKeptOrSkippedAsTargetSessionAttrsSays(attributes: String, expected: ReplicatedServersRole) async throws {
            let url = servers.url([.standby, .primary], parameters: "target_session_attrs=\(attributes)")
            try await withDatabase(url) { db async throws in
                #expect(try await self.serverPort(db) == servers.port(of: expected.endpoint), "target_session_attrs=\(attributes)")
            }
        }

        @Test func preferStandbyFindsAStandbyListedLastAndFallsBackToThePrimary() async throws {
            let url = servers.url([.primary, .standby], parameters: "target_session_attrs=prefer-standby")
            try await withDatabase(url) { db async throws in
                #expect(try await self.serverPort(db) == servers.standby.port)
            }
            let noStandby = servers.url([.nothing(try ThrowawayServer.freePort()), .primary], parameters: "target_session_attrs=prefer-standby")
            try await withDatabase(noStandby) { db async throws in
                #expect(try await self.serverPort(db) == servers.primary.port)
            }
        }

        @Test func whenNoHostQualifiesTheErrorNamesEveryHostAndWhy() async throws {
            let down = try ThrowawayServer.freePort()
            let url = servers.url([.nothing(down), .standby], parameters: "target_session_attrs=read-write&connect_timeout=2")
            try await withDatabase(url) { db async throws in
                let (seconds, result) = await timed { try await db.execute("SELECT 1") }
                #expect(seconds < 4, "failing over two hosts took \(seconds) s")
                guard case let .failure(error) = result, case .connectionFailed? = error as? EntityKitPostgresError else {
                    Issue.record("expected connectionFailed, got \(result)")
                    return
                }
                let text = "\(error)"
                #expect(text.contains("127.0.0.1:\(down)"), "\(text)")
                #expect(text.contains("127.0.0.1:\(servers.standby.port) is a standby"), "\(text)")
                #expect(text.contains("target_session_attrs=read-write"), "\(text)")
                #expect(!text.contains(servers.primary.password), "the error holds the password")
            }
            let allDown = servers.url([.nothing(down), .nothing(try ThrowawayServer.freePort())], parameters: "connect_timeout=2")
            try await withDatabase(allDown) { db async throws in
                let error = await #expect(throws: EntityKitPostgresError.self) { try await db.execute("SELECT 1") }
                #expect("\(error.map { "\($0)" } ?? "")".contains("no host accepted the connection"))
            }
        }

        @Test func randomLoadBalancingSpreadsConnectionsAcrossHosts() async throws {
            let name = "spread_\(UInt32.random(in: 0...UInt32.max))"
            let url = servers.url([.primary, .standby], parameters: "load_balance_hosts=random&application_name=\(name)")
            try await withDatabase(url, options: .init(maximumConnections: 40)) { db async throws in
                // Forty statements at once hold forty connections while the servers are asked.
                let holding = Task {
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for _ in 0..<40 { group.addTask { try await db.execute("SELECT pg_sleep(1.5)") } }
                        try await group.waitForAll()
                    }
                }
                try await Task.sleep(for: .milliseconds(900))
                let onPrimary = try await offThePool { try self.servers.sessions(on: self.servers.primary, applicationName: name) }
                let onStandby = try await offThePool { try self.servers.sessions(on: self.servers.standby, applicationName: name) }
                try await holding.value
                #expect(onPrimary + onStandby == 40, "\(onPrimary) on the primary, \(onStandby) on the standby")
                // Binomial(40, ½): fewer than 8 on either side happens once in 10⁵ runs.
                #expect(onPrimary >= 8 && onStandby >= 8, "\(onPrimary) on the primary, \(onStandby) on the standby")
            }
            // Without random, every connection goes to the first host.
            let ordered = servers.url([.primary, .standby], parameters: "application_name=\(name)_ordered")
            try await withDatabase(ordered, options: .init(maximumConnections: 10)) { db async throws in
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<10 {
                        group.addTask { try await db.query("SELECT inet_server_port() FROM pg_sleep(0.3)", as: Int32.self).first.map(Int.init) ?? -1 }
                    }
                    for try await port in group { #expect(port == servers.primary.port) }
                }
            }
        }

        @Test func replicaReadsGoToTheStandbyAndWritesToThePrimary() async throws {
            let name = "routing_\(UInt32.random(in: 0...UInt32.max))"
            let url = servers.url([.primary, .standby], parameters: "target_session_attrs=read-write&application_name=\(name)")
            try await withDatabase(url) { db async throws in
                #expect(try await db.query("SELECT pg_is_in_recovery()", as: Bool.self) == [false])
                #expect(try await db.replica.query("SELECT pg_is_in_recovery()", as: Bool.self) == [true])
                let user = try await db.insert(User.Draft(username: "routed", email: "routed@example.com"))
                try await offThePool { try self.servers.waitUntilReplayed() }
                // The same generated code reads from either.
                #expect(try await db.replica.find(User.self, key: user.id) == user)
                #expect(try await db.replica.all(User.where { $0.username == "routed" }).map(\.id) == [user.id])
                let replicaSessions = try await offThePool { try self.servers.sessions(on: self.servers.standby, applicationName: name) }
                let primarySessions = try await offThePool { try self.servers.sessions(on: self.servers.primary, applicationName: name) }
                #expect(replicaSessions >= 1 && primarySessions >= 1, "\(replicaSessions) on the standby, \(primarySessions) on the primary")
                // A replica's transaction is read-only; the primary's sees its own writes at once.
                await #expect(throws: DatabaseError.self) {
                    try await db.replica.transaction { tx in _ = try await tx.insert(User.Draft(username: "nope", email: "nope@example.com")) }
                }
                try await db.transaction { tx in
                    let written = try await tx.insert(User.Draft(username: "mine", email: "mine@example.com"))
                    #expect(try await tx.find(User.self, key: written.id) == written)
                }
            }
            // With one host, the replica is the client itself.
            try await withDatabase(servers.url([.primary])) { db async throws in
                #expect(db.replica === db)
            }
        }

        @Test func aConnectionWhoseServerTurnedReadOnlyIsDropped() async throws {
            let url = servers.url([.primary, .standby], parameters: "target_session_attrs=read-write&connect_timeout=2")
            let admin = servers.primary.url()
            try await withDatabase(url, options: .init(maximumConnections: 2)) { db async throws in
                _ = try await db.insert(User.Draft(username: "before", email: "before@example.com"))
                #expect(db.connectionCounts.open == 1)
                // As after a switchover that left the old primary read-only.
                try await offThePool { try setting("default_transaction_read_only = on", on: admin) }
                defer { try? setting(nil, on: admin) }
                try await Task.sleep(for: .milliseconds(300))
                let refused = await #expect(throws: DatabaseError.self) {
                    _ = try await db.insert(User.Draft(username: "during", email: "during@example.com"))
                }
                #expect(refused?.sqlState == "25006")
                #expect(db.connectionCounts.open == 0, "the connection to the read-only server was kept")
                // No host is read-write now: new connections fail at once, naming why.
                let error = await #expect(throws: EntityKitPostgresError.self) { try await db.execute("SELECT 1") }
                #expect("\(error.map { "\($0)" } ?? "")".contains("read-only"))
                try await offThePool { try setting(nil, on: admin) }
                try await Task.sleep(for: .milliseconds(300))
                _ = try await db.insert(User.Draft(username: "after", email: "after@example.com"))
            }
        }

        @Test func singleHostDriversRefuseSeveralHostsInsteadOfIgnoringThem() throws {
            let url = servers.url([.primary, .standby])
            #expect(throws: ConnectionInfoError.self) { try PostgresConnection.Configuration(connectionString: url) }
            #expect(throws: ConnectionInfoError.self) { try PostgresClient.Configuration(connectionString: url) }
            #expect(throws: ConnectionInfoError.self) {
                try PostgresClient.Configuration(connectionString: self.servers.url([.primary], parameters: "target_session_attrs=read-write"))
            }
        }
    }
}

/// Which server of a ``ReplicatedServers`` a test expects.
enum ReplicatedServersRole: Sendable, CustomTestStringConvertible {
    case primary
    case standby

    var endpoint: ReplicatedServers.Endpoint {
        switch self {
        case .primary: .primary
        case .standby: .standby
        }
    }

    var testDescription: String {
        switch self {
        case .primary: "the primary"
        case .standby: "the standby"
        }
    }
}
