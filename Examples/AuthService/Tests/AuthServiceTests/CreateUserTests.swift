import AuthModels
import AuthService
import EntityKitTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("POST /users", .enabled(if: TestServer.isConfigured, "DATABASE_URL is not set"), .timeLimit(.minutes(10)))
struct CreateUserTests {
    @Test func signsAUserUpAndAnswersWithTheRowWithoutItsHash() async throws {
        try await withService { client, db in
            let response = try await client.send(
                .post, "/users", json: #"{"username": "ada", "email": "ada@example.com", "password_hash": "$argon2id$v=19$secret"}"#)
            #expect(response.status == .created)
            let user = try json(response)
            #expect(user["username"] as? String == "ada")
            #expect(user["email"] as? String == "ada@example.com")
            #expect(user["email_verified"] as? Bool == false)
            #expect(user["role"] as? String == "user")
            #expect(user["password_hash"] == nil)
            #expect(user["created_at"] is String)
            let id = try uuid(user["id"])
            #expect(response.headers[.location] == "/users/\(id.uuidString)")
            let stored = try #require(try await db.find(User.self, key: id))
            #expect(stored.passwordHash == "$argon2id$v=19$secret")
            #expect(!text(response).contains("argon2"))
        }
    }

    @Test func aDuplicateEmailIsA409NamingTheKeyNotTheValue() async throws {
        try await withService { client, db in
            _ = try await client.createUser("ada", email: "ada@example.com")
            let response = try await client.send(.post, "/users", json: #"{"username": "ada2", "email": "ada@example.com"}"#)
            #expect(response.status == .conflict)
            #expect(try errorFields(response) == ["error": "that email is taken", "key": "email"])
            #expect(!text(response).contains("ada@example.com"))
            #expect(try await db.count(User.self) == 1)
        }
    }

    @Test func aDuplicateUsernameIsA409NamingTheKeyNotTheValue() async throws {
        try await withService { client, _ in
            _ = try await client.createUser("grace")
            let response = try await client.send(.post, "/users", json: #"{"username": "grace", "email": "other@example.com"}"#)
            #expect(response.status == .conflict)
            #expect(try errorFields(response) == ["error": "that username is taken", "key": "username"])
            #expect(!text(response).contains("grace"))
            #expect(!text(response).contains("other@example.com"))
        }
    }

    @Test func aDuplicateIdIsA409() async throws {
        try await withService { client, _ in
            let id = UUID()
            let first = try await client.send(.post, "/users", json: #"{"id": "\#(id)", "username": "one", "email": "one@example.com"}"#)
            #expect(first.status == .created)
            let second = try await client.send(.post, "/users", json: #"{"id": "\#(id)", "username": "two", "email": "two@example.com"}"#)
            #expect(second.status == .conflict)
            #expect(try errorFields(second)["key"] == "id")
            #expect(!text(second).contains(id.uuidString))
        }
    }

    @Test(arguments: [
        #"{"username": "ada", "email": "ada@example.com""#,     // cut short
        #"not json"#,
        #"{"username": "ada" "email": "ada@example.com"}"#,     // no comma
    ])
    func invalidJSONIsA400(body: String) async throws {
        try await withService { client, db in
            let response = try await client.send(.post, "/users", json: body)
            #expect(response.status == .badRequest)
            #expect(try errorFields(response) == ["error": "the body is not valid JSON"])
            #expect(try await db.count(User.self) == 0)
        }
    }

    @Test func anEmptyBodyIsA400() async throws {
        try await withService { client, _ in
            let response = try await client.send(.post, "/users")
            #expect(response.status == .badRequest)
            #expect(try errorFields(response) == ["error": "the request needs a JSON body"])
        }
    }

    @Test func aBodyOver64KiBIsA413() async throws {
        try await withService { client, db in
            let padding = String(repeating: " ", count: 64 * 1024)
            let response = try await client.send(.post, "/users", json: #"{"username": "ada", "email": "ada@example.com"}"# + padding)
            #expect(response.status == .contentTooLarge)
            #expect(try errorFields(response) == ["error": "content too large"])
            #expect(try await db.count(User.self) == 0)
        }
    }

    @Test(arguments: ["email", "username"])
    func aMissingRequiredFieldIsA400NamingIt(missing: String) async throws {
        try await withService { client, _ in
            let fields = ["username": #""ada""#, "email": #""ada@example.com""#].filter { $0.key != missing }
            let body = "{" + fields.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ") + "}"
            let response = try await client.send(.post, "/users", json: body)
            #expect(response.status == .badRequest)
            #expect(try errorFields(response) == ["error": "a required field is missing", "field": missing])
        }
    }

    @Test(arguments: [
        (#"{"username": 42, "email": "ada@example.com"}"#, "username"),
        (#"{"username": "ada", "email": ["ada@example.com"]}"#, "email"),
        (#"{"username": "ada", "email": "ada@example.com", "invited_by_id": 7}"#, "invited_by_id"),
        (#"{"username": "ada", "email": "ada@example.com", "id": "not-a-uuid"}"#, "id"),
        (#"{"username": "ada", "email": "ada@example.com", "role": "superuser"}"#, "role"),
        (#"{"username": null, "email": "ada@example.com"}"#, "username"),
    ])
    func aFieldOfTheWrongTypeIsA400NamingIt(body: String, field: String) async throws {
        try await withService { client, _ in
            let response = try await client.send(.post, "/users", json: body)
            #expect(response.status == .badRequest)
            #expect(try errorFields(response)["field"] == field)
            #expect(!text(response).contains("superuser"))
            #expect(!text(response).contains("not-a-uuid"))
        }
    }

    @Test(arguments: [
        (#"{"username": "ab", "email": "ada@example.com"}"#, "username"),
        (#"{"username": "\#(String(repeating: "a", count: 51))", "email": "ada@example.com"}"#, "username"),
        (#"{"username": "a\u0000b", "email": "ada@example.com"}"#, "username"),
        (#"{"username": "ada", "email": "ada.example.com"}"#, "email"),
        (#"{"username": "ada", "email": "\#(String(repeating: "a", count: 250))@example.com"}"#, "email"),
        (#"{"username": "ada", "email": "ada@example.com", "password_hash": "\#(String(repeating: "h", count: 256))"}"#, "password_hash"),
        (#"{"username": "ada", "email": "ada@example.com", "role": "admin"}"#, "role"),
        (#"{"username": "ada", "email": "ada@example.com", "email_verified": true}"#, "email_verified"),
        (#"{"username": "ada", "email": "ada@example.com", "created_at": "2024-01-15T10:30:00Z"}"#, "created_at"),
    ])
    func aValueThatBreaksARuleIsA422NamingTheField(body: String, field: String) async throws {
        try await withService { client, db in
            let response = try await client.send(.post, "/users", json: body)
            #expect(response.status == .unprocessableContent)
            #expect(try errorFields(response)["field"] == field)
            #expect(try await db.count(User.self) == 0)
        }
    }

    @Test func usernamesOf3And50CharactersAreAccepted() async throws {
        try await withService { client, _ in
            _ = try await client.createUser("abc")
            _ = try await client.createUser(String(repeating: "z", count: 50))
        }
    }

    @Test func anInviterThatDoesNotExistIsA422FromTheForeignKey() async throws {
        try await withService { client, db in
            let response = try await client.send(
                .post, "/users", json: #"{"username": "ada", "email": "ada@example.com", "invited_by_id": "\#(UUID())"}"#)
            #expect(response.status == .unprocessableContent)
            #expect(try errorFields(response) == ["error": "invited_by_id names no user", "field": "invited_by_id", "relation": "invitedBy"])
            #expect(try await db.count(User.self) == 0)
        }
    }

    @Test func anInviterThatExistsIsStored() async throws {
        try await withService { client, db in
            let inviter = try await client.createUser("grace")
            let response = try await client.send(
                .post, "/users", json: #"{"username": "ada", "email": "ada@example.com", "invited_by_id": "\#(inviter)"}"#)
            #expect(response.status == .created)
            let id = try uuid(try json(response)["id"])
            #expect(try await db.find(User.self, key: id)?.invitedByID == inviter)
        }
    }
}
