import AuthModels
import EntityKitPostgres
import Hummingbird

/// `DELETE /users/:id`: 204 when deleted, 404 when there was none. The user's tokens and
/// memberships go with it (`ON DELETE CASCADE`); messages do not, so a user who sent or received
/// one is kept, with a 409 naming the relation that still refers to it.
struct DeleteUser: Sendable {
    let database: DatabaseClient

    func handle(_ request: Request, context: AuthRequestContext) async throws -> HTTPResponse.Status {
        let id = try context.uuid("id")
        let deleted: Bool
        do {
            deleted = try await database.delete(User.self, key: id, logger: context.logger)
        } catch let error as DatabaseError where error.kind == .foreignKeyViolation {
            throw APIError.conflict("other rows still refer to this user", relation: error.relationName(of: User.self))
        }
        guard deleted else { throw APIError.notFound("user") }
        return .noContent
    }
}
