import EntityKitPostgres
import Foundation
import Logging
import ServiceLifecycle
import ServiceModels

/// (a) The generated `User` over EntityKitPostgres, written as the example service writes
/// `GetUser` and `ListUsers`: `find` by key, the typed query builder for the list, and
/// `publicView` to drop the password hash.
struct EntityKitStore: UserStore {
    let database: DatabaseClient

    init(options: ServerOptions, logger: Logger) throws {
        // The example's client (auth-service's AuthServiceCommand), with the benchmark's pool size.
        let observability: Observability = switch options.observability {
        case .example: .bootstrapped(statementLogLevel: .debug, slowStatementThreshold: .milliseconds(250))
        case .off: .off
        }
        database = try DatabaseClient(
            connectionString: options.databaseURL, options: DatabaseClient.Options(maximumConnections: options.connections),
            logger: logger, observability: observability)
    }

    func user(id: UUID, logger: Logger) async throws -> User? {
        try await database.find(User.self, key: id, logger: logger)?.publicView
    }

    func newestUsers(limit: Int, logger: Logger) async throws -> [User] {
        let query = User.order { [$0.createdAt.descending, $0.id.ascending] }.limit(limit)
        return try await database.all(query, logger: logger).map(\.publicView)
    }

    /// Closes idle connections until graceful shutdown, then shuts the pool down (as the
    /// example's DatabaseService does).
    func run() async throws {
        await cancelWhenGracefulShutdown {
            await database.run()
        }
    }
}
