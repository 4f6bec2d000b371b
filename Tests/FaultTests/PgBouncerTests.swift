import EntityKitPostgres
import Foundation
import GeneratedModels
import LiveTestSupport
import Testing
import TestSupport

extension FaultSuites {
    /// The runtime's live operations through a real PgBouncer (Debian's): in transaction mode
    /// with `.unprepared`, in session mode with prepared statements, each from eight tasks at
    /// once over a pool smaller than that; prepared statements in transaction mode by mistake;
    /// and a deadline in transaction mode, which must never cancel another client's statement.
    @Suite("Scale-out: through PgBouncer", .enabled(if: Faults.available && ThrowawayPgBouncer.isAvailable, Faults.skipReason))
    final class PgBouncerTests: Sendable {
        let own: OwnServer
        let bouncer: ThrowawayPgBouncer

        init() async throws {
            let own = try await OwnServer.start("pgbouncer")
            self.own = own
            do {
                bouncer = try await offThePool { try ThrowawayPgBouncer.start(server: own.server, database: own.database.name, poolSize: 3) }
            } catch {
                own.stop()
                throw error
            }
        }

        deinit {
            bouncer.stop()
            own.stop()
        }

        @Test func everyOperationPassesInTransactionModeWithUnpreparedStatements() async throws {
            try await withDatabase(bouncer.url(.transaction), options: .init(maximumConnections: 8)) { db async throws in
                let counts = try await Self.exercise(tasks: 8) { task in
                    try await Self.operations(on: db.unprepared, task: "tx-\(task)") { body in
                        try await db.unprepared.transaction { tx in try await body(tx) }
                    }
                }
                print("pgbouncer transaction mode (.unprepared): \(counts) operations passed")
            }
        }

        @Test func everyOperationPassesInSessionModeWithPreparedStatements() async throws {
            try await withDatabase(bouncer.url(.session), options: .init(maximumConnections: 3)) { db async throws in
                let counts = try await Self.exercise(tasks: 8) { task in
                    try await Self.operations(on: db, task: "session-\(task)") { body in
                        try await db.transaction { tx in try await body(tx) }
                    }
                }
                print("pgbouncer session mode (prepared): \(counts) operations passed")
            }
        }

        @Test func preparedStatementsInTransactionModeSayToUseUnprepared() async throws {
            try await withDatabase(bouncer.url(.transaction), options: .init(maximumConnections: 8)) { db async throws in
                let users = try await db.unprepared.insert((0..<8).map { User.Draft(username: "p\($0)", email: "p\($0)@example.com") })
                let outcomes = await withTaskGroup(of: [Result<Void, any Error>].self) { group in
                    for user in users {
                        group.addTask {
                            var results: [Result<Void, any Error>] = []
                            for _ in 0..<25 {
                                do {
                                    _ = try await db.find(User.self, key: user.id)
                                    _ = try await db.load(User.Relations.refreshTokens, for: [user])
                                    results.append(.success(()))
                                } catch {
                                    results.append(.failure(error))
                                }
                            }
                            return results
                        }
                    }
                    return await group.reduce(into: []) { $0 += $1 }
                }
                let failures = outcomes.compactMap { if case let .failure(error) = $0 { error } else { nil } }
                print("pgbouncer transaction mode (prepared by mistake): \(failures.count) of \(outcomes.count) calls failed")
                #expect(!failures.isEmpty, "prepared statements never failed through transaction mode")
                for error in failures {
                    guard case .preparedStatementsNotKept? = error as? EntityKitPostgresError else {
                        Issue.record("a call failed with \(String(reflecting: error)), not preparedStatementsNotKept")
                        continue
                    }
                    #expect("\(error)".contains(".unprepared"))
                }
            }
        }

        @Test func aDeadlineInTransactionModeNeverCancelsAnotherClientsStatement() async throws {
            // A pool of one server connection: the first client's process ID is that of the
            // connection the second client's statement runs on.
            let bouncer = try await offThePool { [own] in try ThrowawayPgBouncer.start(server: own.server, database: own.database.name, poolSize: 1) }
            defer { bouncer.stop() }
            let hurried = DatabaseClient.Options(maximumConnections: 1, deadlines: Deadlines(statement: .milliseconds(500)))
            try await withDatabase(bouncer.url(.transaction), options: hurried) { first async throws in
                try await first.execute("SELECT 1")
                try await withDatabase(bouncer.url(.transaction)) { second async throws in
                    let long = Task { try await second.execute("SELECT pg_sleep(2)") }
                    try await Task.sleep(for: .milliseconds(300))
                    // Queued behind the long statement in PgBouncer until its deadline.
                    await #expect(throws: EntityKitPostgresError.statementTimedOut(.milliseconds(500))) {
                        try await within(10, "the statement past its deadline") { try await first.execute("SELECT 1") }
                    }
                    try await within(10, "the other client's statement") { try await long.value }
                }
            }
        }

        /// Runs `operations` from `tasks` tasks at once; the number of operations that passed.
        private static func exercise(tasks: Int, _ operations: @escaping @Sendable (Int) async throws -> Int) async throws -> Int {
            try await within(120, "the operations through PgBouncer") {
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for task in 0..<tasks { group.addTask { try await operations(task) } }
                    return try await group.reduce(0, +)
                }
            }
        }

        /// Reads, writes, eager loading, pagination, streaming and a transaction with savepoints,
        /// each checked; the number of operations.
        private static func operations(
            on runner: some PostgresQueryRunner, task: String,
            transaction: (@Sendable (Transaction) async throws -> Void) async throws -> Void
        ) async throws -> Int {
            var count = 0
            func step<T>(_ value: T) -> T {
                count += 1
                return value
            }
            let user = step(try await runner.insert(User.Draft(username: "\(task)-u", email: "\(task)@example.com")))
            #expect(step(try await runner.find(User.self, key: user.id)) == user)
            let tokens = step(try await runner.insert((0..<5).map { index in
                RefreshToken.Draft(id: UUID(), userID: user.id, tokenHash: "\(task)-\(index)", expiresAt: PGTimestamp(Date().addingTimeInterval(3600)))
            }))
            #expect(step(try await runner.load(User.Relations.refreshTokens, for: [user])).first?.count == 5)
            #expect(step(try await runner.load(RefreshToken.Relations.user, for: tokens)).allSatisfy { $0?.id == user.id })
            let byHash = RefreshToken.where { $0.userID == user.id }.order { $0.tokenHash.ascending }
            let pages = try runner.paginate(byHash, perPage: 2)
            #expect(step(try await pages.pageCount()) == 3)
            #expect(step(try await pages.page(3)).items.map(\.tokenHash) == ["\(task)-4"])
            var streamed: [String] = []
            for try await token in step(try await runner.stream(byHash)) { streamed.append(token.tokenHash) }
            #expect(streamed == (0..<5).map { "\(task)-\($0)" })
            #expect(step(try await runner.count(RefreshToken.where { $0.userID == user.id })) == 5)
            try await transaction { tx in
                _ = try await tx.insert(User.Draft(username: "\(task)-kept", email: "\(task)-kept@example.com"))
                // A savepoint rolled back, then one released.
                await #expect(throws: RolledBack.self) {
                    try await tx.transaction { inner in
                        _ = try await inner.insert(User.Draft(username: "\(task)-undone", email: "\(task)-undone@example.com"))
                        throw RolledBack()
                    }
                }
                try await tx.transaction { inner in
                    _ = try await inner.delete(RefreshToken.self, key: tokens[0].id)
                }
            }
            count += 1
            #expect(step(try await runner.count(User.where { $0.username.hasPrefix("\(task)-") })) == 2)
            #expect(step(try await runner.count(RefreshToken.where { $0.userID == user.id })) == 4)
            return count
        }
    }
}

/// Thrown to roll a savepoint back.
struct RolledBack: Error {}
