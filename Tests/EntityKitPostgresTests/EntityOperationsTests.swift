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

    private func makeUser(_ name: String) -> User.Draft {
        User.Draft(id: UUID(), username: name, email: "\(name)@example.com", passwordHash: nil, emailVerified: false, role: .user)
    }

    @Test func insertsFindsUpdatesAndDeletesByPrimaryKey() async throws {
        try await withClient(database.url) { client in
            var draft = self.makeUser("ada")
            draft.id = nil
            let inserted = try await client.insert(draft)
            #expect(inserted.username == "ada")
            #expect(inserted.role == .user)
            let found = try #require(try await client.find(User.self, key: inserted.id))
            #expect(found == inserted)

            let updated = try #require(try await client.update(found) { row in
                row.role = .admin
                row.passwordHash = "argon2$…"
            })
            #expect(updated.role == .admin)
            #expect(updated.passwordHash == "argon2$…")

            #expect(try await client.delete(updated))
            #expect(try await client.find(User.self, key: inserted.id) == nil)
            #expect(try await client.delete(updated) == false)
        }
    }

    @Test func nilIsWrittenAsNullNotLeftToTheDefault() async throws {
        try await withClient(database.url) { client in
            let tenant = try await client.insert(Tenant.Draft(id: UUID(), name: nil, createdAt: .now()))
            #expect(tenant.name == nil)
            let named = try #require(try await client.update(tenant) { $0.name = "Acme" })
            #expect(named.name == "Acme")
            #expect(try await client.update(named) { $0.name = nil }?.name == nil)
        }
    }

    @Test func databaseFilledColumnsComeBackFromTheInsert() async throws {
        try await withClient(database.url) { client in
            let before = PGTimestamp.now()
            let user = try await client.insert(User.Draft(username: "grace", email: "grace@example.com"))
            #expect(User.Column.databaseFilled == [.id, .emailVerified, .createdAt, .updatedAt, .role])
            #expect(user.createdAt.microsecondsSince2000 >= before.microsecondsSince2000 - 5_000_000)
            #expect(user.emailVerified == false)
        }
    }

    @Test func followsRelationsBothWays() async throws {
        try await withClient(database.url) { client in
            let user = try await client.insert(self.makeUser("linus"))
            let expiry = PGTimestamp(Date().addingTimeInterval(3600))
            for index in 0..<3 {
                _ = try await client.insert(RefreshToken.Draft(id: UUID(), userID: user.id, tokenHash: "hash-\(index)", expiresAt: expiry, revokedAt: nil))
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
                _ = try await client.insert(user)
            }
            let admins = User.where { $0.role == .admin && $0.username.like("q%") }
            #expect(try await client.all(admins).map(\.username) == ["q2"])
            let ordered = User.where { $0.username.like("q%") }.order { $0.username.descending }.limit(2)
            #expect(try await client.all(ordered).map(\.username) == ["q3", "q2"])
            #expect(try await client.count(User.where { $0.username.like("q%") }) == 3)
            #expect(try await client.count(User.where { $0.passwordHash.isNotNull() && $0.username.like("q%") }) == 0)
            #expect(try await client.first(User.where { $0.username == "nobody" }) == nil)
        }
    }

    @Test func decodesRowsOfHandWrittenQueries() async throws {
        try await withClient(database.url) { client in
            let user = try await client.insert(self.makeUser("raw"))
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
