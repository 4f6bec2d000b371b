import Foundation
import HandWrittenJSON
import Logging
import PostgresNIO
import ServiceLifecycle

/// (b) Hand-written PostgresNIO: a `PostgresClient` pool, prepared statements, rows decoded
/// positionally into a tuple: the strongest baseline a skilled hand-writer would write.
struct PostgresNIOStore: UserStore {
    let client: PostgresClient

    init(options: ServerOptions, logger: Logger) throws {
        let address = try DatabaseAddress(url: options.databaseURL)
        var configuration = PostgresClient.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password, database: address.database,
            tls: .disable)
        configuration.options.maximumConnections = options.connections
        client = PostgresClient(configuration: configuration, backgroundLogger: logger)
    }

    func user(id: UUID, logger: Logger) async throws -> PublicUser? {
        // Read to the end (one row at most) rather than return from inside the loop: the
        // connection goes back to the pool only once the statement is complete.
        var found: PublicUser?
        for try await row in try await client.execute(FindUserStatement(id: id), logger: logger) {
            found = PublicUser(row: row)
        }
        return found
    }

    func newestUsers(limit: Int, logger: Logger) async throws -> [PublicUser] {
        // The statement's LIMIT is the endpoint's constant; a caller asking for another size is a bug.
        precondition(limit == UserRoutes.listSize, "NewestUsersStatement selects \(UserRoutes.listSize) users")
        var users: [PublicUser] = []
        users.reserveCapacity(limit)
        for try await row in try await client.execute(NewestUsersStatement(), logger: logger) {
            users.append(PublicUser(row: row))
        }
        return users
    }

    /// Runs the pool (it opens connections on demand) until graceful shutdown.
    func run() async throws {
        await cancelWhenGracefulShutdown {
            await client.run()
        }
    }
}
