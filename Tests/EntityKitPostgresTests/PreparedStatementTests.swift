import EntityKitPostgres
import Foundation
import GeneratedModels
import Logging
import Testing
import LiveTestSupport
import TestSupport

/// Fixed-shape statements (find, delete, single-row insert, relation loads) as named prepared
/// statements, and `Unprepared`, which sends them unnamed. The server's
/// `pg_prepared_statements` view says which were prepared on a session.
@Suite("Prepared statements", .serialized, .enabled(if: TestEnvironment.runsLiveTests, Comment(rawValue: TestEnvironment.liveTestsSkipReason)))
final class PreparedStatementTests: Sendable {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase.create("prepared")
        try database.loadReferenceSchema()
    }

    deinit {
        database.drop()
    }

    /// The statements prepared on this connection's session.
    private func preparedStatements(_ connection: PostgresConnection) async throws -> [String] {
        try await connection.query("SELECT statement FROM pg_prepared_statements ORDER BY prepare_time, name", as: String.self)
    }

    private func withConnection<T>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        let connection = try await PostgresConnection.connect(
            configuration: try PostgresConnection.Configuration(connectionString: database.url), id: 1, logger: .entityKitSilent)
        do {
            let result = try await body(connection)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    @Test func preparedAndUnnamedReturnTheSameRows() async throws {
        try await withConnection { connection in
            let plain = connection.unprepared
            let erin = try await connection.insert(User.Draft(username: "erin", email: "erin@example.com"))
            let frank = try await plain.insert(User.Draft(username: "frank", email: "frank@example.com", emailVerified: true))
            let expiry = PGTimestamp.now()
            for (index, user) in [erin, frank, erin].enumerated() {
                try await connection.insert(RefreshToken.Draft(id: UUID(), userID: user.id, tokenHash: "hash\(index)", expiresAt: expiry))
            }

            #expect(try await connection.find(User.self, key: erin.id) == erin)
            #expect(try await plain.find(User.self, key: erin.id) == erin)
            #expect(try await connection.find(User.self, key: frank.id) == plain.find(User.self, key: frank.id))
            #expect(try await connection.find(User.self, key: UUID()) == nil)
            let prepared = try await connection.load(User.Relations.refreshTokens, for: [erin, frank])
            let unnamed = try await plain.load(User.Relations.refreshTokens, for: [erin, frank])
            #expect(prepared.map { $0.map(\.tokenHash).sorted() } == [["hash0", "hash2"], ["hash1"]])
            #expect(prepared.map { Set($0.map(\.id)) } == unnamed.map { Set($0.map(\.id)) })
            let tokens = prepared[0]
            #expect(try await connection.load(RefreshToken.Relations.user, for: tokens) == [erin, erin])

            #expect(try await connection.delete(RefreshToken.self, key: tokens[0].id))
            #expect(try await connection.delete(RefreshToken.self, key: tokens[0].id) == false)
            #expect(try await plain.delete(RefreshToken.self, key: tokens[1].id))

            let statements = try await preparedStatements(connection)
            #expect(statements.contains { $0.hasPrefix("SELECT") && $0.contains("FROM \"public\".\"users\" WHERE \"id\" = $1") })
            #expect(statements.contains { $0.hasPrefix("DELETE FROM \"public\".\"refresh_tokens\"") })
            #expect(statements.contains { $0.hasPrefix("INSERT INTO \"public\".\"users\"") })
            #expect(statements.contains { $0.contains("= ANY($1)") })
        }
    }

    @Test func unpreparedSendsUnnamedStatements() async throws {
        try await withConnection { connection in
            let db = connection.unprepared
            let grace = try await db.insert(User.Draft(username: "grace", email: "grace@example.com"))
            #expect(try await db.find(User.self, key: grace.id) == grace)
            _ = try await db.load(User.Relations.refreshTokens, for: [grace])
            let (found, deleted) = try await db.transaction { tx throws in
                (try await tx.find(User.self, key: grace.id), try await tx.delete(User.self, key: grace.id))
            }
            #expect(found == grace)
            #expect(deleted)
            #expect(try await preparedStatements(connection).isEmpty)
            // The same calls without the wrapper prepare.
            _ = try await connection.find(User.self, key: grace.id)
            try await connection.transaction { tx in _ = try await tx.find(User.self, key: grace.id) }
            #expect(try await preparedStatements(connection).count == 1)
        }
    }

    @Test func preparedStatementsSurviveManyConnections() async throws {
        try await withClient(database.url) { client in
            let users = try await client.insert((0..<40).map { User.Draft(username: "pool\($0)", email: "pool\($0)@example.com") })
            // Enough concurrent finds that the pool opens several connections, each preparing.
            let found = try await withThrowingTaskGroup(of: [User?].self) { group in
                for _ in 0..<16 {
                    group.addTask { var rows: [User?] = []; for user in users { rows.append(try await client.find(User.self, key: user.id)) }; return rows }
                }
                return try await group.reduce(into: [[User?]]()) { $0.append($1) }
            }
            #expect(found.count == 16)
            #expect(found.allSatisfy { $0 == users.map(Optional.some) })
            let backends = try await client.query("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()", as: Int64.self)
            #expect((backends.first ?? 0) > 1, "the pool should have opened several connections")
        }
    }

    /// PostgresNIO remembers a failed preparation per connection and name; the shape is named
    /// afresh, so the same call works once the table exists.
    @Test func aFailedPreparationIsNotRemembered() async throws {
        try await withConnection { connection in
            try await connection.execute("ALTER TABLE refresh_tokens RENAME TO refresh_tokens_away")
            await #expect(throws: DatabaseError.self) { try await connection.find(RefreshToken.self, key: UUID()) }
            try await connection.execute("ALTER TABLE refresh_tokens_away RENAME TO refresh_tokens")
            #expect(try await connection.find(RefreshToken.self, key: UUID()) == nil)
        }
    }

    /// A statement is written from the connection's event loop, but its rows are read in the
    /// caller's task off that loop, whatever the delivery: decoding a large result must not
    /// hold up every other connection the loop serves.
    @Test(.timeLimit(.minutes(3))) func rowsAreReadOffTheConnectionsEventLoop() async throws {
        try await withConnection { connection in
            let statement = SQLStatement(sql: "SELECT generate_series(1, $1::int)", bindings: [.text("3")])
            for (prepared, delivery) in [(true, RowDelivery.streamed), (false, .collected), (false, .streamed)] {
                let (count, onLoop) = try await connection.withRows(
                    of: statement, isFixedShape: prepared, delivery: delivery, logger: .entityKitSilent
                ) { rows in
                    let onLoop = connection.eventLoop.inEventLoop
                    var count = 0
                    for try await _ in rows { count += 1 }
                    return (count, onLoop || connection.eventLoop.inEventLoop)
                }
                #expect(count == 3, "prepared \(prepared), \(delivery)")
                #expect(!onLoop, "prepared \(prepared), \(delivery): rows read on the event loop")
            }
        }
    }
}
