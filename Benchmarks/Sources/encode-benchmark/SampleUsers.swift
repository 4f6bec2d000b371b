import EntityKit
import Foundation
import HandWrittenJSON
import ServiceModels

/// Users like the benchmark's seed: whole-second timestamps, some with an inviter or disabled.
enum SampleUsers {
    static func make(count: Int) -> [User] {
        (1...count).map { number in
            let created = PGTimestamp(year: 2025, month: 1, day: 1, hour: 10, minute: number % 60, second: number % 60)!
            return User(
                id: UUID(), username: "user\(number)", email: "user\(number)@example.com", passwordHash: "$argon2id$…",
                emailVerified: number % 3 == 0, createdAt: created, updatedAt: created, role: number % 50 == 0 ? .admin : .user,
                invitedByID: number % 4 == 0 ? UUID() : nil,
                disabledAt: number % 10 == 0 ? PGTimestamp(year: 2025, month: 6, day: 1, second: number % 60) : nil
            ).publicView
        }
    }
}

/// The generated `User`'s properties and types with the compiler's synthesized `Encodable`.
struct SynthesizedUser: Encodable {
    var id: UUID
    var username: String
    var email: String
    var passwordHash: String?
    var emailVerified: Bool
    var createdAt: PGTimestamp
    var updatedAt: PGTimestamp
    var role: UserRole
    var invitedByID: UUID?
    var disabledAt: PGTimestamp?

    enum CodingKeys: String, CodingKey {
        case id, username, email
        case passwordHash = "password_hash"
        case emailVerified = "email_verified"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case role
        case invitedByID = "invited_by_id"
        case disabledAt = "disabled_at"
    }

    init(_ user: User) {
        (id, username, email, passwordHash, emailVerified) = (user.id, user.username, user.email, user.passwordHash, user.emailVerified)
        (createdAt, updatedAt, role, invitedByID, disabledAt) = (user.createdAt, user.updatedAt, user.role, user.invitedByID, user.disabledAt)
    }
}

extension PublicUser {
    /// The user as the hand-written stacks send it: `Date` timestamps, role as text.
    init(_ user: User) {
        self.init(
            id: user.id, username: user.username, email: user.email, emailVerified: user.emailVerified, createdAt: user.createdAt.date,
            updatedAt: user.updatedAt.date, role: user.role.rawValue, invitedByID: user.invitedByID, disabledAt: user.disabledAt?.date)
    }
}
