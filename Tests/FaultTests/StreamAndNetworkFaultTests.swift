import EntityKitPostgres
import Foundation
import GeneratedModels
import LiveTestSupport
import Testing
import TestSupport

extension FaultSuites {
    /// Finding 7 (an abandoned stream blocks the pool) and network faults through a proxy that
    /// stalls or cuts connections: a statement never waits without bound.
    @Suite("Faults: streams and the network", .enabled(if: Faults.available, Faults.skipReason))
    final class StreamAndNetworkFaultTests: Sendable {
        let own: OwnServer
        let proxy: FaultProxy

        init() async throws {
            own = try await OwnServer.start("fault_net")
            proxy = try FaultProxy(targetPort: own.server.port)
        }

        deinit {
            proxy.stop()
            own.stop()
        }

        @Test func leavingAStreamEarlyFreesItsConnectionAtOnce() async throws {
            try own.database.execute("""
                INSERT INTO users (username, email) VALUES ('streamer', 'streamer@example.com');
                INSERT INTO refresh_tokens (id, user_id, token_hash, expires_at)
                SELECT gen_random_uuid(), u.id, 'stream-' || n, now() + interval '1 day'
                FROM users u CROSS JOIN generate_series(1, 300000) AS n WHERE u.username = 'streamer';
                """)
            // One connection: the next statement must have the one the stream held.
            try await withDatabase(own.url(), options: .init(maximumConnections: 1)) { db async throws in
                var seen = 0
                for try await token in try await db.stream(RefreshToken.all()) {
                    _ = token
                    seen += 1
                    if seen == 10 { break }
                }
                #expect(seen == 10)
                let (seconds, result) = await timed { try await within(10, "the statement after the stream") { try await db.count(User.all()) } }
                _ = try result.get()
                #expect(seconds < 0.5, "the next statement waited \(seconds) s for the abandoned stream")

                // Read to the end, a stream gives every row.
                var all = 0
                for try await _ in try await db.stream(RefreshToken.all()) { all += 1 }
                #expect(all == 300_000)
            }
        }

        @Test func aStalledNetworkEndsAtTheStatementDeadline() async throws {
            let options = DatabaseClient.Options(
                maximumConnections: 2, deadlines: Deadlines(connect: .seconds(1), statement: .seconds(1), cancelGrace: .milliseconds(500)))
            try await withDatabase(own.url(port: proxy.port), options: options) { db async throws in
                _ = try await db.count(User.all())
                proxy.set(.blackhole)
                defer { proxy.set(.pass) }
                let (seconds, result) = await timed { try await within(15, "a statement on a stalled network") { try await db.count(User.all()) } }
                #expect(seconds < 4, "took \(seconds) s")
                #expect(throws: EntityKitPostgresError.self) { try result.get() }
                // Connecting through a stalled network ends at the connect deadline.
                let again = await timed { try await within(15, "a connection on a stalled network") { try await db.count(User.all()) } }
                #expect(again.seconds < 4, "took \(again.seconds) s")
                if case let .failure(error) = again.result { #expect(isConnectionError(error), "\(error)") }
                proxy.set(.pass)
                _ = try await within(10, "a statement after the stall") { try await db.count(User.all()) }
            }
        }

        @Test func aConnectionCutMidResultFailsThatStatementPromptly() async throws {
            try await withDatabase(own.url(port: proxy.port), options: .init(maximumConnections: 2)) { db async throws in
                _ = try await db.count(User.all())
                proxy.cut(afterServerBytes: 200_000)
                defer { proxy.cut(afterServerBytes: nil) }
                let (seconds, result) = await timed {
                    try await within(10, "a result cut in the middle") {
                        try await db.query("SELECT repeat('x', 1000) FROM generate_series(1, 10000)", as: String.self).count
                    }
                }
                #expect(seconds < 3, "took \(seconds) s")
                #expect(throws: EntityKitPostgresError.self) { try result.get() }
                proxy.cut(afterServerBytes: nil)
                _ = try await within(10, "a statement after the cut") { try await db.count(User.all()) }
            }
        }

        @Test func aRefusingNetworkFailsNewConnectionsAtOnce() async throws {
            try await withDatabase(own.url(port: proxy.port), options: .init(deadlines: Deadlines(connect: .seconds(2)))) { db async throws in
                proxy.set(.refuse)
                defer { proxy.set(.pass) }
                let (seconds, result) = await timed { try await within(10, "a call while connections are refused") { try await db.count(User.all()) } }
                #expect(seconds < 3)
                if case let .failure(error) = result { #expect(isConnectionError(error), "\(error)") } else { Issue.record("a refused connection succeeded") }
            }
        }
    }
}
