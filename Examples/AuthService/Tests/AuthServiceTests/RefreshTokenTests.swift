import AuthModels
import AuthService
import EntityKitTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("POST and GET /users/:id/tokens", .enabled(if: TestServer.isConfigured, "DATABASE_URL is not set"), .timeLimit(.minutes(10)))
struct RefreshTokenTests {
    @Test func mintsATokenWhoseHashAloneIsStored() async throws {
        try await withService { client, db in
            let userID = try await client.createUser("ada")
            let response = try await client.send(.post, "/users/\(userID)/tokens", json: #"{"expires_in": 3600}"#)
            #expect(response.status == .created)
            let issued = try json(response)
            let secret = try #require(issued["token"] as? String)
            #expect(secret.count == 43)
            let id = try uuid(issued["id"])
            let stored = try #require(try await db.find(RefreshToken.self, key: id))
            #expect(stored.userID == userID)
            #expect(stored.tokenHash == TokenSecret.hash(secret))
            #expect(stored.tokenHash != secret)
            #expect(issued["expires_at"] as? String == stored.expiresAt.postgresLiteral)
            let lifetime = stored.expiresAt.date.timeIntervalSince(stored.createdAt.date)
            #expect(abs(lifetime - 3600) < 60)
        }
    }

    @Test func anEmptyObjectTakesTheDefaultLifetime() async throws {
        try await withService { client, db in
            let userID = try await client.createUser("ada")
            let response = try await client.send(.post, "/users/\(userID)/tokens", json: "{}")
            #expect(response.status == .created)
            let token = try #require(try await db.first(RefreshToken.where { $0.userID == userID }))
            let lifetime = token.expiresAt.date.timeIntervalSince(token.createdAt.date)
            #expect(abs(lifetime - 30 * 24 * 3600) < 60)
        }
    }

    @Test func anUnknownUserIsA404FromTheForeignKey() async throws {
        try await withService { client, db in
            let response = try await client.send(.post, "/users/\(UUID())/tokens", json: "{}")
            #expect(response.status == .notFound)
            #expect(try errorFields(response) == ["error": "user not found"])
            #expect(try await db.count(RefreshToken.self) == 0)
        }
    }

    @Test(arguments: [
        (#"{"expires_in": "soon"}"#, HTTPResponse.Status.badRequest, "expires_in"),
        // Foundation on Linux reads a number that does not fit an Int as invalid JSON, with no
        // field; on Apple platforms it names the field. Either way, a 400.
        (#"{"expires_in": 1.5}"#, .badRequest, nil),
        (#"{"expires_in": 59}"#, .unprocessableContent, "expires_in"),
        (#"{"expires_in": 7776001}"#, .unprocessableContent, "expires_in"),
        (#"{"expires_in": -1}"#, .unprocessableContent, "expires_in"),
        (#"{"expires_in": 99999999999999999999}"#, .badRequest, nil),
        (#"{"expires_in": "#, .badRequest, nil),
        (#"[]"#, .badRequest, nil),
    ] as [(String, HTTPResponse.Status, String?)])
    func aBadBodyIsRefusedAndMintsNothing(body: String, status: HTTPResponse.Status, field: String?) async throws {
        try await withService { client, db in
            let userID = try await client.createUser("ada")
            let response = try await client.send(.post, "/users/\(userID)/tokens", json: body)
            #expect(response.status == status)
            let named = try errorFields(response)["field"]
            #expect(named == field || (field == nil && named == "expires_in"))
            #expect(try await db.count(RefreshToken.self) == 0)
        }
    }

    @Test func aMalformedUserIdIsA400() async throws {
        try await withService { client, _ in
            let minting = try await client.send(.post, "/users/nope/tokens", json: "{}")
            #expect(minting.status == .badRequest)
            let listing = try await client.send(.get, "/users/nope/tokens")
            #expect(listing.status == .badRequest)
        }
    }

    @Test func listsTheUsersTokensNewestFirstWithoutHashes() async throws {
        try await withService { client, db in
            let ada = try await client.createUser("ada")
            let grace = try await client.createUser("grace")
            var minted: [String] = []
            for _ in 0..<3 {
                minted.append(try #require(try json(try await client.send(.post, "/users/\(ada)/tokens", json: "{}"))["id"] as? String))
            }
            _ = try await client.send(.post, "/users/\(grace)/tokens", json: "{}")
            let response = try await client.send(.get, "/users/\(ada)/tokens")
            #expect(response.status == .ok)
            let tokens = try jsonArray(response)
            #expect(tokens.compactMap { $0["id"] as? String } == minted.reversed())
            #expect(tokens.allSatisfy { $0["token_hash"] == nil && $0["token"] == nil && $0["expires_at"] is String })
            let hashes = try await db.all(RefreshToken.self).map(\.tokenHash)
            #expect(hashes.allSatisfy { !text(response).contains($0) })
        }
    }

    @Test func aUserWithoutTokensHasAnEmptyList() async throws {
        try await withService { client, _ in
            let ada = try await client.createUser("ada")
            let response = try await client.send(.get, "/users/\(ada)/tokens")
            #expect(response.status == .ok)
            #expect(try jsonArray(response).isEmpty)
        }
    }

    @Test func anUnknownUsersTokensAreA404() async throws {
        try await withService { client, _ in
            let response = try await client.send(.get, "/users/\(UUID())/tokens")
            #expect(response.status == .notFound)
            #expect(try errorFields(response) == ["error": "user not found"])
        }
    }
}
