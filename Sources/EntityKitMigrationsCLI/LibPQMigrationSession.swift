import CatalogIntrospection
import MigrationEngine

/// The migration engine's session over libpq: `codegen migrate` and the scaffolded `migrate`
/// executable, with psql's connection semantics and no SwiftNIO.
public struct LibPQMigrationSession: MigrationSession {
    /// The connection.
    public let session: LibPQSession

    /// A session over an open libpq connection.
    public init(session: LibPQSession) {
        self.session = session
    }

    /// Runs the statement on the connection (libpq blocks the calling thread until it ends).
    public func execute(_ sql: String, parameters: [String]) async throws -> [[String?]] {
        try session.execute(sql, parameters: parameters)
    }

    /// The server's message and the error's position, as libpq reports them.
    public func failure(of error: any Error) -> MigrationSessionFailure {
        if let error = error as? LibPQStatementFailure {
            return MigrationSessionFailure(message: error.message, position: error.position)
        }
        return MigrationSessionFailure(message: String(describing: error), position: nil)
    }
}
