import Foundation
import HandWrittenJSON
import PostgresNIO

/// A `users` row as the hand-written statements select it, in `UserStatements.columns` order.
typealias UserRow = (UUID, String, String, String?, Bool, Date, Date, String, UUID?, Date?)

/// The hand-written SQL: every column of `users` (the password hash too, as the other two stacks
/// select it), so the three stacks send equivalent statements.
enum UserStatements {
    static let columns = "id, username, email, password_hash, email_verified, created_at, updated_at, role, invited_by_id, disabled_at"
}

/// `GET /users/:id`: one user by primary key. PostgresNIO prepares it once per connection and
/// then sends only its name and the key.
struct FindUserStatement: PostgresPreparedStatement {
    static let sql = "SELECT \(UserStatements.columns) FROM users WHERE id = $1"
    typealias Row = UserRow

    var id: UUID

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 1)
        bindings.append(id)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Row {
        try row.decode(Row.self)
    }
}

/// `GET /users`: the newest users. The limit is part of the text, as the other stacks send it
/// (EntityKit and Fluent both write `LIMIT 100` into the SQL).
struct NewestUsersStatement: PostgresPreparedStatement {
    static let sql = "SELECT \(UserStatements.columns) FROM users ORDER BY created_at DESC, id LIMIT \(UserRoutes.listSize)"
    typealias Row = UserRow

    func makeBindings() throws -> PostgresBindings {
        PostgresBindings()
    }

    func decodeRow(_ row: PostgresRow) throws -> Row {
        try row.decode(Row.self)
    }
}

extension PublicUser {
    /// The user of a selected row, without its password hash.
    init(row: UserRow) {
        let (id, username, email, _, emailVerified, createdAt, updatedAt, role, invitedByID, disabledAt) = row
        self.init(
            id: id, username: username, email: email, emailVerified: emailVerified, createdAt: createdAt, updatedAt: updatedAt,
            role: role, invitedByID: invitedByID, disabledAt: disabledAt)
    }
}
