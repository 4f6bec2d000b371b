import FluentKit
import Foundation
import HandWrittenJSON

/// The `users` table as a Fluent model, the way Fluent's documentation declares one: `@ID`,
/// fields by column name, timestamps, an enum, and the self reference as an optional parent.
final class FluentUser: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "email") var email: String
    @OptionalField(key: "password_hash") var passwordHash: String?
    @Field(key: "email_verified") var emailVerified: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Enum(key: "role") var role: FluentUserRole
    @OptionalParent(key: "invited_by_id") var invitedBy: FluentUser?
    @OptionalField(key: "disabled_at") var disabledAt: Date?

    init() {}
}

/// `user_role`, as Fluent's `@Enum` reads it.
enum FluentUserRole: String, Codable, Sendable {
    case user, admin
}

/// A model that is missing a column it must have (a timestamp Fluent declares optional).
struct IncompleteUser: Error, CustomStringConvertible {
    var description: String { "a users row without its id or timestamps" }
}

extension PublicUser {
    /// The model as JSON without its password hash: the DTO Fluent's documentation recommends
    /// over encoding the model itself.
    init(_ user: FluentUser) throws {
        guard let id = user.id, let createdAt = user.createdAt, let updatedAt = user.updatedAt else { throw IncompleteUser() }
        self.init(
            id: id, username: user.username, email: user.email, emailVerified: user.emailVerified, createdAt: createdAt,
            updatedAt: updatedAt, role: user.role.rawValue, invitedByID: user.$invitedBy.id, disabledAt: user.disabledAt)
    }
}
