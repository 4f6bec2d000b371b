import AuthModels
import EntityKitPostgres
import Hummingbird

/// `GET /users/:id`: one user, without the password hash.
struct GetUser: Sendable {
    let database: DatabaseClient

    func handle(_ request: Request, context: AuthRequestContext) async throws -> JSONResponse<User> {
        let id = try context.uuid("id")
        guard let user = try await database.find(User.self, key: id, logger: context.logger) else {
            throw APIError.notFound("user")
        }
        return JSONResponse(value: user.publicView)
    }
}
