/// A connection the migration engine runs its statements on: PostgresNIO in an app
/// (EntityKitMigrations), libpq in `codegen migrate` (no package build). The engine only sends
/// text and reads text, so any driver fits.
///
/// A session is used by one operation at a time, in order.
public protocol MigrationSession: Sendable {
    /// Runs one statement with text parameters (`$1`, `$2`, …) and returns its rows, each
    /// column as text, nil for NULL. The engine casts every column it reads to `text`; a session
    /// may return nil for columns of other types (the rows of a migration's own statements are
    /// not read).
    @discardableResult
    func execute(_ sql: String, parameters: [String]) async throws -> [[String?]]

    /// What a statement's error says, for a message about the migration it broke: the server's
    /// message when the error came from the server.
    func failure(of error: any Error) -> MigrationSessionFailure
}

extension MigrationSession {
    /// Runs one statement without parameters.
    @discardableResult
    public func execute(_ sql: String) async throws -> [[String?]] {
        try await execute(sql, parameters: [])
    }

    /// By default, the error's own description and no position.
    public func failure(of error: any Error) -> MigrationSessionFailure {
        MigrationSessionFailure(message: String(describing: error), position: nil)
    }
}

/// A statement's error as a migration message needs it.
public struct MigrationSessionFailure: Sendable, Equatable {
    /// The server's message (it may quote the migration's own SQL, never a row of the app's).
    public var message: String
    /// Where in the statement the server located the error: a 1-based character offset.
    public var position: Int?

    /// A failure with the server's message and, when known, the error's position.
    public init(message: String, position: Int?) {
        self.message = message
        self.position = position
    }
}
