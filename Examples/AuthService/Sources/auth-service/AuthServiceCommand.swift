import AuthMigrations
import AuthService
import EntityKitMigrationsPostgres
import Foundation
import Hummingbird
import ServiceLifecycle

/// `auth-service [serve]` runs the HTTP service; `auth-service migrate up|down|status|…` runs
/// the migrations on `DATABASE_URL`, with the same commands and exit statuses as `codegen
/// migrate`. See Settings for the environment it reads.
@main
struct AuthServiceCommand {
    static let usage = """
        usage: auth-service [serve]                     serve HTTP on HOST:PORT (APP_ENV local or test: migrate first)
               auth-service migrate up|down|status|…    run the migrations (see `auth-service migrate --help`)
        environment: APP_ENV (local, test, production), DATABASE_URL, HOST, PORT, LOG_LEVEL
        """

    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        exit(await run(arguments))
    }

    /// Runs a command line; returns the exit status.
    static func run(_ arguments: [String]) async -> Int32 {
        let command = arguments.first ?? "serve"
        guard ["serve", "migrate"].contains(command) else {
            if !["help", "--help", "-h"].contains(command) {
                printError("unknown command \(command)")
            }
            printError(usage)
            return command == "help" || command == "--help" || command == "-h" ? 0 : 2
        }
        let settings: Settings
        do {
            settings = try Settings(environment: ProcessInfo.processInfo.environment)
        } catch {
            printError("auth-service: \(error)")
            return 2
        }
        var logger = Logger(label: "auth-service")
        logger.logLevel = settings.logLevel
        do {
            // Statement lines at debug (shown with LOG_LEVEL=debug), slow ones as warnings, and
            // metrics and spans through whatever backends the process bootstraps (none here).
            let database = try DatabaseClient(
                connectionString: settings.databaseURL, logger: logger,
                observability: .bootstrapped(statementLogLevel: .debug, slowStatementThreshold: .milliseconds(250)))
            if command == "migrate" {
                let runner = MigrationRunner(database: database, migrations: try AuthMigrations.all(), logger: logger)
                let status = await runner.run(commandLine: Array(arguments.dropFirst()))
                await database.shutdown()
                return status
            }
            guard arguments.count <= 1 else {
                printError(usage)
                await database.shutdown()
                return 2
            }
            try await serve(settings, database: database, logger: logger)
            return 0
        } catch {
            // Connection strings and the runtime's errors never print a password or a row's values.
            printError("auth-service: \(error)")
            return 1
        }
    }

    /// Migrates when the profile says so, then serves until SIGINT or SIGTERM.
    static func serve(_ settings: Settings, database: DatabaseClient, logger: Logger) async throws {
        if settings.profile.migratesAtStartUp {
            do {
                let report = try await MigrationRunner(database: database, migrations: try AuthMigrations.all(), logger: logger).up()
                let applied = report.applied.isEmpty ? "none pending" : report.applied.joined(separator: ", ")
                logger.info("migrated at start-up", metadata: ["profile": "\(settings.profile.rawValue)", "applied": "\(applied)"])
                for warning in report.warnings {
                    logger.warning("\(warning)")
                }
            } catch {
                await database.shutdown()
                throw error
            }
        }
        let app = try await buildApplication(
            AppConfiguration(database: database, host: settings.host, port: settings.port, logger: logger))
        // The database first: the group shuts down in reverse order, so the server stops taking
        // requests before the pool closes.
        let group = ServiceGroup(
            configuration: .init(
                services: [DatabaseService(database: database), app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
