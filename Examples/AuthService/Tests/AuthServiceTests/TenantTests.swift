import AuthModels
import AuthService
import EntityKitTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("POST /tenants and POST /tenants/:id/members", .enabled(if: TestServer.isConfigured, "DATABASE_URL is not set"), .timeLimit(.minutes(10)))
struct TenantTests {
    @Test func createsATenant() async throws {
        try await withService { client, db in
            let response = try await client.send(.post, "/tenants", json: #"{"name": "Acme", "billing_email": "billing@acme.example"}"#)
            #expect(response.status == .created)
            let tenant = try json(response)
            #expect(tenant["name"] as? String == "Acme")
            #expect(tenant["billing_email"] as? String == "billing@acme.example")
            let id = try uuid(tenant["id"])
            #expect(response.headers[.location] == "/tenants/\(id.uuidString)")
            #expect(try await db.find(Tenant.self, key: id)?.name == "Acme")
        }
    }

    @Test func everyFieldIsOptional() async throws {
        try await withService { client, db in
            let response = try await client.send(.post, "/tenants", json: "{}")
            #expect(response.status == .created)
            #expect(try json(response)["name"] == nil)
            #expect(try await db.count(Tenant.self) == 1)
        }
    }

    @Test func aBillingEmailTheDomainRefusesIsA422FromItsCheck() async throws {
        try await withService { client, db in
            let response = try await client.send(.post, "/tenants", json: #"{"name": "Acme", "billing_email": "two@@example.com"}"#)
            #expect(response.status == .unprocessableContent)
            #expect(try errorFields(response) == ["error": "billing_email must hold exactly one @", "field": "billing_email"])
            #expect(!text(response).contains("two@@example.com"))
            #expect(try await db.count(Tenant.self) == 0)
        }
    }

    @Test func aDuplicateIdIsA409() async throws {
        try await withService { client, _ in
            let id = UUID()
            #expect(try await client.send(.post, "/tenants", json: #"{"id": "\#(id)"}"#).status == .created)
            let response = try await client.send(.post, "/tenants", json: #"{"id": "\#(id)", "name": "Again"}"#)
            #expect(response.status == .conflict)
            #expect(try errorFields(response) == ["error": "that id is taken", "key": "id"])
            #expect(!text(response).contains(id.uuidString))
        }
    }

    @Test(arguments: [
        (#"{"name": 5}"#, HTTPResponse.Status.badRequest, "name"),
        (#"{"id": "acme"}"#, .badRequest, "id"),
        (#"{"name": "#, .badRequest, nil),
        (#"{"name": "\#(String(repeating: "n", count: 201))"}"#, .unprocessableContent, "name"),
        (#"{"billing_email": "\#(String(repeating: "b", count: 250))@example.com"}"#, .unprocessableContent, nil),
    ] as [(String, HTTPResponse.Status, String?)])
    func aBadBodyIsRefused(body: String, status: HTTPResponse.Status, field: String?) async throws {
        try await withService { client, db in
            let response = try await client.send(.post, "/tenants", json: body)
            #expect(response.status == status)
            #expect(try errorFields(response)["field"] == field)
            #expect(try await db.count(Tenant.self) == 0)
        }
    }

    /// A tenant, made through the service.
    func tenant(_ client: any TestClientProtocol) async throws -> UUID {
        let response = try await client.send(.post, "/tenants", json: #"{"name": "Acme"}"#)
        return try uuid(try json(response)["id"])
    }

    @Test func addsAMemberWithTheDefaultRole() async throws {
        try await withService { client, db in
            let tenantID = try await tenant(client)
            let userID = try await client.createUser("ada")
            let response = try await client.send(.post, "/tenants/\(tenantID)/members", json: #"{"user_id": "\#(userID)"}"#)
            #expect(response.status == .created)
            let membership = try json(response)
            #expect(membership["tenant_id"] as? String == tenantID.uuidString)
            #expect(membership["user_id"] as? String == userID.uuidString)
            #expect(membership["roles"] as? [String] == ["user"])
            let stored = try await db.related(User.Relations.tenants, of: try #require(try await db.find(User.self, key: userID)))
            #expect(stored.map(\.id) == [tenantID])
        }
    }

    @Test func addsAMemberWithRoles() async throws {
        try await withService { client, db in
            let tenantID = try await tenant(client)
            let userID = try await client.createUser("ada")
            let response = try await client.send(.post, "/tenants/\(tenantID)/members", json: #"{"user_id": "\#(userID)", "roles": ["admin", "user"]}"#)
            #expect(response.status == .created)
            let stored = try await db.find(TenantMembership.self, key: .init(tenantID: tenantID, userID: userID))
            #expect(stored?.roles == [.admin, .user])
        }
    }

    @Test func aSecondMembershipIsA409NamingTheKey() async throws {
        try await withService { client, _ in
            let tenantID = try await tenant(client)
            let userID = try await client.createUser("ada")
            #expect(try await client.send(.post, "/tenants/\(tenantID)/members", json: #"{"user_id": "\#(userID)"}"#).status == .created)
            let response = try await client.send(.post, "/tenants/\(tenantID)/members", json: #"{"user_id": "\#(userID)"}"#)
            #expect(response.status == .conflict)
            #expect(try errorFields(response) == ["error": "the user is already a member", "key": "tenant_id,user_id"])
            #expect(!text(response).contains(userID.uuidString))
        }
    }

    @Test func anUnknownTenantIsA404FromTheForeignKey() async throws {
        try await withService { client, db in
            let userID = try await client.createUser("ada")
            let response = try await client.send(.post, "/tenants/\(UUID())/members", json: #"{"user_id": "\#(userID)"}"#)
            #expect(response.status == .notFound)
            #expect(try errorFields(response) == ["error": "tenant not found"])
            #expect(try await db.count(TenantMembership.self) == 0)
        }
    }

    @Test func anUnknownUserIsA422FromTheForeignKey() async throws {
        try await withService { client, db in
            let tenantID = try await tenant(client)
            let response = try await client.send(.post, "/tenants/\(tenantID)/members", json: #"{"user_id": "\#(UUID())"}"#)
            #expect(response.status == .unprocessableContent)
            #expect(try errorFields(response) == ["error": "user_id names no user", "field": "user_id", "relation": "user"])
            #expect(try await db.count(TenantMembership.self) == 0)
        }
    }

    @Test(arguments: [
        (#"{}"#, HTTPResponse.Status.badRequest, "user_id"),
        (#"{"user_id": "ada"}"#, .badRequest, "user_id"),
        (#"{"user_id": "USER", "roles": "admin"}"#, .badRequest, "roles"),
        (#"{"user_id": "USER", "roles": ["owner"]}"#, .badRequest, "roles.0"),
        (#"{"user_id": "USER", "roles": []}"#, .unprocessableContent, "roles"),
        (#"{"user_id": "#, .badRequest, nil),
    ] as [(String, HTTPResponse.Status, String?)])
    func aBadBodyIsRefusedAndAddsNoOne(body: String, status: HTTPResponse.Status, field: String?) async throws {
        try await withService { client, db in
            let tenantID = try await tenant(client)
            let userID = try await client.createUser("ada")
            let response = try await client.send(
                .post, "/tenants/\(tenantID)/members", json: body.replacingOccurrences(of: "USER", with: userID.uuidString))
            #expect(response.status == status)
            #expect(try errorFields(response)["field"] == field)
            #expect(try await db.count(TenantMembership.self) == 0)
        }
    }

    @Test func aMalformedTenantIdIsA400() async throws {
        try await withService { client, _ in
            let userID = try await client.createUser("ada")
            let response = try await client.send(.post, "/tenants/acme/members", json: #"{"user_id": "\#(userID)"}"#)
            #expect(response.status == .badRequest)
            #expect(try errorFields(response)["field"] == "id")
        }
    }
}
