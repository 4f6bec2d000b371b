import AuthModels
import AuthService
import EntityKitTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("PATCH /users/:id and DELETE /users/:id", .enabled(if: TestServer.isConfigured, "DATABASE_URL is not set"), .timeLimit(.minutes(10)))
struct WriteUserTests {
    @Test func changesOnlyTheFieldsTheBodyHolds() async throws {
        try await withService { client, db in
            let before = try await db.insert(User.Draft(username: "ada", email: "ada@example.com", passwordHash: "old-hash"))
            let response = try await client.send(.patch, "/users/\(before.id)", json: #"{"email": "ada@lovelace.example"}"#)
            #expect(response.status == .ok)
            let user = try json(response)
            #expect(user["email"] as? String == "ada@lovelace.example")
            #expect(user["username"] as? String == "ada")
            #expect(user["password_hash"] == nil)
            let after = try #require(try await db.find(User.self, key: before.id))
            #expect(after.email == "ada@lovelace.example")
            #expect(after.username == before.username)
            #expect(after.passwordHash == "old-hash")
            #expect(after.createdAt == before.createdAt)
            #expect(after.updatedAt > before.updatedAt)
        }
    }

    @Test func writesNothingWhenNothingChanges() async throws {
        try await withService { client, db in
            let before = try await db.insert(User.Draft(username: "ada", email: "ada@example.com"))
            for body in ["{}", #"{"username": "ada"}"#] {
                let response = try await client.send(.patch, "/users/\(before.id)", json: body)
                #expect(response.status == .ok)
            }
            #expect(try await db.find(User.self, key: before.id) == before)
        }
    }

    @Test func keepsAColumnAnotherWriterChanged() async throws {
        try await withService { client, db in
            let user = try await db.insert(User.Draft(username: "ada", email: "ada@example.com"))
            // Verified behind the service's back: the PATCH reads the row after this, so it
            // keeps the flag; and it writes only username and updated_at in any case.
            _ = try await db.update(User.self, key: user.id) { $0.emailVerified.set(true) }
            let response = try await client.send(.patch, "/users/\(user.id)", json: #"{"username": "ada_l"}"#)
            #expect(response.status == .ok)
            let stored = try #require(try await db.find(User.self, key: user.id))
            #expect(stored.username == "ada_l")
            #expect(stored.emailVerified)
        }
    }

    @Test func setsAndClearsThePasswordHash() async throws {
        try await withService { client, db in
            let user = try await db.insert(User.Draft(username: "ada", email: "ada@example.com"))
            #expect(try await client.send(.patch, "/users/\(user.id)", json: #"{"password_hash": "new-hash"}"#).status == .ok)
            #expect(try await db.find(User.self, key: user.id)?.passwordHash == "new-hash")
            #expect(try await client.send(.patch, "/users/\(user.id)", json: #"{"password_hash": null}"#).status == .ok)
            #expect(try await db.find(User.self, key: user.id)?.passwordHash == nil)
        }
    }

    @Test func anEmailTakenByAnotherUserIsA409WithoutTheValue() async throws {
        try await withService { client, db in
            _ = try await db.insert(User.Draft(username: "grace", email: "grace@example.com"))
            let ada = try await db.insert(User.Draft(username: "ada", email: "ada@example.com"))
            let response = try await client.send(.patch, "/users/\(ada.id)", json: #"{"email": "grace@example.com"}"#)
            #expect(response.status == .conflict)
            #expect(try errorFields(response) == ["error": "that email is taken", "key": "email"])
            #expect(!text(response).contains("grace@example.com"))
            #expect(try await db.find(User.self, key: ada.id) == ada)
        }
    }

    @Test func anUnknownUserIsA404() async throws {
        try await withService { client, _ in
            let response = try await client.send(.patch, "/users/\(UUID())", json: #"{"username": "nobody"}"#)
            #expect(response.status == .notFound)
            #expect(try errorFields(response) == ["error": "user not found"])
        }
    }

    @Test(arguments: [
        ("not-a-uuid", #"{"username": "ada"}"#, HTTPResponse.Status.badRequest, "id"),
        (nil, #"{"username": "#, .badRequest, nil),
        (nil, #"{"username": 5}"#, .badRequest, "username"),
        (nil, #"{"username": "ab"}"#, .unprocessableContent, "username"),
        (nil, #"{"email": "nowhere"}"#, .unprocessableContent, "email"),
        (nil, #"{"role": "admin"}"#, .unprocessableContent, "role"),
        (nil, #"{"email_verified": true}"#, .unprocessableContent, "email_verified"),
        (nil, #"{"id": "\#(UUID())"}"#, .unprocessableContent, "id"),
    ] as [(String?, String, HTTPResponse.Status, String?)])
    func aBadChangeIsRefusedAndWritesNothing(id: String?, body: String, status: HTTPResponse.Status, field: String?) async throws {
        try await withService { client, db in
            let user = try await db.insert(User.Draft(username: "ada", email: "ada@example.com"))
            let response = try await client.send(.patch, "/users/\(id ?? user.id.uuidString)", json: body)
            #expect(response.status == status)
            #expect(try errorFields(response)["field"] == field)
            #expect(try await db.find(User.self, key: user.id) == user)
        }
    }

    @Test func deletesAUserAndItsTokens() async throws {
        try await withService { client, db in
            let id = try await client.createUser("ada")
            #expect(try await client.send(.post, "/users/\(id)/tokens", json: "{}").status == .created)
            let response = try await client.send(.delete, "/users/\(id)")
            #expect(response.status == .noContent)
            #expect(response.body.readableBytes == 0)
            #expect(try await db.find(User.self, key: id) == nil)
            #expect(try await db.count(RefreshToken.self) == 0)
            #expect(try await client.send(.get, "/users/\(id)").status == .notFound)
            // Deleting again: nothing to delete.
            let again = try await client.send(.delete, "/users/\(id)")
            #expect(again.status == .notFound)
            #expect(try errorFields(again) == ["error": "user not found"])
        }
    }

    @Test func aMalformedIdIsA400() async throws {
        try await withService { client, _ in
            let response = try await client.send(.delete, "/users/12345")
            #expect(response.status == .badRequest)
            #expect(try errorFields(response)["field"] == "id")
        }
    }

    @Test func aUserOthersStillReferToIsA409NamingTheRelation() async throws {
        try await withService { client, db in
            let sender = try await db.insert(User.Draft(username: "ada", email: "ada@example.com"))
            let recipient = try await db.insert(User.Draft(username: "grace", email: "grace@example.com"))
            // messages.sender_id has no ON DELETE action: the sender must stay.
            _ = try await db.insert(Message.Draft(senderID: sender.id, recipientID: recipient.id, body: "hello"))
            let response = try await client.send(.delete, "/users/\(sender.id)")
            #expect(response.status == .conflict)
            #expect(try errorFields(response) == ["error": "other rows still refer to this user", "relation": "messagesAsSender"])
            #expect(try await db.find(User.self, key: sender.id) != nil)
        }
    }
}
