import EntityKitPostgres
import Foundation
import GeneratedModels
import LiveTestSupport
import Testing
import TestSupport

extension FaultSuites {
    /// Finding 1 (a transaction that reports success after the server rolled it back), 4
    /// (insert-many not atomic) and 6 (cancellation ignored): a transaction commits or throws.
    @Suite("Faults: transactions commit or throw", .enabled(if: TestEnvironment.runsLiveTests, Faults.skipReason))
    final class TransactionFaultTests: Sendable {
        let database: TestDatabase

        init() throws {
            database = try TestDatabase.create("fault_tx")
            try database.loadReferenceSchema()
        }

        deinit {
            database.drop()
        }

        @Test func aCaughtFailureMakesTheTransactionThrowInsteadOfReportingSuccess() async throws {
            try await withDatabase(database.url) { db async throws in
                try await db.insert(User.Draft(username: "taken", email: "taken@example.com"))
                let error = await #expect(throws: EntityKitPostgresError.self) {
                    try await within(10, "the transaction") {
                        try await db.transaction { tx in
                            try await tx.insert(User.Draft(username: "lost", email: "lost@example.com"))
                            do {
                                try await tx.insert(User.Draft(username: "taken", email: "other@example.com"))
                            } catch {
                                // Caught and ignored: the server has marked the transaction failed.
                            }
                        }
                    }
                }
                guard case let .transactionRolledBack(cause)? = error else {
                    Issue.record("expected transactionRolledBack, got \(String(describing: error))")
                    return
                }
                #expect(cause.contains("23505"), "the first failure is named: \(cause)")
                #expect(cause.contains("users_username_key"))
                #expect(!cause.contains("taken"), "no row values in the message: \(cause)")
                #expect(try await db.first(User.where { $0.username == "lost" }) == nil, "the first insert was rolled back")
            }
        }

        @Test func aFailureCaughtInASavepointLetsTheTransactionCommit() async throws {
            try await withDatabase(database.url) { db async throws in
                try await db.insert(User.Draft(username: "kept-taken", email: "kept-taken@example.com"))
                try await db.transaction { tx in
                    try await tx.insert(User.Draft(username: "kept", email: "kept@example.com"))
                    do {
                        _ = try await tx.transaction { inner in
                            try await inner.insert(User.Draft(username: "kept-taken", email: "kept-other@example.com"))
                        }
                    } catch {}
                }
                #expect(try await db.first(User.where { $0.username == "kept" }) != nil)
            }
        }

        /// Outside a transaction the server commits a statement only at the protocol's Sync, after
        /// it has answered the statement itself: a write whose commit fails (a deferred foreign
        /// key here; a crash, or a synchronous standby's wait cancelled, in production) must throw,
        /// not report the statement's answer as success.
        @Test func aWriteWhoseCommitFailsOutsideATransactionThrows() async throws {
            try database.execute("""
                CREATE TABLE deferred_parent (id int PRIMARY KEY);
                CREATE TABLE deferred_child (id int PRIMARY KEY,
                    parent_id int REFERENCES deferred_parent DEFERRABLE INITIALLY DEFERRED)
                """)
            try await withDatabase(database.url) { db async throws in
                let refused = await #expect(throws: EntityKitPostgresError.self, "raw SQL on the client") {
                    try await within(10, "the write") { try await db.execute("INSERT INTO deferred_child VALUES (1, 42)") }
                }
                // The server's reason when the driver kept it; that the outcome is unknown when the
                // driver closed the connection before the runtime read it (a race in the driver).
                switch refused {
                case let .transactionRolledBack(cause)?:
                    #expect(cause == "SQLSTATE 23503 at commit on table public.deferred_child, constraint deferred_child_parent_id_fkey")
                case .commitOutcomeUnknown?: break
                default: Issue.record("expected the commit to be refused, got \(String(describing: refused))")
                }
                print("deferred foreign key outside a transaction: \(refused.map { "\($0)" } ?? "")")
                await #expect(throws: (any Error).self, "raw SQL on a connection of the client") {
                    try await within(10, "the write") {
                        try await db.withConnection { connection in try await connection.execute("INSERT INTO deferred_child VALUES (2, 42)") }
                    }
                }
                await #expect(throws: (any Error).self, "raw SQL, unprepared") {
                    try await within(10, "the write") { try await db.unprepared.execute("INSERT INTO deferred_child VALUES (3, 42)") }
                }
                #expect(try await db.query("SELECT count(*)::int4 FROM deferred_child", as: Int32.self).first.map(Int.init) == 0)
                // The client goes on with a connection of its own after it.
                try await db.execute("INSERT INTO deferred_parent VALUES (42)")
                try await db.execute("INSERT INTO deferred_child VALUES (4, 42)")
                #expect(try await db.query("SELECT count(*)::int4 FROM deferred_child", as: Int32.self).first.map(Int.init) == 1)
            }
        }

        @Test func insertManyIsAllOrNothingOnEveryRunner() async throws {
            try await withDatabase(database.url) { db async throws in
                let owner = try await db.insert(User.Draft(username: "bulk-owner", email: "bulk-owner@example.com"))
                let expiry = PGTimestamp(Date().addingTimeInterval(3600))
                let clash = UUID()
                // Uniform drafts: one statement over arrays; the last draft repeats the first key.
                var uniform = (0..<20_000).map { RefreshToken.Draft(id: $0 == 0 ? clash : UUID(), userID: owner.id, tokenHash: "u-\($0)", expiresAt: expiry) }
                uniform[uniform.count - 1].id = clash
                await #expect(throws: DatabaseError.self) { try await db.insert(uniform) }
                #expect(try await db.count(RefreshToken.all()) == 0)

                // Drafts that leave different columns to the database: VALUES chunks (two, past the
                // parameter limit) in one transaction.
                var mixed = (0..<20_000).map {
                    RefreshToken.Draft(
                        id: $0 == 0 ? clash : UUID(), userID: owner.id, tokenHash: "m-\($0)", expiresAt: expiry, createdAt: $0 % 2 == 0 ? expiry : nil)
                }
                mixed[mixed.count - 1].id = clash
                await #expect(throws: DatabaseError.self) { try await db.insert(mixed) }
                #expect(try await db.count(RefreshToken.all()) == 0)

                // The same on a plain connection and inside a transaction.
                try await db.withConnection { connection in
                    await #expect(throws: DatabaseError.self) { try await connection.insert(mixed) }
                    await #expect(throws: DatabaseError.self) { try await connection.insert(uniform) }
                }
                await #expect(throws: (any Error).self) {
                    try await db.transaction { tx in try await tx.insert(mixed) }
                }
                #expect(try await db.count(RefreshToken.all()) == 0)

                // And without a clash, everything arrives, in order.
                let stored = try await db.insert(Array(mixed.dropLast()))
                #expect(stored.map(\.tokenHash) == mixed.dropLast().map(\.tokenHash))
            }
        }

        @Test func aCancelledTasksTransactionRollsBackAndThrowsCancellation() async throws {
            try await withDatabase(database.url) { db async throws in
                let started = Outcome<Void>()
                let task = Task {
                    try await db.transaction { tx in
                        try await tx.insert(User.Draft(username: "cancelled", email: "cancelled@example.com"))
                        started.settle(.success(()))
                        try await tx.execute("SELECT pg_sleep(30)")
                    }
                }
                try await started.value
                try await Task.sleep(for: .milliseconds(200))
                task.cancel()
                let (seconds, result) = await timed { try await task.value }
                #expect(seconds < 3, "cancellation took \(seconds) s")
                #expect(throws: CancellationError.self) { try result.get() }
                #expect(try await db.first(User.where { $0.username == "cancelled" }) == nil, "nothing committed")
                // The statement was cancelled on the server, and the connection is clean.
                let sleeping = try await offThePool { [database] in
                    try database.integer(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%pg_sleep(30)%' "
                            + "AND state = 'active' AND pid <> pg_backend_pid()")
                }
                #expect(sleeping == 0)
                #expect(try await db.count(User.all()) >= 0)

                // Cancelled after the body returned, before COMMIT: rolled back too.
                let late = Task {
                    try await db.transaction { tx in
                        try await tx.insert(User.Draft(username: "late", email: "late@example.com"))
                        withUnsafeCurrentTask { $0?.cancel() }
                    }
                }
                await #expect(throws: CancellationError.self) { try await late.value }
                #expect(try await db.first(User.where { $0.username == "late" }) == nil)
            }
        }

        @Test func aStatementPastItsDeadlineIsCancelledOnTheServer() async throws {
            let options = DatabaseClient.Options(maximumConnections: 1, deadlines: Deadlines(statement: .milliseconds(500)))
            try await withDatabase(database.url, options: options) { db async throws in
                let (seconds, result) = await timed { try await db.execute("SELECT pg_sleep(20)") }
                #expect(seconds < 3, "the deadline took \(seconds) s")
                #expect(throws: EntityKitPostgresError.statementTimedOut(.milliseconds(500))) { try result.get() }
                // The same connection (the pool has one) runs the next statement at once.
                let next = await timed { try await db.count(User.all()) }
                #expect(next.seconds < 2, "the next statement (on a new connection) took \(next.seconds) s")
                _ = try next.result.get()
                let sleeping = try await offThePool { [database] in
                    try database.integer(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%pg_sleep(20)%' "
                            + "AND state = 'active' AND pid <> pg_backend_pid()")
                }
                #expect(sleeping == 0, "the statement still runs on the server")
            }
        }

        @Test func aLostPreparedStatementIsPreparedAgainOrRetried() async throws {
            try await withDatabase(database.url, options: .init(maximumConnections: 1)) { db async throws in
                let user = try await db.insert(User.Draft(username: "prepared", email: "prepared@example.com"))
                #expect(try await db.find(User.self, key: user.id) == user)
                // The server forgets every prepared statement of the connection; outside a
                // transaction the next find prepares again, transparently.
                try await db.execute("DEALLOCATE ALL")
                #expect(try await db.find(User.self, key: user.id) == user)

                // Inside a transaction the failure aborts it: retried when attempts allow…
                let attempts = Counter()
                let found = try await db.transaction(TransactionOptions(attempts: 2)) { tx in
                    attempts.increment()
                    if attempts.value == 1 { try await tx.execute("DEALLOCATE ALL") }
                    return try await tx.find(User.self, key: user.id)
                }
                #expect(found == user)
                #expect(attempts.value == 2)
                // …and otherwise a clear error.
                await #expect(throws: EntityKitPostgresError.preparedStatementLost) {
                    try await db.transaction { tx in
                        try await tx.execute("DEALLOCATE ALL")
                        _ = try await tx.find(User.self, key: user.id)
                    }
                }
            }
        }
    }
}

/// A thread-safe counter.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
