import AuthModels
import EntityKitPostgres
import Foundation
import Hummingbird

/// `POST /tenants` with `{"name": …, "billing_email": …}` (both optional; `id` too, else one is
/// made): creates a tenant. `billing_email` is the `email_address` domain, whose check the
/// database enforces: an address without exactly one `@` is a 422 from the check violation.
struct CreateTenant: Sendable {
    static let longestName = 200

    let database: DatabaseClient

    func handle(_ request: Request, context: AuthRequestContext) async throws -> JSONResponse<Tenant> {
        let body = try await request.decodeJSON(as: Body.self, context: context)
        if let name = body.name {
            guard name.count <= Self.longestName, !name.contains("\u{0}") else {
                throw APIError.invalid("name is at most \(Self.longestName) characters, without NUL", field: "name")
            }
        }
        let draft = Tenant.Draft(id: body.id ?? UUID(), name: body.name, billingEmail: body.billingEmail)
        let tenant: Tenant
        do {
            tenant = try await database.insert(draft, logger: context.logger)
        } catch let error as DatabaseError where error.kind == .checkViolation {
            // The only check a tenant's values can break is the domain's.
            throw APIError.invalid("billing_email must hold exactly one @", field: "billing_email")
        } catch let error as DatabaseError where error.uniqueKey(of: Tenant.self) == .primaryKey {
            throw APIError.conflict("that id is taken", key: "id")
        }
        return JSONResponse(value: tenant, status: .created, headers: [.location: "/tenants/\(tenant.id.uuidString)"])
    }

    /// The request body; the keys are the columns' names.
    struct Body: Decodable {
        var id: UUID?
        var name: String?
        var billingEmail: EmailAddress?

        enum CodingKeys: String, CodingKey {
            case id, name
            case billingEmail = "billing_email"
        }
    }
}
