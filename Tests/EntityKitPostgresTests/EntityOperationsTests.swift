import EntityKitPostgres
import Foundation
import GeneratedModels
import Testing
import TestSupport

@Suite("Entity operations on the reference schema", .serialized, .enabled(if: TestEnvironment.runsLiveTests, Comment(rawValue: TestEnvironment.liveTestsSkipReason)))
final class EntityOperationsTests: Sendable {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase.create("operations")
        try database.loadReferenceSchema()
    }

    deinit {
        database.drop()
    }

    private func makeUser(_ name: String) -> User {
        User(id: UUID(), username: name, email: "\(name)@example.com", passwordHash: nil, emailVerified: false,
             createdAt: .now(), updatedAt: .now(), role: .user)
    }

    @Test func insertsFindsUpdatesAndDeletesByPrimaryKey() async throws {
        try await withClient(database.url) { client in
            let inserted = try await client.insert(self.makeUser("ada"), leavingOut: [.id, .createdAt, .updatedAt])
            #expect(inserted.username == "ada")
            #expect(inserted.role == .user)
            let found = try #require(try await client.find(User.self, key: inserted.id))
            #expect(found == inserted)

            var changed = found
            changed.role = .admin
            changed.passwordHash = "argon2$…"
            let updated = try #require(try await client.update(changed))
            #expect(updated.role == .admin)
            #expect(updated.passwordHash == "argon2$…")

            #expect(try await client.delete(updated))
            #expect(try await client.find(User.self, key: inserted.id) == nil)
            #expect(try await client.delete(updated) == false)
        }
    }

    @Test func nilIsWrittenAsNullNotLeftToTheDefault() async throws {
        try await withClient(database.url) { client in
            let tenant = try await client.insert(Tenant(id: UUID(), name: nil, createdAt: .now()))
            #expect(tenant.name == nil)
            var named = tenant
            named.name = "Acme"
            #expect(try await client.update(named)?.name == "Acme")
            named.name = nil
            #expect(try await client.update(named)?.name == nil)
        }
    }

    @Test func databaseFilledColumnsComeBackFromTheInsert() async throws {
        try await withClient(database.url) { client in
            let before = PGTimestamp.now()
            let user = try await client.insert(self.makeUser("grace"), leavingOut: User.Column.databaseFilled)
            #expect(User.Column.databaseFilled == [.id, .emailVerified, .createdAt, .updatedAt, .role])
            #expect(user.createdAt.microsecondsSince2000 >= before.microsecondsSince2000 - 5_000_000)
            #expect(user.emailVerified == false)
        }
    }

    @Test func followsRelationsBothWays() async throws {
        try await withClient(database.url) { client in
            let user = try await client.insert(self.makeUser("linus"), leavingOut: [.createdAt, .updatedAt])
            let expiry = PGTimestamp(Date().addingTimeInterval(3600))
            for index in 0..<3 {
                try await client.insert(RefreshToken(id: UUID(), userID: user.id, tokenHash: "hash-\(index)", expiresAt: expiry, revokedAt: nil, createdAt: .now()),
                                        leavingOut: [.createdAt])
            }
            let tokens = try await client.related(User.Relations.refreshTokens, of: user)
            #expect(tokens.map(\.tokenHash).sorted() == ["hash-0", "hash-1", "hash-2"])
            let owner = try #require(try await client.related(RefreshToken.Relations.user, of: tokens[0]))
            #expect(owner.id == user.id)
        }
    }

    @Test func queriesFilterOrderAndCount() async throws {
        try await withClient(database.url) { client in
            for name in ["q1", "q2", "q3"] {
                var user = self.makeUser(name)
                user.role = name == "q2" ? .admin : .user
                try await client.insert(user, leavingOut: [.createdAt, .updatedAt])
            }
            let admins = try EntityQuery(User.self).where(.role, .equal, UserRole.admin).where(.username, .like, "q%")
            #expect(try await client.all(admins).map(\.username) == ["q2"])
            let ordered = try EntityQuery(User.self).where(.username, .like, "q%").orderBy(.username, ascending: false).limit(2)
            #expect(try await client.all(ordered).map(\.username) == ["q3", "q2"])
            #expect(try await client.count(EntityQuery(User.self).where(.username, .like, "q%")) == 3)
            #expect(try await client.count(EntityQuery(User.self).whereNull(.passwordHash, false).where(.username, .like, "q%")) == 0)
            #expect(try await client.first(EntityQuery(User.self).where(.username, .equal, "nobody")) == nil)
        }
    }

    @Test func decodesRowsOfHandWrittenQueries() async throws {
        try await withClient(database.url) { client in
            let user = try await client.insert(self.makeUser("raw"), leavingOut: [.createdAt, .updatedAt])
            let rows = try await client.query("SELECT * FROM users WHERE username = \("raw")")
            var decoded: [User] = []
            for try await row in rows { decoded.append(try row.decode(User.self)) }
            #expect(decoded == [user])
        }
    }

    @Test func decodingErrorsNameTheColumn() async throws {
        try await withClient(database.url) { client in
            let rows = try await client.query("SELECT 'x'::text AS username, NULL::uuid AS id")
            for try await row in rows {
                #expect {
                    try row.decode(User.self)
                } throws: { error in
                    String(describing: error).contains("id") || String(describing: error).contains("email")
                }
            }
        }
    }
}
