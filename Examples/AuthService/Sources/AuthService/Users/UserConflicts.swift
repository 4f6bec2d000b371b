import AuthModels
import EntityKitPostgres

extension DatabaseError {
    /// A duplicate username or email as the client should hear it (`409`, naming the key, never
    /// its value); nil for any other error, which ``ErrorMapping`` answers.
    var userConflict: APIError? {
        guard kind == .uniqueViolation else { return nil }
        switch uniqueKey(of: User.self) {
        case .email?: return .conflict("that email is taken", key: "email")
        case .username?: return .conflict("that username is taken", key: "username")
        case .primaryKey?: return .conflict("that id is taken", key: "id")
        case nil: return nil
        }
    }
}
