import AuthModels

/// What the service demands of a user's values before it asks the database: the rules a client
/// can fix, answered with 422 and the field, instead of a constraint error or a 500 for a value
/// the column cannot hold.
enum UserRules {
    /// Usernames are 3 to 50 characters.
    static let usernameLength = 3...50
    /// `varchar(255)`: the longest email and password hash the columns hold.
    static let longestText = 255

    static func check(username: String) throws(APIError) {
        try checkText(username, field: .username)
        guard usernameLength.contains(username.count) else {
            throw .invalid("username must be \(usernameLength.lowerBound) to \(usernameLength.upperBound) characters", field: "username")
        }
    }

    static func check(email: String) throws(APIError) {
        try checkText(email, field: .email)
        guard email.contains("@") else {
            throw .invalid("email must contain @", field: "email")
        }
        guard email.count <= longestText else {
            throw .invalid("email is at most \(longestText) characters", field: "email")
        }
    }

    static func check(passwordHash: String?) throws(APIError) {
        guard let passwordHash else { return }
        try checkText(passwordHash, field: .passwordHash)
        guard passwordHash.count <= longestText else {
            throw .invalid("password_hash is at most \(longestText) characters", field: "password_hash")
        }
    }

    /// A sign-up's values, as `POST /users` receives them.
    static func check(_ draft: User.Draft) throws(APIError) {
        if let column = serverOnlyColumns(sentIn: draft).first {
            throw .invalid("\(column.rawValue) is set by the service", field: column.rawValue)
        }
        try check(username: draft.username)
        try check(email: draft.email)
        try check(passwordHash: draft.passwordHash)
    }

    /// The columns only the service sets that a sign-up sent (a decoded draft holds nil for
    /// every column the body left out). They are refused rather than obeyed or dropped, so no
    /// client makes itself an admin or verifies its own email, and none believes it did.
    static func serverOnlyColumns(sentIn draft: User.Draft) -> [User.Column] {
        var sent: [User.Column] = []
        if draft.emailVerified != nil { sent.append(.emailVerified) }
        if draft.createdAt != nil { sent.append(.createdAt) }
        if draft.updatedAt != nil { sent.append(.updatedAt) }
        if draft.role != nil { sent.append(.role) }
        if draft.disabledAt != nil { sent.append(.disabledAt) }
        return sent
    }

    /// PostgreSQL text cannot hold NUL: refused here rather than failing in the database.
    private static func checkText(_ text: String, field: User.Column) throws(APIError) {
        if text.contains("\u{0}") {
            throw .invalid("\(field.rawValue) must not contain NUL characters", field: field.rawValue)
        }
    }
}
