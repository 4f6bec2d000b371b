import EntityKitPostgres
import Hummingbird

/// What the service needs to run: where to listen, the database, and where to log.
public struct AppConfiguration: Sendable {
    /// The address to listen on (`HOST`, default 127.0.0.1).
    public var host: String
    /// The port to listen on (`PORT`, default 8080; 0 picks a free one).
    public var port: Int
    /// The database. The service only uses it: whoever made it runs and shuts it down.
    public var database: DatabaseClient
    /// The service's logger; each request's logger adds the request's id to it.
    public var logger: Logger

    /// A configuration with these values.
    public init(database: DatabaseClient, host: String = "127.0.0.1", port: Int = 8080, logger: Logger = Logger(label: "auth-service")) {
        self.database = database
        self.host = host
        self.port = port
        self.logger = logger
    }
}

/// The service as a Hummingbird application: run it (`runService()`, or in a `ServiceGroup`
/// beside the database client), or test it (`test(.router) { client in … }`).
public func buildApplication(_ configuration: AppConfiguration) async throws -> some ApplicationProtocol {
    Application(
        router: buildRouter(database: configuration.database),
        configuration: ApplicationConfiguration(
            address: .hostname(configuration.host, port: configuration.port), serverName: "auth-service"),
        logger: configuration.logger)
}

/// Every route, behind the middleware every request passes.
func buildRouter(database: DatabaseClient) -> Router<AuthRequestContext> {
    let router = Router(context: AuthRequestContext.self)
    // Middleware applies to the routes added after it, and the first added runs outermost:
    // the error middleware goes last so the others see the status the client gets.
    // A line per request at info: method, path, status, request id.
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: TracingMiddleware())
    router.add(middleware: ErrorMiddleware())

    router.post("/users", use: CreateUser(database: database).handle)
    router.get("/users", use: ListUsers(database: database).handle)
    router.get("/users/:id", use: GetUser(database: database).handle)
    router.patch("/users/:id", use: UpdateUser(database: database).handle)
    router.delete("/users/:id", use: DeleteUser(database: database).handle)
    router.get("/users/:id/tokens", use: ListRefreshTokens(database: database).handle)
    router.post("/users/:id/tokens", use: CreateRefreshToken(database: database).handle)
    router.post("/users/:id/verify-email", use: VerifyEmail(database: database).handle)
    router.post("/tenants", use: CreateTenant(database: database).handle)
    router.post("/tenants/:id/members", use: AddMember(database: database).handle)
    return router
}
