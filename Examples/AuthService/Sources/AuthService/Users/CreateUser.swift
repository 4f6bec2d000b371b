import AuthModels
import EntityKitPostgres
import Hummingbird

/// `POST /users`: signs a user up. The body is the generated `User.Draft` itself (JSON keys are
/// the column names: `username`, `email`, `password_hash`, `invited_by_id`), checked by
/// ``UserRules``, then inserted; the answer is the stored row, without its password hash.
struct CreateUser: Sendable {
    let database: DatabaseClient

    func handle(_ request: Request, context: AuthRequestContext) async throws -> JSONResponse<User> {
        let draft = try await request.decodeJSON(as: User.Draft.self, context: context)
        try UserRules.check(draft)
        let user: User
        do {
            user = try await database.insert(draft, logger: context.logger)
        } catch let error as DatabaseError {
            // The unique keys of `users` say which value is taken; the database decides, since a
            // check made before the insert could be outrun by a concurrent sign-up.
            if let conflict = error.userConflict { throw conflict }
            if error.relationName(of: User.self) == "invitedBy" {
                throw APIError.invalid("invited_by_id names no user", field: "invited_by_id", relation: "invitedBy")
            }
            throw error
        }
        return JSONResponse(value: user.publicView, status: .created, headers: [.location: "/users/\(user.id.uuidString)"])
    }
}
