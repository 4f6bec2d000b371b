@testable import EntityKitPostgres
import Foundation
import GeneratedModels
import LiveTestSupport
import Logging
import Testing
import TestSupport

/// A write outside a transaction returns only once the server has committed it, confirmed
/// from the server's ReadyForQuery on PostgresNIO's own pipeline (`ReadyForQueryObserver`),
/// without a round trip of its own. If a PostgresNIO upgrade changes the pipeline the observer
/// relies on, the first test fails: writes would still be confirmed, by a round trip each.
@Suite(
    "Commit confirmation", .serialized, .timeLimit(.minutes(3)),
    .enabled(if: TestEnvironment.runsLiveTests, Comment(rawValue: TestEnvironment.liveTestsSkipReason)))
final class CommitConfirmationLiveTests: Sendable {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase.create("commit_confirm")
        try database.loadReferenceSchema()
        try database.execute("""
            CREATE TABLE deferred_parent (id int PRIMARY KEY);
            CREATE TABLE deferred_child (id int PRIMARY KEY,
                parent_id int REFERENCES deferred_parent DEFERRABLE INITIALLY DEFERRED)
            """)
    }

    deinit {
        database.drop()
    }

    private func connect() async throws -> PostgresConnection {
        try await PostgresConnection.connect(
            configuration: try PostgresConnection.Configuration(connectionString: database.url), id: 1, logger: .entityKitSilent)
    }

    @Test func everyKindOfConnectionConfirmsFromReadyForQuery() async throws {
        let connection = try await connect()
        defer { Task { try? await connection.close() } }
        try await connection.insert(User.Draft(username: "plain", email: "plain@example.com"))
        #expect(ConnectionWatch.of(connection).readyForQueryObserver != nil, "a plain PostgresConnection")

        try await withClient(database.url) { db in
            try await db.insert(User.Draft(username: "pooled", email: "pooled@example.com"))
            try await db.withConnection { connection in
                #expect(ConnectionWatch.of(connection).readyForQueryObserver != nil, "a DatabaseClient connection")
            }
        }
        #expect(try await connection.count(User.all()) == 2)
    }

    /// Tasks sharing one connection queue their statements behind each other, so a write's
    /// ReadyForQuery often finds another statement queued: those writes are confirmed by a
    /// statement of their own, and every one of them is kept.
    @Test func writesFromTasksSharingAConnectionAreAllConfirmed() async throws {
        let connection = try await connect()
        defer { Task { try? await connection.close() } }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for index in 0..<25 {
                        let user = try await connection.insert(User.Draft(username: "shared-\(task)-\(index)", email: "s\(task)-\(index)@example.com"))
                        if index % 5 == 0 { _ = try await connection.delete(User.self, key: user.id) }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await connection.count(User.where { $0.username.hasPrefix("shared-") }) == 8 * 20)
    }

    /// The server refuses the commit after it answered the statement: the call throws the
    /// server's reason (never a value), and the connection it closed is not reused.
    @Test func aCommitRefusedAfterTheAnswerThrowsTheServersReason() async throws {
        let connection = try await connect()
        defer { Task { try? await connection.close() } }
        try await connection.execute("SELECT 1")
        let refused = await #expect(throws: EntityKitPostgresError.self) {
            try await connection.execute("INSERT INTO deferred_child VALUES (1, 42)")
        }
        guard case let .transactionRolledBack(cause)? = refused else {
            Issue.record("expected the commit to be refused, got \(String(describing: refused))")
            return
        }
        #expect(cause == "SQLSTATE 23503 at commit on table public.deferred_child, constraint deferred_child_parent_id_fkey")
        #expect(connection.isClosed)
        let check = try await connect()
        defer { Task { try? await check.close() } }
        #expect(try await check.query("SELECT count(*)::int4 FROM deferred_child", as: Int32.self).first.map(Int.init) == 0)
    }
}
