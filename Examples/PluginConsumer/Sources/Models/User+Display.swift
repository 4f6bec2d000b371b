// Hand-written code lives beside the generated models, in extensions.
extension User {
    /// The name to show for the user.
    public var displayName: String {
        username.isEmpty ? email : username
    }
}
