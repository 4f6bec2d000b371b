import EntityKitPostgres
import Foundation
import GeneratedModels
import LiveTestSupport
import Testing
import TestSupport

/// Server errors arrive as `DatabaseError`, one test per kind against a live server: the
/// SQLSTATE, the kind, the objects named, the generated unique key or relation, and no row
/// values in the description.
///
/// Bounded generously: in a full run other suites' blocking work can hold the two threads of the
/// cooperative pool for a minute or more (seen), which delays these tasks without hanging them.
@Suite("Typed database errors", .timeLimit(.minutes(5)), .enabled(if: TestEnvironment.runsLiveTests, "no DATABASE_URL: run scripts/test"))
final class DatabaseErrorTests: Sendable {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase.create("db_errors")
        try database.loadReferenceSchema()
    }

    deinit {
        database.drop()
    }

    /// The `DatabaseError` `body` throws.
    private func error(_ body: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) async -> DatabaseError? {
        do {
            try await body()
            Issue.record("no error was thrown", sourceLocation: sourceLocation)
        } catch let error as DatabaseError {
            return error
        } catch {
            Issue.record("expected a DatabaseError, got \(String(reflecting: error))", sourceLocation: sourceLocation)
        }
        return nil
    }

    private func user(_ db: DatabaseClient, _ name: String) async throws -> User {
        try await db.insert(User.Draft(username: name, email: "\(name)@example.com"))
    }

    @Test func aUniqueViolationNamesTheGeneratedKey() async throws {
        try await withClient(database.url) { db in
            _ = try await self.user(db, "ada")
            let error = await self.error { _ = try await db.insert(User.Draft(username: "ada2", email: "ada@example.com")) }
            #expect(error?.kind == .uniqueViolation)
            #expect(error?.sqlState == "23505")
            #expect(error?.uniqueKey(of: User.self) == .email)
            #expect(error?.table == "users" && error?.schema == "public" && error?.constraint == "users_email_key")
            #expect(error?.description == "unique violation on table public.users, constraint users_email_key (SQLSTATE 23505)")
            // The value only where it was asked for.
            #expect(error.map { !"\($0)".contains("ada@example.com") } == true)
            #expect(error?.detailRevealingValues?.contains("ada@example.com") == true)
            #expect(error?.uniqueKey(of: RefreshToken.self) == nil, "a key of another table")
            // The same inside a transaction and through the unprepared runner.
            let inTransaction = await self.error {
                try await db.transaction { tx in _ = try await tx.insert(User.Draft(username: "ada", email: "other@example.com")) }
            }
            #expect(inTransaction?.uniqueKey(of: User.self) == .username)
            let unprepared = await self.error { _ = try await db.unprepared.insert(User.Draft(username: "ada", email: "x@example.com")) }
            #expect(unprepared?.uniqueKey(of: User.self) == .username)
        }
    }

    @Test func aForeignKeyViolationNamesTheGeneratedRelationOnEitherSide() async throws {
        try await withClient(database.url) { db in
            // A row whose parent is missing: the child's BelongsTo.
            let missingParent = await self.error {
                _ = try await db.insert(RefreshToken.Draft(id: UUID(), userID: UUID(), tokenHash: "h", expiresAt: PGTimestamp(Date())))
            }
            #expect(missingParent?.kind == .foreignKeyViolation)
            #expect(missingParent?.constraint == "fk_refresh_tokens_user_id")
            #expect(missingParent?.relationName(of: RefreshToken.self) == "user")
            #expect(missingParent?.relationName(of: User.self) == "refreshTokens")
            // A parent deleted while rows still refer to it (messages.sender_id has no action).
            let sender = try await self.user(db, "sender")
            let recipient = try await self.user(db, "recipient")
            try await db.execute("INSERT INTO messages (sender_id, recipient_id, body) VALUES (\(sender.id), \(recipient.id), 'hi')")
            let stillReferenced = await self.error { _ = try await db.delete(User.self, key: sender.id) }
            #expect(stillReferenced?.kind == .foreignKeyViolation)
            #expect(stillReferenced?.relationName(of: User.self) == "messagesAsSender")
            #expect(stillReferenced?.relationName(of: Message.self) == "sender")
        }
    }

    @Test func notNullCheckAndExclusionViolationsNameTheirObjects() async throws {
        try database.execute("""
            CREATE TABLE bookings (room box NOT NULL, EXCLUDE USING gist (room WITH &&));
            CREATE TABLE stock (quantity int CONSTRAINT stock_quantity_positive CHECK (quantity > 0))
            """)
        try await withClient(database.url) { db in
            let notNull = await self.error { try await db.execute("INSERT INTO bookings (room) VALUES (NULL)") }
            #expect(notNull?.kind == .notNullViolation)
            #expect(notNull?.column == "room" && notNull?.table == "bookings")
            let check = await self.error { try await db.execute("INSERT INTO stock VALUES (-1)") }
            #expect(check?.kind == .checkViolation)
            #expect(check?.constraint == "stock_quantity_positive")
            try await db.execute("INSERT INTO bookings VALUES ('((0,0),(2,2))')")
            let exclusion = await self.error { try await db.execute("INSERT INTO bookings VALUES ('((1,1),(3,3))')") }
            #expect(exclusion?.kind == .exclusionViolation)
            #expect(exclusion?.sqlState == "23P01")
            #expect(exclusion?.constraint?.hasPrefix("bookings_room") == true)
        }
    }

    @Test func aSerializationFailureIsTransient() async throws {
        try await withClient(database.url) { db in
            let row = try await self.user(db, "serial")
            let error = await self.error {
                try await db.transaction(TransactionOptions(isolation: .repeatableRead)) { tx in
                    _ = try await tx.find(User.self, key: row.id)
                    // Another session changes the row after this transaction's snapshot.
                    try await db.execute("UPDATE users SET username = 'serial-2' WHERE id = \(row.id)")
                    try await tx.execute("UPDATE users SET username = 'serial-3' WHERE id = \(row.id)")
                }
            }
            #expect(error?.kind == .serializationFailure)
            #expect(error?.isTransient == true)
        }
    }

    /// The two tasks cannot wait on each other for ever: each waits only for the other's
    /// signal, which is finished when that task ends.
    @Test func aDeadlockIsTransient() async throws {
        try await withClient(database.url) { db in
            let first = try await self.user(db, "deadlock-1")
            let second = try await self.user(db, "deadlock-2")
            // Each transaction locks one row, waits until the other has locked its own, then asks
            // for the other's: a deadlock whatever the scheduling. A transaction that ends early
            // finishes its signal, so the other never waits for it in vain.
            let locked = [AsyncStream<Void>.makeStream(), AsyncStream<Void>.makeStream()]
            let rows = [first.id, second.id]
            let steps = StepLog()
            let results = await withTaskGroup(of: Result<Void, any Error>.self) { group in
                for index in 0..<2 {
                    group.addTask {
                        defer { locked[index].continuation.finish() }
                        do {
                            try await db.transaction { tx in
                                try await tx.execute("SET LOCAL deadlock_timeout = '50ms'")
                                try await tx.execute("SELECT 1 FROM users WHERE id = \(rows[index]) FOR UPDATE")
                                steps.note("\(index) locked its row")
                                locked[index].continuation.yield()
                                var other = locked[1 - index].stream.makeAsyncIterator()
                                _ = await other.next()
                                steps.note("\(index) asks for the other row")
                                try await tx.execute("SELECT 1 FROM users WHERE id = \(rows[1 - index]) FOR UPDATE")
                            }
                            return .success(())
                        } catch {
                            steps.note("\(index) failed: \(error)")
                            return .failure(error)
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            let errors = results.compactMap { if case let .failure(error) = $0 { error as? DatabaseError } else { nil } }
            #expect(errors.count == 1, "\(results); \(steps.lines)")
            #expect(errors.first?.kind == .deadlock)
            #expect(errors.first?.isTransient == true)
        }
    }

    @Test func aStatementTimeoutIsATimeout() async throws {
        try await withClient(database.url) { db in
            let error = await self.error {
                try await db.transaction { tx in
                    try await tx.execute("SET LOCAL statement_timeout = '50ms'")
                    try await tx.execute("SELECT pg_sleep(2)")
                }
            }
            #expect(error?.kind == .timeout)
            #expect(error?.sqlState == "57014")
        }
    }

    @Test func aPermissionErrorAndAnyOtherError() async throws {
        let role = "reader_\(UInt32.random(in: 0...UInt32.max))"
        try database.execute("CREATE ROLE \(role)")
        defer { try? database.execute("DROP ROLE IF EXISTS \(role)") }
        try await withClient(database.url) { db in
            let denied = await self.error {
                try await db.transaction { tx in
                    try await tx.execute("SET LOCAL ROLE \(identifier: role)")
                    _ = try await tx.count(User.all())
                }
            }
            #expect(denied?.kind == .permission)
            #expect(denied?.sqlState == "42501")
            let syntax = await self.error { try await db.execute("SELEC 1") }
            #expect(syntax?.kind == .other)
            #expect(syntax?.sqlState == "42601")
            #expect(syntax?.message.contains("syntax error") == true)
        }
    }

    @Test func kindsOfSQLStates() {
        let table: [(String, DatabaseError.Kind)] = [
            ("23505", .uniqueViolation), ("23503", .foreignKeyViolation), ("23502", .notNullViolation), ("23514", .checkViolation),
            ("23P01", .exclusionViolation), ("40001", .serializationFailure), ("40P01", .deadlock), ("57014", .timeout),
            ("55P03", .timeout), ("08006", .connection), ("57P01", .connection), ("42501", .permission), ("28P01", .permission),
            ("42601", .other), ("22P02", .other),
        ]
        for (state, kind) in table {
            #expect(DatabaseError.Kind(sqlState: state) == kind, "\(state)")
        }
        let error = DatabaseError(sqlState: "22P02", message: "invalid input syntax for type uuid: \"secret\"")
        #expect(error.description == "database error (SQLSTATE 22P02)", "the message can quote a value")
        #expect(!error.isTransient)
    }
}

/// What the tasks of a test did, in order, for its failure message.
final class StepLog: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [String] = []

    func note(_ line: String) { lock.withLock { recorded.append(line) } }
    var lines: [String] { lock.withLock { recorded } }
}
