import EntityKitPostgres
import Foundation
import GeneratedModels
import Testing
import LiveTestSupport
import TestSupport

/// The seed's reads and writes on the reference schema's models, with the statements each one
/// sends.
@Suite("Entity operations on the reference schema", .serialized,
       .enabled(if: TestEnvironment.runsLiveTests, Comment(rawValue: TestEnvironment.liveTestsSkipReason)))
final class EntityOperationsTests: Sendable {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase.create("operations")
        try database.loadReferenceSchema()
    }

    deinit {
        database.drop()
    }

    @Test func insertReturnsTheRowWithWhatTheDatabaseFilled() async throws {
        try await withClient(database.url) { client in
            let db = RecordingRunner(client)
            let before = PGTimestamp.now()
            let user = try await db.insert(User.Draft(username: "alice", email: "alice@example.com"))
            #expect(db.takeStatements().count == 1)
            #expect(user.username == "alice")
            #expect(user.role == .user)
            #expect(user.emailVerified == false)
            #expect(user.createdAt.microsecondsSince2000 >= before.microsecondsSince2000 - 5_000_000)
            // A nullable column with no default is NULL unless given; a given default-filled one is written.
            let bob = try await db.insert(User.Draft(username: "bob", email: "bob@example.com", passwordHash: "argon2$x", role: .admin))
            #expect(bob.passwordHash == "argon2$x")
            #expect(bob.role == .admin)
        }
    }

    @Test func findsByKeyByColumnAndByConditions() async throws {
        try await withClient(database.url) { client in
            let db = RecordingRunner(client)
            let carol = try await db.insert(User.Draft(username: "carol", email: "carol@example.com", emailVerified: true))
            try await db.insert(User.Draft(username: "dave", email: "dave@example.com"))
            _ = db.takeStatements()

            #expect(try await db.find(User.self, key: carol.id) == carol)
            #expect(try await db.find(User.self, key: UUID()) == nil)
            #expect(try await db.first(User.where { $0.username == "carol" }) == carol)
            #expect(try await db.one(User.where { $0.username == "carol" }) == carol)
            let verified = try await db.all(User.where { $0.emailVerified == true && $0.username.in(["carol", "dave"]) })
            #expect(verified == [carol])
            #expect(db.takeStatements().count == 5)

            await #expect(throws: EntityQueryError.noRow(entity: "User")) { try await db.one(User.where { $0.username == "nobody" }) }
            await #expect(throws: EntityQueryError.moreThanOneRow(entity: "User")) {
                try await db.one(User.where { $0.username.in(["carol", "dave"]) })
            }
            #expect(try await db.exists(User.where { $0.username.like("car%") }))
            #expect(try await db.exists(User.where { $0.username.ilike("CAR%") && !($0.emailVerified == true) }) == false)
            let ordered = try await db.all(User.where { $0.username.in(["carol", "dave"]) }.order { $0.username.descending }.limit(1))
            #expect(ordered.map(\.username) == ["dave"])
        }
    }

    @Test func updatesWriteOnlyWhatChanged() async throws {
        try await withClient(database.url) { client in
            let db = RecordingRunner(client)
            let erin = try await db.insert(User.Draft(username: "erin", email: "erin@example.com"))
            _ = db.takeStatements()

            // Nothing changed: nothing sent.
            let same = try await db.update(erin) { _ in }
            #expect(same == erin)
            #expect(db.takeStatements().isEmpty)

            let updated = try #require(try await db.update(erin) {
                $0.emailVerified = true
                $0.passwordHash = "argon2$y"
            })
            let statements = db.takeStatements()
            #expect(statements.count == 1)
            let sql = try #require(statements.first)
            #expect(sql.contains("\"password_hash\" = $1") && sql.contains("\"email_verified\" = $2"), "\(sql)")
            #expect(!sql.contains("\"username\" ="), "unchanged columns are not written: \(sql)")
            #expect(updated.emailVerified && updated.passwordHash == "argon2$y")

            // Another writer's change to another column survives.
            try await db.update(User.self, key: erin.id) { $0.role.set(.admin) }
            let again = try #require(try await db.update(updated) { $0.passwordHash = nil })
            #expect(again.role == .admin)
            #expect(again.passwordHash == nil)

            // By key, without reading first.
            let renamed = try await db.update(User.self, key: erin.id) { $0.username.set("erin2") }
            #expect(renamed?.username == "erin2")
            #expect(try await db.update(User.self, key: UUID()) { $0.username.set("ghost") } == nil)

            // Assignments chosen at run time, mixed with written ones.
            let formChanges: [ColumnAssignment<User>] = [User.columns.emailVerified.set(false)]
            let fromForm = try await db.update(User.self, key: erin.id) { columns in
                formChanges
                columns.username.set("erin3")
            }
            #expect(fromForm?.username == "erin3" && fromForm?.emailVerified == false)
        }
    }

    @Test func deletesByKeyAndByCondition() async throws {
        try await withClient(database.url) { client in
            let db = RecordingRunner(client)
            let frank = try await db.insert(User.Draft(username: "frank", email: "frank@example.com"))
            #expect(try await db.delete(User.self, key: frank.id))
            #expect(try await db.delete(User.self, key: frank.id) == false)

            let old = PGTimestamp(Date().addingTimeInterval(-40 * 86_400))
            for index in 0..<4 {
                try await db.insert(User.Draft(username: "stale\(index)", email: "stale\(index)@example.com",
                                               emailVerified: index == 0, createdAt: old))
            }
            let thirtyDaysAgo = PGTimestamp(Date().addingTimeInterval(-30 * 86_400))
            _ = db.takeStatements()
            let deleted = try await db.delete(User.where { $0.emailVerified == false && $0.createdAt < thirtyDaysAgo })
            #expect(deleted == 3)
            #expect(db.takeStatements().count == 1)
            #expect(try await db.count(User.where { $0.username.like("stale%") }) == 1)
            await #expect(throws: EntityQueryError.notAllowedInWrite(entity: "User")) {
                try await db.delete(User.where { $0.username.like("stale%") }.limit(1))
            }
        }
    }

    @Test func updatesManyRowsByCondition() async throws {
        try await withClient(database.url) { client in
            for index in 0..<5 {
                try await client.insert(User.Draft(username: "many\(index)", email: "many\(index)@example.com"))
            }
            let changed = try await client.update(User.where { $0.username.like("many%") && $0.username != "many0" }) {
                $0.role.set(.admin)
                $0.emailVerified.set(true)
            }
            #expect(changed == 4)
            #expect(try await client.count(User.where { $0.role == .admin && $0.username.like("many%") }) == 4)
        }
    }

    @Test func oneHundredThousandKeysAreOneStatement() async throws {
        try await withClient(database.url) { client in
            let db = RecordingRunner(client)
            let grace = try await db.insert(User.Draft(username: "grace", email: "grace@example.com"))
            _ = db.takeStatements()
            let ids = (0..<100_000).map { _ in UUID() } + [grace.id]
            let found = try await db.all(User.where { $0.id.in(ids) })
            #expect(found == [grace])
            #expect(db.takeStatements().count == 1)
            #expect(try await db.count(User.where { $0.id.notIn(ids) && $0.username == "grace" }) == 0)
        }
    }

    @Test func insertManyIsOneStatementOverArraysOrChunksInATransaction() async throws {
        try await withClient(database.url) { client in
            let db = RecordingRunner(client)
            let owner = try await db.insert(User.Draft(username: "heidi", email: "heidi@example.com"))
            _ = db.takeStatements()
            let expiry = PGTimestamp(Date().addingTimeInterval(3600))
            let drafts = (0..<10_000).map { index in
                RefreshToken.Draft(id: UUID(), userID: owner.id, tokenHash: "bulk-\(index)", expiresAt: expiry)
            }
            let stored = try await db.insert(drafts)
            #expect(stored.map(\.tokenHash) == drafts.map(\.tokenHash))
            // Drafts that give the same columns: one statement over one array per column,
            // whatever their number.
            let statements = db.takeStatements()
            #expect(statements.count == 1)
            #expect(statements.first?.contains("FROM unnest($1::text[], $2::text[]") == true)
            let wide = (0..<20_000).map { index in
                RefreshToken.Draft(id: UUID(), userID: owner.id, tokenHash: "wide-\(index)", expiresAt: expiry, revokedAt: expiry)
            }
            try await db.insert(wide)
            #expect(db.takeStatements().count == 1)
            // Drafts that leave different columns to the database: VALUES with DEFAULT, six
            // columns, so 10,922 rows per statement under the parameter limit, in one
            // transaction.
            let mixed = (0..<20_000).map { index in
                RefreshToken.Draft(id: UUID(), userID: owner.id, tokenHash: "mixed-\(index)", expiresAt: expiry,
                                   createdAt: index % 2 == 0 ? expiry : nil)
            }
            let storedMixed = try await db.insert(mixed)
            #expect(storedMixed.map(\.tokenHash) == mixed.map(\.tokenHash))
            #expect(storedMixed[1].createdAt != expiry, "DEFAULT where a draft gave nothing")
            let chunks = db.takeStatements()
            #expect(chunks.count == 2)
            #expect(chunks.allSatisfy { $0.contains("VALUES") })
            #expect(try await db.count(RefreshToken.where { $0.userID == owner.id }) == 50_000)
        }
    }

    @Test func upsertsOnRealKeysAndSaysWhetherItInserted() async throws {
        try await withClient(database.url) { client in
            let draft = User.Draft(username: "ivan", email: "ivan@example.com")
            let first = try await client.upsert(draft, onConflict: .email)
            #expect(first.inserted)
            var changed = draft
            changed.username = "ivan2"
            let second = try await client.upsert(changed, onConflict: .email)
            #expect(!second.inserted)
            #expect(second.row.id == first.row.id)
            #expect(second.row.username == "ivan2")
            let kept = try await client.upsert(User.Draft(username: "ivan3", email: "ivan@example.com"), onConflict: .email, .doNothing)
            #expect(!kept.inserted)
            #expect(kept.row.username == "ivan2")
            let onlyRole = try await client.upsert(User.Draft(username: "ivan4", email: "ivan@example.com", role: .admin),
                                                   onConflict: .email, .update([.role]))
            #expect(onlyRole.row.username == "ivan2" && onlyRole.row.role == .admin)
        }
    }

    @Test func compositeKeysFindUpdateAndDelete() async throws {
        try await withClient(database.url) { client in
            let user = try await client.insert(User.Draft(username: "judy", email: "judy@example.com"))
            let tenant = try await client.insert(Tenant.Draft(id: UUID(), name: "Acme"))
            let membership = try await client.insert(TenantMembership.Draft(tenantID: tenant.id, userID: user.id))
            let key = TenantMembership.PrimaryKey(tenantID: tenant.id, userID: user.id)
            #expect(try await client.find(TenantMembership.self, key: key) == membership)
            #expect(try await client.delete(TenantMembership.self, key: key))
            #expect(try await client.find(TenantMembership.self, key: key) == nil)
        }
    }

    @Test func streamsRowsAsTheyArrive() async throws {
        try await withClient(database.url) { client in
            for index in 0..<50 {
                try await client.insert(User.Draft(username: "stream\(index)", email: "stream\(index)@example.com"))
            }
            var names: [String] = []
            for try await user in try await client.stream(User.where { $0.username.like("stream%") }.order { $0.username.ascending }) {
                names.append(user.username)
            }
            #expect(names.count == 50)
            #expect(names == names.sorted())
        }
    }

    @Test func rawSQLDecodesIntoModelsAndTuplesByPositionOrName() async throws {
        try await withClient(database.url) { client in
            let user = try await client.insert(User.Draft(username: "raw", email: "raw@example.com", role: .admin))
            let models = try await client.query("SELECT \(columnsOf: User.self) FROM users WHERE username LIKE \("ra%")", as: User.self)
            #expect(models == [user])
            // Another column order is matched by name.
            let reordered = try await client.query(
                "SELECT email, id, username, role, email_verified, updated_at, created_at, password_hash, invited_by_id, disabled_at "
                    + "FROM users WHERE id = \(user.id)",
                as: User.self)
            #expect(reordered == [user])
            let pairs = try await client.query(
                "SELECT username, role FROM users WHERE role = \(UserRole.admin) AND created_at <= \(PGTimestamp.now())",
                as: (String, UserRole).self)
            #expect(pairs.contains { $0.0 == "raw" && $0.1 == .admin })
            let names = try await client.query("SELECT username FROM users WHERE id = \(user.id)", as: String.self)
            #expect(names == ["raw"])
        }
    }

    @Test func decodingErrorsNameTheColumnAndTheFix() async throws {
        try await withClient(database.url) { client in
            await #expect {
                try await client.query("SELECT 'x'::text AS username", as: User.self)
            } throws: { error in
                String(describing: error).contains("no column \"id\"")
            }
            await #expect {
                try await client.query("SELECT 1::int4 AS id, 'x'::text AS username", as: (UUID, String).self)
            } throws: { error in
                String(describing: error).contains("column 1 \"id\" has type OID 23")
            }
        }
    }
}
