import Foundation

/// The JSON of a user for the two hand-written stacks, PostgresNIO and Fluent: what a
/// hand-writer declares to send a user without its password hash. Its keys and its nil
/// handling are those of the generated `User`'s `publicView`, so all three stacks send the same
/// JSON (``UserStore/UserBody``).
///
/// Timestamps are `Date`, the type both libraries decode `timestamptz` into; the shared
/// encoder writes them as ISO 8601, which is what `PGTimestamp` writes for whole seconds (the
/// seeded rows have no fractional seconds, so the bodies can be compared).
public struct PublicUser: Encodable, Sendable {
    public var id: UUID
    public var username: String
    public var email: String
    public var emailVerified: Bool
    public var createdAt: Date
    public var updatedAt: Date
    public var role: String
    public var invitedByID: UUID?
    public var disabledAt: Date?

    /// The column names, in table order, as the generated `User.Column` spells them.
    enum CodingKeys: String, CodingKey {
        case id, username, email
        case emailVerified = "email_verified"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case role
        case invitedByID = "invited_by_id"
        case disabledAt = "disabled_at"
    }

    /// A user's JSON from its values.
    public init(
        id: UUID, username: String, email: String, emailVerified: Bool, createdAt: Date, updatedAt: Date, role: String,
        invitedByID: UUID?, disabledAt: Date?
    ) {
        self.id = id
        self.username = username
        self.email = email
        self.emailVerified = emailVerified
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.role = role
        self.invitedByID = invitedByID
        self.disabledAt = disabledAt
    }
}
