import EntityKitPostgres
import ServiceLifecycle

/// The database client as a service of the process's group: it closes idle connections while
/// the service runs, and shuts the pool down on graceful shutdown, after the HTTP server (the
/// group stops its services in reverse order), so requests in flight finish their queries.
struct DatabaseService: Service {
    let database: DatabaseClient

    func run() async throws {
        // `DatabaseClient.run()` returns, shutting the pool down, when its task is cancelled.
        await cancelWhenGracefulShutdown {
            await database.run()
        }
    }
}
