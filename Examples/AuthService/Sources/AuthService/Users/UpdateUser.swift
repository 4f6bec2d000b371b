import AuthModels
import EntityKitPostgres
import Hummingbird

/// `PATCH /users/:id`: changes the fields the body holds. The user is read, the changes applied
/// to the value, and `update(from:to:)` writes only the columns that differ: a concurrent
/// writer of another column (an email verification, say) is not overwritten.
struct UpdateUser: Sendable {
    let database: DatabaseClient

    func handle(_ request: Request, context: AuthRequestContext) async throws -> JSONResponse<User> {
        let id = try context.uuid("id")
        let changes = try await request.decodeJSON(as: UserChanges.self, context: context)
        try changes.check()
        guard let user = try await database.find(User.self, key: id, logger: context.logger) else {
            throw APIError.notFound("user")
        }
        var changed = user
        changes.apply(to: &changed)
        // Nothing differs, nothing is written: not even updated_at.
        guard changed != user else { return JSONResponse(value: user.publicView) }
        changed.updatedAt = .now()
        let stored: User?
        do {
            stored = try await database.update(from: user, to: changed, logger: context.logger)
        } catch let error as DatabaseError {
            if let conflict = error.userConflict { throw conflict }
            throw error
        }
        // Deleted between the read and the write.
        guard let stored else { throw APIError.notFound("user") }
        return JSONResponse(value: stored.publicView)
    }
}

/// The body of `PATCH /users/:id`: `username`, `email` and `password_hash`, each changed only
/// when present (`"password_hash": null` clears it, for an account that signs in with a
/// provider). Any other column of `users` is refused with 422: those belong to the service.
struct UserChanges: Decodable {
    static let editable: Set<User.Column> = [.username, .email, .passwordHash]

    var username: String?
    var email: String?
    /// nil: leave it; `.some(nil)`: clear it; `.some(hash)`: set it.
    var passwordHash: String??

    init(from decoder: any Decoder) throws {
        // Keyed by the generated columns, so the JSON keys are the column names.
        let container = try decoder.container(keyedBy: User.Column.self)
        if let fixed = User.Column.allCases.first(where: { !Self.editable.contains($0) && container.contains($0) }) {
            throw APIError.invalid("\(fixed.rawValue) cannot be changed here", field: fixed.rawValue)
        }
        username = try container.decodeIfPresent(String.self, forKey: .username)
        email = try container.decodeIfPresent(String.self, forKey: .email)
        if container.contains(.passwordHash) {
            passwordHash = .some(try container.decodeIfPresent(String.self, forKey: .passwordHash))
        }
    }

    func check() throws(APIError) {
        if let username { try UserRules.check(username: username) }
        if let email { try UserRules.check(email: email) }
        if case let .some(hash) = passwordHash { try UserRules.check(passwordHash: hash) }
    }

    func apply(to user: inout User) {
        if let username { user.username = username }
        if let email { user.email = email }
        if case let .some(hash) = passwordHash { user.passwordHash = hash }
    }
}
