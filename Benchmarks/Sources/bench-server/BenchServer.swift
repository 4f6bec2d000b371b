import Foundation
import Hummingbird
import Logging

/// `bench-server --stack entitykit|postgresnio|fluent [--port N] [--connections N]`: the
/// benchmark's HTTP service over one database layer, on `DATABASE_URL`, until SIGINT or SIGTERM.
///
/// Every stack gets the same router, request context, JSON encoder and pool size; only the
/// ``UserStore`` differs.
@main
struct BenchServer {
    /// Reads the options (exit status 2 when they cannot be used), then serves until SIGINT or
    /// SIGTERM; exit status 1 when the server or the pool fails.
    static func main() async {
        let options: ServerOptions
        do {
            options = try ServerOptions(arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
        } catch {
            printError("bench-server: \(error)\n\(ServerOptions.usage)")
            exit(2)
        }
        var logger = Logger(label: "bench-server-\(options.stack.rawValue)")
        logger.logLevel = .info
        do {
            switch options.stack {
            case .entitykit:
                try await serve(try EntityKitStore(options: options, logger: logger), options: options, logger: logger)
            case .postgresnio:
                try await serve(try PostgresNIOStore(options: options, logger: logger), options: options, logger: logger)
            case .fluent:
                try await serve(try FluentStore(options: options), options: options, logger: logger)
            }
        } catch {
            printError("bench-server: \(error)")
            exit(1)
        }
    }

    /// Runs the HTTP server and the store's pool as one service group: the store starts first
    /// and stops last, so requests in flight finish their queries.
    static func serve(_ store: some UserStore, options: ServerOptions, logger: Logger) async throws {
        let app = Application(
            router: UserRoutes.router(store: store),
            configuration: ApplicationConfiguration(
                address: .hostname(options.host, port: options.port), serverName: "bench-server-\(options.stack.rawValue)"),
            services: [store],
            logger: logger)
        try await app.runService()
    }

    /// Writes a line to standard error.
    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
