import AuthModels
import EntityKitPostgres
import Foundation
import Hummingbird

/// `POST /tenants/:id/members` with `{"user_id": …, "roles": ["admin"]}` (`roles` optional, the
/// column's default `{user}` when left out): adds a user to a tenant. The foreign keys say
/// which parent is missing: the tenant of the path (404) or the user of the body (422).
struct AddMember: Sendable {
    let database: DatabaseClient

    func handle(_ request: Request, context: AuthRequestContext) async throws -> JSONResponse<TenantMembership> {
        let tenantID = try context.uuid("id")
        let body = try await request.decodeJSON(as: Body.self, context: context)
        if let roles = body.roles, roles.isEmpty {
            throw APIError.invalid("roles must name at least one role", field: "roles")
        }
        let draft = TenantMembership.Draft(tenantID: tenantID, userID: body.userID, roles: body.roles)
        do {
            return JSONResponse(value: try await database.insert(draft, logger: context.logger), status: .created)
        } catch let error as DatabaseError {
            if error.uniqueKey(of: TenantMembership.self) == .primaryKey {
                throw APIError.conflict("the user is already a member", key: "tenant_id,user_id")
            }
            switch error.relationName(of: TenantMembership.self) {
            case "tenant": throw APIError.notFound("tenant")
            case "user": throw APIError.invalid("user_id names no user", field: "user_id", relation: "user")
            default: throw error
            }
        }
    }

    /// The request body; the keys are the columns' names.
    struct Body: Decodable {
        var userID: UUID
        var roles: [UserRole]?

        enum CodingKeys: String, CodingKey {
            case userID = "user_id"
            case roles
        }
    }
}
