import AuthModels
import AuthService
import EntityKitTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("POST /users/:id/verify-email", .enabled(if: TestServer.isConfigured, "DATABASE_URL is not set"), .timeLimit(.minutes(10)))
struct VerifyEmailTests {
    /// A user and a verification token for it (as a sign-up email would carry), stored as its hash.
    func userWithToken(_ db: DatabaseClient, _ name: String, expiresIn seconds: TimeInterval = 3600) async throws -> (User, secret: String) {
        let user = try await db.insert(User.Draft(username: name, email: "\(name)@example.com"))
        let secret = TokenSecret.generate()
        try await db.insert(EmailVerificationToken.Draft(
            userID: user.id, tokenHash: TokenSecret.hash(secret), expiresAt: PGTimestamp(Date().addingTimeInterval(seconds))))
        return (user, secret)
    }

    @Test func consumesTheTokenAndSetsTheFlagTogether() async throws {
        try await withService { client, db in
            let (user, secret) = try await userWithToken(db, "ada")
            let response = try await client.send(.post, "/users/\(user.id)/verify-email", json: #"{"token": "\#(secret)"}"#)
            #expect(response.status == .ok)
            #expect(try json(response)["email_verified"] as? Bool == true)
            let stored = try #require(try await db.find(User.self, key: user.id))
            #expect(stored.emailVerified)
            #expect(stored.updatedAt > user.updatedAt)
            #expect(try await db.count(EmailVerificationToken.self) == 0)
        }
    }

    @Test func aTokenWorksOnceThenIsA404() async throws {
        try await withService { client, db in
            let (user, secret) = try await userWithToken(db, "ada")
            #expect(try await client.send(.post, "/users/\(user.id)/verify-email", json: #"{"token": "\#(secret)"}"#).status == .ok)
            let again = try await client.send(.post, "/users/\(user.id)/verify-email", json: #"{"token": "\#(secret)"}"#)
            #expect(again.status == .notFound)
            #expect(try errorFields(again) == ["error": "verification token not found"])
            #expect(!text(again).contains(secret))
        }
    }

    @Test func concurrentUsesOfOneTokenSucceedOnce() async throws {
        try await withService { client, db in
            let (user, secret) = try await userWithToken(db, "ada")
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        try await client.send(.post, "/users/\(user.id)/verify-email", json: #"{"token": "\#(secret)"}"#).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 1)
            #expect(statuses.filter { $0 == .notFound }.count == 3)
        }
    }

    @Test func aWrongTokenIsA404AndChangesNothing() async throws {
        try await withService { client, db in
            let (user, _) = try await userWithToken(db, "ada")
            let response = try await client.send(.post, "/users/\(user.id)/verify-email", json: #"{"token": "guessed"}"#)
            #expect(response.status == .notFound)
            #expect(try await db.find(User.self, key: user.id)?.emailVerified == false)
            #expect(try await db.count(EmailVerificationToken.self) == 1)
        }
    }

    @Test func anotherUsersTokenIsA404AndStaysUnused() async throws {
        try await withService { client, db in
            let (ada, _) = try await userWithToken(db, "ada")
            let (grace, gracesSecret) = try await userWithToken(db, "grace")
            let response = try await client.send(.post, "/users/\(ada.id)/verify-email", json: #"{"token": "\#(gracesSecret)"}"#)
            #expect(response.status == .notFound)
            #expect(try await db.find(User.self, key: ada.id)?.emailVerified == false)
            #expect(try await db.find(User.self, key: grace.id)?.emailVerified == false)
            #expect(try await db.count(EmailVerificationToken.self) == 2)
        }
    }

    @Test func anExpiredTokenIsA404() async throws {
        try await withService { client, db in
            let (user, secret) = try await userWithToken(db, "ada", expiresIn: -60)
            let response = try await client.send(.post, "/users/\(user.id)/verify-email", json: #"{"token": "\#(secret)"}"#)
            #expect(response.status == .notFound)
            #expect(try await db.find(User.self, key: user.id)?.emailVerified == false)
        }
    }

    @Test func aFailedUpdateKeepsTheToken() async throws {
        try await withService { client, db in
            let (user, secret) = try await userWithToken(db, "ada")
            // A rule that makes the second statement of the transaction fail, after the first
            // one consumed the token: the token must come back with the rollback.
            try await db.execute("ALTER TABLE users ADD CONSTRAINT no_verified_emails CHECK (NOT email_verified)")
            let response = try await client.send(.post, "/users/\(user.id)/verify-email", json: #"{"token": "\#(secret)"}"#)
            #expect(response.status == .unprocessableContent)
            #expect(try errorFields(response) == ["error": "a value breaks a rule of the schema"])
            #expect(try await db.count(EmailVerificationToken.self) == 1)
            #expect(try await db.find(User.self, key: user.id)?.emailVerified == false)
            // Once the rule is gone, the same token works.
            try await db.execute("ALTER TABLE users DROP CONSTRAINT no_verified_emails")
            #expect(try await client.send(.post, "/users/\(user.id)/verify-email", json: #"{"token": "\#(secret)"}"#).status == .ok)
        }
    }

    @Test(arguments: [
        ("{}", HTTPResponse.Status.badRequest, "token"),
        (#"{"token": 12}"#, .badRequest, "token"),
        (#"{"token": null}"#, .badRequest, "token"),
        (#"{"token""#, .badRequest, nil),
    ] as [(String, HTTPResponse.Status, String?)])
    func aBadBodyIsA400(body: String, status: HTTPResponse.Status, field: String?) async throws {
        try await withService { client, db in
            let (user, _) = try await userWithToken(db, "ada")
            let response = try await client.send(.post, "/users/\(user.id)/verify-email", json: body)
            #expect(response.status == status)
            #expect(try errorFields(response)["field"] == field)
            #expect(try await db.count(EmailVerificationToken.self) == 1)
        }
    }

    @Test func aMalformedUserIdIsA400() async throws {
        try await withService { client, _ in
            let response = try await client.send(.post, "/users/xyz/verify-email", json: #"{"token": "t"}"#)
            #expect(response.status == .badRequest)
            #expect(try errorFields(response)["field"] == "id")
        }
    }
}
