// Hand-written code lives beside the generated models, in extensions.
extension User {
    /// The user as the service shows it to clients: without the password hash, which never
    /// leaves the database. A nil optional is left out of the JSON, so the key is not sent.
    public var publicView: User {
        var copy = self
        copy.passwordHash = nil
        return copy
    }
}
