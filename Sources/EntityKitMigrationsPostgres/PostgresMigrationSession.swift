import Foundation
import EntityKitMigrations
import PostgresNIO

/// The engine's session over one PostgresNIO connection: statements are sent unprepared with text
/// parameters, results read as text, and every statement logged at debug level.
struct PostgresMigrationSession: MigrationSession {
    let connection: PostgresConnection
    let logger: Logger

    func execute(_ sql: String, parameters: [String]) async throws -> [[String?]] {
        var bindings = PostgresBindings()
        for parameter in parameters { bindings.append(parameter) }
        let rows = try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger)
        var result: [[String?]] = []
        for try await row in rows {
            // Only text columns: the engine casts what it reads, and a migration's own `SELECT
            // setval(…)` must not fail because its result is not text.
            result.append(try row.map { cell in
                [.text, .varchar, .name, .bpchar].contains(cell.dataType) ? try cell.decode(String?.self, context: .default) : nil
            })
        }
        return result
    }

    func failure(of error: any Error) -> MigrationSessionFailure {
        Self.failure(of: error)
    }

    static func failure(of error: any Error) -> MigrationSessionFailure {
        // The migration's own SQL, so the server's message (which may quote it) is what helps;
        // PostgresNIO hides it from `description`, and DatabaseError's leaves it out.
        if let error = error as? PSQLError, let message = error.serverInfo?[.message] {
            return MigrationSessionFailure(message: message, position: error.serverInfo?[.position].flatMap { Int($0) })
        }
        if let error = error as? DatabaseError {
            return MigrationSessionFailure(message: error.message, position: nil)
        }
        return MigrationSessionFailure(message: String(describing: error), position: nil)
    }
}
