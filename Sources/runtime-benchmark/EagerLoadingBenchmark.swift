import EntityKitPostgres
import Foundation
import GeneratedModels
import PostgresNIO

/// Eager loading of 1,000 users × 10 refresh tokens of the reference schema:
/// `load(User.Relations.refreshTokens, for:)` against the N+1 loop of `related(_:of:)` per user.
/// Statements are counted by a runner that wraps the connection.
struct EagerLoadingBenchmark {
    let connection: PostgresConnection
    let passes: Int
    let parents = 1_000
    let childrenEach = 10

    func run(into report: inout RuntimeReport) async throws {
        progress("eager loading: \(parents) parents × \(childrenEach) children…")
        let users = try await connection.insert((0..<parents).map { User.Draft(username: "user\($0)", email: "user\($0)@example.com") })
        let expiry = PGTimestamp(Date().addingTimeInterval(86_400))
        let tokens = users.flatMap { user in
            (0..<childrenEach).map { RefreshToken.Draft(id: UUID(), userID: user.id, tokenHash: "hash \(user.username) \($0)", expiresAt: expiry) }
        }
        try await connection.insert(tokens)
        try await connection.execute("ANALYZE")

        // The counting runner forwards fixed shapes to the connection (prepared); its
        // `unprepared` sends them unnamed, through the same count.
        let counting = CountingRunner(base: connection)
        let unnamed = counting.unprepared
        let figures = try await Measure.compare([
            (RuntimeReport.eager, {
                let groups = try await counting.load(User.Relations.refreshTokens, for: users)
                precondition(groups.count == parents && groups.allSatisfy { $0.count == childrenEach })
            }),
            (RuntimeReport.nPlusOne, {
                var groups: [[RefreshToken]] = []
                for user in users { groups.append(try await counting.related(User.Relations.refreshTokens, of: user)) }
                precondition(groups.allSatisfy { $0.count == childrenEach })
            }),
            (RuntimeReport.eager + ", unnamed", {
                let groups = try await unnamed.load(User.Relations.refreshTokens, for: users)
                precondition(groups.count == parents && groups.allSatisfy { $0.count == childrenEach })
            }),
            (RuntimeReport.nPlusOne + ", unnamed", {
                var groups: [[RefreshToken]] = []
                for user in users { groups.append(try await unnamed.related(User.Relations.refreshTokens, of: user)) }
                precondition(groups.allSatisfy { $0.count == childrenEach })
            }),
        ], units: 1, passes: passes, reset: { counting.reset() })
        // The last run of each variant was the allocation-counting one; count statements afresh.
        counting.reset()
        _ = try await counting.load(User.Relations.refreshTokens, for: users)
        let eagerStatements = counting.count
        counting.reset()
        for user in users { _ = try await counting.related(User.Relations.refreshTokens, of: user) }
        let loopStatements = counting.count
        report.addEager(figures: figures, statements: [RuntimeReport.eager: eagerStatements, RuntimeReport.nPlusOne: loopStatements,
                                                       RuntimeReport.eager + ", unnamed": eagerStatements,
                                                       RuntimeReport.nPlusOne + ", unnamed": loopStatements],
                        subject: "\(RuntimeReport.grouped(parents)) parents × \(childrenEach) children")
    }
}

/// Counts the statements it passes to its base runner.
final class CountingRunner: PostgresQueryRunner, @unchecked Sendable {
    let base: any PostgresQueryRunner
    private let lock = NSLock()
    private var statements = 0

    init(base: any PostgresQueryRunner) {
        self.base = base
    }

    var count: Int { lock.withLock { statements } }

    func reset() {
        lock.withLock { statements = 0 }
    }

    func withRows<Result>(
        of statement: SQLStatement, isFixedShape: Bool, delivery: RowDelivery, logger: Logger, _ body: (StatementRows) async throws -> Result
    ) async throws -> Result {
        lock.withLock { statements += 1 }
        return try await base.withRows(of: statement, isFixedShape: isFixedShape, delivery: delivery, logger: logger, body)
    }
}
