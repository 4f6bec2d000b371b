import AuthModels
import AuthService
import EntityKitTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("GET /users/:id and GET /users", .enabled(if: TestServer.isConfigured, "DATABASE_URL is not set"), .timeLimit(.minutes(10)))
struct ReadUserTests {
    @Test func findsAUserWithoutItsHash() async throws {
        try await withService { client, db in
            let stored = try await db.insert(User.Draft(username: "ada", email: "ada@example.com", passwordHash: "$argon2id$hash"))
            let response = try await client.send(.get, "/users/\(stored.id)")
            #expect(response.status == .ok)
            let user = try json(response)
            #expect(user["id"] as? String == stored.id.uuidString)
            #expect(user["username"] as? String == "ada")
            #expect(user["password_hash"] == nil)
            #expect(!text(response).contains("argon2"))
        }
    }

    @Test func anUnknownIdIsA404() async throws {
        try await withService { client, _ in
            let response = try await client.send(.get, "/users/\(UUID())")
            #expect(response.status == .notFound)
            #expect(try errorFields(response) == ["error": "user not found"])
        }
    }

    @Test(arguments: ["not-a-uuid", "123", "00000000-0000-0000-0000-00000000000Z", "%27%3B%20DROP%20TABLE%20users"])
    func aMalformedIdIsA400ThatDoesNotQuoteIt(id: String) async throws {
        try await withService { client, db in
            let response = try await client.send(.get, "/users/\(id)")
            #expect(response.status == .badRequest)
            #expect(try errorFields(response) == ["error": "the id in the path is not a UUID", "field": "id"])
            #expect(try await db.count(User.self) == 0)
        }
    }

    @Test func anUnknownRouteIsAJSON404() async throws {
        try await withService { client, _ in
            let response = try await client.send(.get, "/nothing/here")
            #expect(response.status == .notFound)
            #expect(try errorFields(response) == ["error": "not found"])
        }
    }

    @Test func listsUsersPageByPageNewestFirst() async throws {
        try await withService { client, _ in
            var ids: [UUID] = []
            for name in ["u-one", "u-two", "u-three", "u-four", "u-five"] {
                ids.append(try await client.createUser(name))
            }
            var seen: [String] = []
            for page in 1...3 {
                let response = try await client.send(.get, "/users?page=\(page)&per=2")
                #expect(response.status == .ok)
                let object = try json(response)
                #expect(object["page"] as? Int == page)
                #expect(object["per"] as? Int == 2)
                #expect(object["total"] as? Int == 5)
                #expect(object["page_count"] as? Int == 3)
                let items = try #require(object["items"] as? [[String: Any]])
                #expect(items.count == (page < 3 ? 2 : 1))
                #expect(items.allSatisfy { $0["password_hash"] == nil })
                seen += items.compactMap { $0["id"] as? String }
            }
            // Every user exactly once, the newest first.
            #expect(seen == ids.reversed().map(\.uuidString))
        }
    }

    @Test func aPagePastTheEndIsEmptyWithTheTotal() async throws {
        try await withService { client, _ in
            _ = try await client.createUser("only")
            let object = try json(try await client.send(.get, "/users?page=4&per=2"))
            #expect((object["items"] as? [Any])?.isEmpty == true)
            #expect(object["total"] as? Int == 1)
            #expect(object["page_count"] as? Int == 1)
        }
    }

    @Test func theDefaultsArePage1Of20() async throws {
        try await withService { client, _ in
            let object = try json(try await client.send(.get, "/users"))
            #expect(object["page"] as? Int == 1)
            #expect(object["per"] as? Int == 20)
            #expect(object["total"] as? Int == 0)
            #expect(object["page_count"] as? Int == 0)
        }
    }

    @Test(arguments: [
        ("page=0", "page", "pages are numbered from 1"),
        ("page=-1", "page", "pages are numbered from 1"),
        ("page=\(Int.min)", "page", "pages are numbered from 1"),
        ("page=\(Int.max)", "page", "the page is out of range"),
        ("page=\(Int.max / 10)&per=100", "page", "the page is out of range"),
        ("page=99999999999999999999", "page", "page must be a whole number"),
        ("page=1.5", "page", "page must be a whole number"),
        ("page=two", "page", "page must be a whole number"),
        ("page=", "page", "page must be a whole number"),
        ("per=0", "per", "a page holds at least 1 row"),
        ("per=-5", "per", "a page holds at least 1 row"),
        ("per=101", "per", "per is at most 100"),
        ("per=\(Int.max)", "per", "per is at most 100"),
        ("per=99999999999999999999", "per", "per must be a whole number"),
    ])
    func aPageRequestThatCannotBeMetIsA400(query: String, field: String, message: String) async throws {
        try await withService { client, _ in
            _ = try await client.createUser("ada")
            let response = try await client.send(.get, "/users?\(query)")
            #expect(response.status == .badRequest)
            #expect(try errorFields(response) == ["error": message, "field": field])
        }
    }
}
