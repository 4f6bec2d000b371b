import EntityKitPostgres
import Foundation
import GeneratedModels
import Testing
import LiveTestSupport
import TestSupport

/// The seed's relations and query shapes on the reference schema's models: eager loading,
/// joins, aggregates, pagination, transactions, raw SQL and row locks, with the statements
/// each sends.
@Suite("Relations and query shapes", .serialized, .timeLimit(.minutes(10)),
       .enabled(if: TestEnvironment.runsLiveTests, Comment(rawValue: TestEnvironment.liveTestsSkipReason)))
final class QueryShapesTests: Sendable {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase.create("shapes")
        try database.loadReferenceSchema()
    }

    deinit {
        database.drop()
    }

    /// `count` users named `prefix0…`, each with `tokens` refresh tokens.
    private func seed(_ db: some PostgresQueryRunner, prefix: String, count: Int, tokens: Int) async throws -> [User] {
        let users = try await db.insert((0..<count).map { User.Draft(username: "\(prefix)\($0)", email: "\(prefix)\($0)@example.com") })
        let expiry = PGTimestamp(Date().addingTimeInterval(3600))
        try await db.insert(users.flatMap { user in
            (0..<tokens).map { RefreshToken.Draft(id: UUID(), userID: user.id, tokenHash: "\(user.username)-\($0)", expiresAt: expiry) }
        })
        return users
    }

    @Test func eagerLoadingIsOneStatementPerRelation() async throws {
        try await withClient(database.url) { client in
            let db = RecordingRunner(client)
            _ = try await seed(db, prefix: "eager", count: 1_000, tokens: 10)
            let lonely = try await db.insert(User.Draft(username: "eager-none", email: "none@example.com"))
            _ = db.takeStatements()

            let users = try await db.all(User.where { $0.username.like("eager%") }.order { $0.username.ascending })
            let tokens = try await db.load(User.Relations.refreshTokens, for: users)
            #expect(db.takeStatements().count == 2)
            #expect(users.count == 1_001)
            for (user, own) in zip(users, tokens) {
                #expect(own.allSatisfy { $0.userID == user.id })
                #expect(own.count == (user.id == lonely.id ? 0 : 10))
            }
            // LIMIT counts parents, not parent-child pairs.
            let withTokens = User.where { $0.username.like("eager%") && $0.username != "eager-none" }.order { $0.username.ascending }
            let ten = try await db.all(withTokens.limit(10), including: User.Relations.refreshTokens)
            #expect(ten.count == 10)
            #expect(ten.allSatisfy { $0.1.count == 10 })
            #expect(db.takeStatements().count == 2)
        }
    }

    @Test func nestedLoadingIsOneStatementPerLevel() async throws {
        try await withClient(database.url) { client in
            let db = RecordingRunner(client)
            let users = try await seed(db, prefix: "nest", count: 20, tokens: 3)
            _ = db.takeStatements()
            let tokens = try await db.load(User.Relations.refreshTokens, for: users)
            let owners = try await db.load(RefreshToken.Relations.user, for: Array(tokens.joined()))
            let nested = tokens.regrouped(owners)
            #expect(db.takeStatements().count == 2)
            for (user, owners) in zip(users, nested) {
                #expect(owners.count == 3)
                #expect(owners.allSatisfy { $0?.id == user.id })
            }
        }
    }

    @Test func manyToManySelfReferencesAndCompositeKeysLoad() async throws {
        try await withClient(database.url) { client in
            let db = RecordingRunner(client)
            let inviter = try await db.insert(User.Draft(username: "inviter", email: "inviter@example.com"))
            let invited = try await db.insert(User.Draft(username: "invited", email: "invited@example.com", invitedByID: inviter.id))
            let tenants = try await db.insert([Tenant.Draft(id: UUID(), name: "A"), Tenant.Draft(id: UUID(), name: "B")])
            for tenant in tenants {
                try await db.insert(TenantMembership.Draft(tenantID: tenant.id, userID: invited.id))
            }
            let membership = TenantMembership.PrimaryKey(tenantID: tenants[0].id, userID: invited.id)
            let event = try await db.insert(MembershipEvent.Draft(tenantID: membership.tenantID, userID: membership.userID, action: "joined"))
            _ = db.takeStatements()

            let linked = try await db.load(User.Relations.tenants, for: [inviter, invited])
            #expect(linked[0].isEmpty)
            #expect(Set(linked[1].map(\.name)) == ["A", "B"])
            let inviters = try await db.load(User.Relations.invitedBy, for: [inviter, invited])
            #expect(inviters.map { $0?.id } == [nil, inviter.id])
            let invitees = try await db.load(User.Relations.usersAsInvitedBy, for: [inviter, invited])
            #expect(invitees.map { $0.map(\.id) } == [[invited.id], []])
            #expect(db.takeStatements().count == 3)
            // A composite foreign key: membership_events (tenant_id, user_id) → tenant_memberships.
            let memberships = try await db.all(TenantMembership.where { $0.userID == invited.id }.order { $0.tenantID.ascending })
            let events = try await db.load(TenantMembership.Relations.membershipEvents, for: memberships)
            #expect(events.flatMap { $0 }.map(\.id) == [event.id])
            #expect(try await db.related(MembershipEvent.Relations.tenantMembership, of: event)?.tenantID == membership.tenantID)
        }
    }

    @Test func joinsFilterOnBothTables() async throws {
        try await withClient(database.url) { client in
            let active = try await client.insert(User.Draft(username: "joinactive", email: "ja@example.com"))
            let disabled = try await client.insert(User.Draft(username: "joindisabled", email: "jd@example.com", disabledAt: .now()))
            let expiry = PGTimestamp(Date().addingTimeInterval(3600))
            let kept = try await client.insert(RefreshToken.Draft(id: UUID(), userID: active.id, tokenHash: "join-kept", expiresAt: expiry))
            try await client.insert(RefreshToken.Draft(id: UUID(), userID: active.id, tokenHash: "join-revoked", expiresAt: expiry, revokedAt: .now()))
            try await client.insert(RefreshToken.Draft(id: UUID(), userID: disabled.id, tokenHash: "join-disabled", expiresAt: expiry))

            let join = RefreshToken.join(RefreshToken.Relations.user)
                .where { token, user in user.disabledAt.isNull() && token.revokedAt.isNull() && token.tokenHash.like("join-%") }
            #expect(try await client.all(join.leftRows()) == [kept])
            let pairs = try await client.all(join)
            #expect(pairs.count == 1 && pairs[0].0 == kept && pairs[0].1 == active)

            // Two keys to one table, joined separately.
            let message = try await client.insert(Message.Draft(senderID: active.id, recipientID: disabled.id, body: "hi"))
            let bySender = try await client.all(Message.join(Message.Relations.sender).where { m, _ in m.id == message.id })
            let byRecipient = try await client.all(Message.join(Message.Relations.recipient).where { m, _ in m.id == message.id })
            #expect(bySender.map(\.1.id) == [active.id])
            #expect(byRecipient.map(\.1.id) == [disabled.id])

            // A left join keeps users without tokens, with nil on the right.
            let lonely = try await client.insert(User.Draft(username: "joinlonely", email: "jl@example.com"))
            let left = try await client.all(User.leftJoin(User.Relations.refreshTokens).where { user, _ in user.username.like("join%") }
                .order { user, token in [user.username.ascending, token.tokenHash.ascending] })
            #expect(left.filter { $0.0.id == lonely.id }.map { $0.1 == nil } == [true])
            let unmatched = try await client.all(User.leftJoin(User.Relations.refreshTokens).where { user, _ in user.username.like("join%") }
                .whereUnmatched { $0.id }.leftRows())
            #expect(unmatched == [lonely])
        }
    }

    @Test func groupByMatchesHandWrittenSQL() async throws {
        try await withClient(database.url) { client in
            for index in 0..<7 {
                try await client.insert(User.Draft(username: "group\(index)", email: "group\(index)@example.com", role: index < 2 ? .admin : .user))
            }
            let typed = try await client.all(User.all().group { $0.role }.select { ($0.role, $0.id.count) })
            let handWritten = try await client.query("SELECT role, count(id) FROM users GROUP BY role", as: (UserRole, Int64).self)
            #expect(Dictionary(uniqueKeysWithValues: typed) == Dictionary(uniqueKeysWithValues: handWritten))

            struct RoleStats: Decodable, Equatable { let role: UserRole; let count: Int64 }
            let stats = try await client.all(
                User.all().group { $0.role }.having { $0.id.count > 0 }.select { ($0.role, $0.id.count.as("count")) }, as: RoleStats.self)
            #expect(Set(stats.map(\.role)) == Set(typed.map(\.0)))
            // A name of one's own (not the server's default, "count") reaches the SQL.
            struct Members: Decodable, Equatable { let role: UserRole; let members: Int64 }
            let members = try await client.all(User.all().group { $0.role }.select { ($0.role, $0.id.count.as("members")) }, as: Members.self)
            #expect(Dictionary(uniqueKeysWithValues: members.map { ($0.role, $0.members) }) == Dictionary(uniqueKeysWithValues: typed))
            let newest = try await client.first(User.all().select { $0.createdAt.max })
            #expect(newest != nil)
        }
    }

    @Test func pagesCountFromOneAndAPagePastTheEndIsEmpty() async throws {
        try await withClient(database.url) { client in
            for index in 0..<45 {
                try await client.insert(User.Draft(username: String(format: "page%02d", index), email: "page\(index)@example.com"))
            }
            let users = try client.paginate(User.where { $0.username.like("page%") }.order { $0.username.ascending }, perPage: 20)
            #expect(try await users.pageCount() == 3)
            let first = try await users.page(1)
            #expect(first.items.map(\.username) == (0..<20).map { String(format: "page%02d", $0) })
            #expect(first.total == 45 && first.pageCount == 3 && first.hasNext)
            let last = try await users.page(3)
            #expect(last.items.count == 5 && !last.hasNext)
            let past = try await users.page(4)
            #expect(past.items.isEmpty && past.total == 45)
            await #expect(throws: PaginationError.pageBelowOne(0)) { try await users.page(0) }
        }
    }

    @Test func keysetPagesSeeEveryRowOnceWhileRowsAreInserted() async throws {
        try await withClient(database.url) { client in
            let sender = try await client.insert(User.Draft(username: "keyset", email: "keyset@example.com"))
            for index in 0..<100 {
                try await client.insert(Message.Draft(senderID: sender.id, recipientID: sender.id, body: "m\(index)"))
            }
            let feed = Message.where { $0.senderID == sender.id }.keyset { ($0.sentAt, $0.id) }
            var seen: [Int64] = []
            var cursor: (PGTimestamp, Int64)?
            var inserted = 0
            repeat {
                let page = try await client.page(feed, after: cursor, limit: 15)
                seen += page.items.map(\.id)
                cursor = page.next
                // Rows arrive while we read: later ones are seen once, none twice. (A row added
                // after the last page was read is for the next reader.)
                if inserted < 20 && cursor != nil {
                    try await client.insert(Message.Draft(senderID: sender.id, recipientID: sender.id, body: "late\(inserted)"))
                    inserted += 1
                }
            } while cursor != nil
            #expect(Set(seen).count == seen.count, "a row was visited twice")
            let all = try await client.all(Message.where { $0.senderID == sender.id })
            #expect(Set(seen) == Set(all.map(\.id)))
        }
    }

    @Test func savepointsRollBackOnlyTheirOwnWork() async throws {
        try await withClient(database.url) { client in
            struct Abort: Error {}
            try await client.transaction { tx in
                try await tx.insert(User.Draft(username: "outer", email: "outer@example.com"))
                do {
                    try await tx.transaction { inner in
                        try await inner.insert(User.Draft(username: "inner", email: "inner@example.com"))
                        throw Abort()
                    }
                } catch is Abort {}
                #expect(try await tx.count(User.where { $0.username == "inner" }) == 0)
            }
            #expect(try await client.count(User.where { $0.username == "outer" }) == 1)
            await #expect(throws: Abort.self) {
                try await client.transaction { tx in
                    try await tx.insert(User.Draft(username: "rolledback", email: "rb@example.com"))
                    throw Abort()
                }
            }
            #expect(try await client.count(User.where { $0.username == "rolledback" }) == 0)
            await #expect(throws: DatabaseError.self) {
                try await client.transaction(TransactionOptions(readOnly: true)) { tx in
                    try await tx.insert(User.Draft(username: "readonly", email: "ro@example.com"))
                }
            }
        }
    }

    @Test func serializationFailuresAreRetried() async throws {
        try await withClient(database.url) { client in
            let user = try await client.insert(User.Draft(username: "counter", email: "counter@example.com"))
            let attempts = Counter()
            let readers = Counter()
            // Two serializable transactions increment the same row at once: one fails with
            // 40001 and runs again.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        try await client.transaction(.serializable(attempts: 5)) { tx in
                            attempts.increment()
                            let current = try #require(try await tx.find(User.self, key: user.id))
                            // Both have read before either writes (on a retry, at once).
                            readers.increment()
                            while readers.value < 2 { try await Task.sleep(for: .milliseconds(10)) }
                            try await tx.update(current) { $0.username = current.username + "+" }
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await client.find(User.self, key: user.id)?.username == "counter++")
            #expect(attempts.value >= 3)
        }
    }

    @Test func skipLockedHandsEachJobToOneWorker() async throws {
        try await withClient(database.url) { client in
            let users = try await client.insert((0..<10).map { User.Draft(username: "job\($0)", email: "job\($0)@example.com") })
            let claimed = Counter()
            let holding = Counter()
            let claimedTogether = Counter()
            try await withThrowingTaskGroup(of: [UUID].self) { group in
                for _ in 0..<3 {
                    group.addTask {
                        try await client.transaction { tx in
                            let jobs = try await tx.all(User.where { $0.username.like("job%") }.order { $0.username.ascending }
                                .limit(4).locking(.update, .skipLocked))
                            // Every worker claims while the others hold their locks, which only
                            // SKIP LOCKED lets through at once; the wait is bounded so a worker
                            // started late on a loaded machine cannot hang the others.
                            holding.increment()
                            let deadline = ContinuousClock.now + .seconds(10)
                            while holding.value < 3, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
                            if holding.value == 3 { claimedTogether.increment() }
                            // A real worker marks its jobs done before it commits, so a worker
                            // that starts after a commit cannot claim them again.
                            for job in jobs {
                                try await tx.update(User.self, key: job.id) { $0.username.set("done-" + job.username) }
                            }
                            return jobs.map(\.id)
                        }
                    }
                }
                var all: [UUID] = []
                for try await ids in group { all += ids; claimed.add(ids.count) }
                #expect(Set(all).count == all.count, "a job went to two workers")
                #expect(Set(all).isSubset(of: Set(users.map(\.id))))
            }
            #expect(claimed.value == 10)
            #expect(claimedTogether.value == 3, "a worker waited for another's locks: SKIP LOCKED did not skip")
        }
    }

    @Test func selectStarStillDecodesAfterColumnsAreDroppedAndAdded() async throws {
        let scratch = try TestDatabase.create("altered")
        defer { scratch.drop() }
        try scratch.loadReferenceSchema()
        try await withClient(scratch.url) { client in
            let user = try await client.insert(User.Draft(username: "altered", email: "altered@example.com"))
            try scratch.execute(
                "ALTER TABLE users DROP COLUMN invited_by_id; ALTER TABLE users ADD COLUMN invited_by_id uuid; ALTER TABLE users ADD COLUMN nickname text")
            var decoded: [User] = []
            for row in try await client.rows(SQLStatement(sql: "SELECT * FROM users")) { decoded.append(try row.decode(User.self)) }
            #expect(decoded == [user])
        }
    }

    /// `row.decode(E.self)` remembers the last layout it checked, and reads a row unchecked only
    /// when the row has that layout's names and types: a result with the same names and another
    /// type is refused, a reordered one is read by name, and the first layout is read again.
    @Test func rowByRowDecodingRemembersALayoutOnlyForTheSameNamesAndTypes() async throws {
        try await withClient(database.url) { client in
            let user = try await client.insert(User.Draft(username: "layout", email: "layout@example.com"))
            let query = User.where { $0.id == user.id }.selectStatement
            let wrongType = SQLStatement(sql: query.sql.replacingOccurrences(of: #", "email", "#, with: #", 42 AS "email", "#), bindings: query.bindings)
            let reordered = SQLStatement(sql: "SELECT email, id, username, password_hash, email_verified, created_at, updated_at, role, "
                + "invited_by_id, disabled_at FROM users WHERE id = $1", bindings: query.bindings)
            for _ in 0..<3 {
                #expect(try await client.rows(query).map { try $0.decode(User.self) } == [user])
                do {
                    _ = try await client.rows(wrongType).map { try $0.decode(User.self) }
                    Issue.record("an integer was read as the email")
                } catch let error as RowDecodingError {
                    guard case .typeMismatch(column: "email", _, _, _, _) = error else {
                        Issue.record("\(error)")
                        continue
                    }
                }
                #expect(try await client.rows(reordered).map { try $0.decode(User.self) } == [user])
            }
        }
    }
}

/// A thread-safe counter for tests with concurrent tasks.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    var value: Int { lock.withLock { count } }
    func increment() { add(1) }
    func add(_ amount: Int) { lock.withLock { count += amount } }
}
