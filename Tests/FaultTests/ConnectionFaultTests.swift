import EntityKitPostgres
import Foundation
import GeneratedModels
import LiveTestSupport
import Logging
import Testing
import TestSupport

extension FaultSuites {
    /// Findings 2 (statements hang forever on a connection the server closed) and 3 (connection
    /// failures never surface), against a server of the suite's own: terminated sessions,
    /// `idle_in_transaction_session_timeout`, a restart, a 5 s outage, refused and misconfigured
    /// connections.
    @Suite("Faults: no statement waits on a dead connection", .enabled(if: Faults.available, Faults.skipReason))
    final class ConnectionFaultTests: Sendable {
        let own: OwnServer

        init() async throws {
            own = try await OwnServer.start("fault_conn")
        }

        deinit {
            own.stop()
        }

        @Test func aPooledConnectionTheServerClosedIsReplaced() async throws {
            try await withDatabase(own.url(), options: .init(maximumConnections: 2)) { db async throws in
                let user = try await db.insert(User.Draft(username: "pooled", email: "pooled@example.com"))
                try await own.terminateSessions()
                try await Task.sleep(for: .milliseconds(300))
                // Every kind of statement, twice: the dead connections are dropped, new ones made.
                for _ in 0..<2 {
                    let results = await [
                        timed { _ = try await db.find(User.self, key: user.id) },
                        timed { _ = try await db.count(User.all()) },
                        timed { _ = try await db.insert(User.Draft(username: "pooled-\(UUID())", email: "\(UUID())@example.com")) },
                        timed { try await db.transaction { tx in _ = try await tx.count(User.all()) } },
                    ]
                    for (seconds, result) in results {
                        #expect(seconds < 2, "a statement after the server closed its connection took \(seconds) s")
                        _ = try result.get()
                    }
                }
            }
        }

        @Test func everyKindOfStatementOnATerminatedConnectionFailsAtOnce() async throws {
            let configuration = try PostgresConnection.Configuration(connectionString: own.url())
            let variants: [(String, @Sendable (PostgresConnection, UUID) async throws -> Void)] = [
                ("unnamed read", { connection, _ in _ = try await connection.count(User.all()) }),
                ("prepared find", { connection, id in _ = try await connection.find(User.self, key: id) }),
                ("insert", { connection, _ in _ = try await connection.insert(User.Draft(username: "\(UUID())", email: "\(UUID())@x.org")) }),
                ("prepared delete", { connection, id in _ = try await connection.delete(User.self, key: id) }),
                ("raw SQL", { connection, _ in try await connection.execute("SELECT 1") }),
                ("transaction", { connection, id in try await connection.transaction { tx in _ = try await tx.find(User.self, key: id) } }),
                ("unprepared transaction", { connection, _ in try await connection.unprepared.transaction { tx in _ = try await tx.count(User.all()) } }),
            ]
            for (name, run) in variants {
                let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: .entityKitSilent)
                let user = try await connection.insert(User.Draft(username: "t-\(UUID())", email: "\(UUID())@example.com"))
                try await own.terminateSessions()
                try await Task.sleep(for: .milliseconds(200))
                let (seconds, result) = await timed { try await within(10, name) { try await run(connection, user.id) } }
                #expect(seconds < 2, "\(name) on a terminated connection took \(seconds) s")
                #expect(throws: (any Error).self, "\(name)") { try result.get() }
                if case let .failure(error) = result {
                    #expect(isConnectionError(error), "\(name): \(error)")
                }
                try? await connection.close()
            }
        }

        @Test func aSessionEndedInsideATransactionFailsTheTransactionPromptly() async throws {
            // The server ends sessions idle in a transaction for 300 ms.
            let url = own.url(parameters: "options=-c%20idle_in_transaction_session_timeout%3D300")
            try await withDatabase(url) { db async throws in
                let (seconds, result) = await timed {
                    try await within(10, "the transaction") {
                        try await db.transaction { tx in
                            try await tx.insert(User.Draft(username: "idle", email: "idle@example.com"))
                            try await Task.sleep(for: .milliseconds(900))
                            _ = try await tx.count(User.all())
                        }
                    }
                }
                #expect(seconds < 3, "took \(seconds) s")
                if case let .failure(error) = result {
                    #expect(isConnectionError(error), "\(error)")
                } else {
                    Issue.record("the transaction reported success after the server ended its session")
                }
                #expect(try await db.first(User.where { $0.username == "idle" }) == nil)
            }
            // Terminated from outside while the transaction runs.
            try await withDatabase(own.url()) { db async throws in
                let (seconds, result) = await timed {
                    try await within(10, "the transaction") {
                        try await db.transaction { tx in
                            try await tx.insert(User.Draft(username: "terminated", email: "terminated@example.com"))
                            try await self.own.terminateSessions()
                            try await Task.sleep(for: .milliseconds(100))
                            _ = try await tx.count(User.all())
                        }
                    }
                }
                #expect(seconds < 3)
                #expect(throws: (any Error).self) { try result.get() }
                #expect(try await db.first(User.where { $0.username == "terminated" }) == nil)
            }
        }

        @Test func aPostgresNIOClientKeepsTheStatementPromises() async throws {
            var configuration = try PostgresClient.Configuration(connectionString: own.url())
            configuration.options.maximumConnections = 2
            let client = PostgresClient(configuration: configuration)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await client.run() }
                defer { group.cancelAll() }
                let user = try await client.insert(User.Draft(username: "nio-client", email: "nio-client@example.com"))
                try await own.terminateSessions()
                try await Task.sleep(for: .milliseconds(300))
                for _ in 0..<3 {
                    let (seconds, result) = await timed {
                        try await within(10, "a find after the sessions ended") { try await client.find(User.self, key: user.id) }
                    }
                    #expect(seconds < 2, "took \(seconds) s")
                    if case let .failure(error) = result { #expect(isConnectionError(error), "\(error)") }
                }
                #expect(try await client.find(User.self, key: user.id) == user)

                // A cancelled task's statement is cancelled on the server, over another connection.
                let sleeping = Task { try await client.execute("SELECT pg_sleep(30)") }
                try await Task.sleep(for: .milliseconds(300))
                sleeping.cancel()
                let (seconds, result) = await timed { try await within(10, "a cancelled statement") { try await sleeping.value } }
                #expect(seconds < 3)
                #expect(throws: CancellationError.self) { try result.get() }
                let active = try await own.integer(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%pg_sleep(30)%' "
                        + "AND state = 'active' AND pid <> pg_backend_pid()")
                #expect(active == 0)

                // Its transactions commit or throw too.
                await #expect(throws: EntityKitPostgresError.self) {
                    try await client.transaction { tx in
                        try await tx.insert(User.Draft(username: "nio-lost", email: "nio-lost@example.com"))
                        _ = try? await tx.insert(User.Draft(username: "nio-client", email: "other@example.com"))
                    }
                }
                #expect(try await client.first(User.where { $0.username == "nio-lost" }) == nil)
            }
        }

        @Test func connectionFailuresSurfaceWithinTheConnectDeadlineWithTheReason() async throws {
            let tls = own.server
            let base = own.url()
            let refusedPort = try FaultProxy(targetPort: 1)
            let unusedPort = refusedPort.port
            refusedPort.stop()
            let cases: [(String, String, String)] = [
                ("wrong password", base.replacingOccurrences(of: tls.password, with: "wrong"), "password authentication failed"),
                ("unknown database", tls.url(database: "no_such_database"), "does not exist"),
                ("refused port", tls.url(port: unusedPort), "check that the server is running"),
                ("certificate name", "host=127.0.0.1 port=\(tls.port) user=postgres password=\(tls.password) dbname=postgres "
                    + "sslmode=verify-full sslrootcert=\(tls.certificate.path)",
                 "does not name the host"),
            ]
            for (name, url, expected) in cases {
                let (seconds, result) = await timed {
                    try await within(15, name) {
                        try await withDatabase(url, options: .init(deadlines: Deadlines(connect: .seconds(5)))) { db async throws in
                            try await db.count(User.all())
                        }
                    }
                }
                #expect(seconds < 5, "\(name) took \(seconds) s")
                guard case let .failure(error) = result, case let .connectionFailed(reason)? = error as? EntityKitPostgresError else {
                    Issue.record("\(name): expected connectionFailed, got \(result)")
                    continue
                }
                #expect(reason.contains(expected), "\(name): \(reason)")
                #expect(!reason.contains(tls.password), "\(name): the password is in the message")
                // The same sentence as a direct connection attempt gives.
                let direct = await timed {
                    try await PostgresConnection.connect(
                        configuration: try PostgresConnection.Configuration(connectionString: url), id: 1, logger: .entityKitSilent)
                }
                if case let .failure(directError) = direct.result {
                    #expect(reason == ConnectionFailure.describe(directError), "\(name)")
                } else if case let .success(connection) = direct.result {
                    try? await connection.close()
                }
            }
        }

        @Test func sslmodeRequireAgainstAServerWithoutTLSFailsAtOnce() async throws {
            guard let server = TestEnvironment.serverURL else { return }
            let database = try TestDatabase.create("fault_tls")
            defer { database.drop() }
            let ssl = try database.rows("SHOW ssl").first?.first ?? nil
            guard ssl == "off" else { return }
            let url = database.url + (database.url.contains("?") ? "&" : "?") + "sslmode=require"
            _ = server
            let (seconds, result) = await timed {
                try await within(15, "sslmode=require") {
                    try await withDatabase(url) { db in try await db.execute("SELECT 1") }
                }
            }
            #expect(seconds < 5)
            guard case let .failure(error) = result, case let .connectionFailed(reason)? = error as? EntityKitPostgresError else {
                Issue.record("expected connectionFailed, got \(result)")
                return
            }
            #expect(reason.contains("does not accept TLS"), "\(reason)")
        }

        @Test func aRestartWithTwentyPooledTasksLeavesNoTaskHanging() async throws {
            try await withDatabase(own.url(parameters: "connect_timeout=2"), options: .init(maximumConnections: 10)) { db async throws in
                let user = try await db.insert(User.Draft(username: "restart", email: "restart@example.com"))
                let deadline = ContinuousClock.now + .seconds(6)
                let outcomes = try await within(60, "20 tasks through a restart") {
                    try await withThrowingTaskGroup(of: (ok: Int, failed: Int).self) { group in
                        for index in 0..<20 {
                            group.addTask {
                                var ok = 0
                                var failed = 0
                                while ContinuousClock.now < deadline {
                                    do {
                                        if index % 2 == 0 {
                                            _ = try await db.find(User.self, key: user.id)
                                        } else {
                                            try await db.transaction { tx in _ = try await tx.count(User.all()) }
                                        }
                                        ok += 1
                                    } catch {
                                        #expect(isConnectionError(error), "\(error)")
                                        failed += 1
                                        try await Task.sleep(for: .milliseconds(50))
                                    }
                                }
                                return (ok, failed)
                            }
                        }
                        try await Task.sleep(for: .seconds(1))
                        try await self.own.restart()
                        var total: [(ok: Int, failed: Int)] = []
                        for try await outcome in group { total.append(outcome) }
                        return total
                    }
                }
                #expect(outcomes.count == 20, "every task ended")
                // Everyone works again after the restart.
                _ = try await within(10, "a call after the restart") { try await db.find(User.self, key: user.id) }
            }
        }

        @Test func aFiveSecondOutageFailsCallsFastAndRecovers() async throws {
            try await withDatabase(own.url(parameters: "connect_timeout=2"), options: .init(maximumConnections: 5)) { db async throws in
                let user = try await db.insert(User.Draft(username: "outage", email: "outage@example.com"))
                try await own.stopServer()
                let stoppedAt = ContinuousClock.now
                var attempts = 0
                while ContinuousClock.now - stoppedAt < .seconds(5) {
                    let (seconds, result) = await timed { try await within(10, "a call during the outage") { try await db.find(User.self, key: user.id) } }
                    #expect(seconds < 3, "a call during the outage took \(seconds) s")
                    #expect(throws: (any Error).self) { try result.get() }
                    if case let .failure(error) = result { #expect(isConnectionError(error), "\(error)") }
                    attempts += 1
                    try await Task.sleep(for: .milliseconds(500))
                }
                #expect(attempts >= 3)
                try await own.startServer()
                let back = try await within(15, "the first call after the outage") { try await db.find(User.self, key: user.id) }
                #expect(back?.id == user.id)
            }
        }
    }
}
