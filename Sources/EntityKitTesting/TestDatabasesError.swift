/// Why ``TestDatabases`` cannot give a test its database.
public enum TestDatabasesError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The prefix is not lower-case letters, digits and `_`, starting with a letter, at most 20
    /// characters.
    case invalidPrefix(String)
    /// Applying the migrations to the template failed: the runner's message, which names the
    /// migration. Nothing is left: the half-built template is dropped.
    case migrationsFailed(String)
    /// The shared database's transaction ended without being rolled back (never expected).
    case notRolledBack

    /// One line saying what to do.
    public var description: String {
        switch self {
        case let .invalidPrefix(prefix):
            "test database prefix \"\(prefix)\" must be lower-case letters, digits and _, start with a letter and be at most 20 characters"
        case let .migrationsFailed(message):
            "the migrations do not apply to a new database, so no test database was made: \(message)"
        case .notRolledBack:
            "the test's transaction was not rolled back"
        }
    }
}
