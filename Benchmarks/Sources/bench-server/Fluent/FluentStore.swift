import FluentKit
import FluentPostgresDriver
import Foundation
import HandWrittenJSON
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// (c) Fluent without Vapor: `Databases` on NIO's shared event loop group (the one Hummingbird
/// serves on) and thread pool, the Postgres driver, and a `Database` per request, picked as
/// hummingbird-fluent picks it (any event loop of the group).
struct FluentStore: UserStore {
    let databases: Databases
    let eventLoopGroup: MultiThreadedEventLoopGroup

    init(options: ServerOptions) throws {
        let address = try DatabaseAddress(url: options.databaseURL)
        eventLoopGroup = .singleton
        databases = Databases(threadPool: .singleton, on: eventLoopGroup)
        // Fluent pools per event loop: the same total as the other stacks, spread over the loops.
        let loops = Array(eventLoopGroup.makeIterator()).count
        guard options.connections % loops == 0 else {
            throw ServerOptions.Problem(description: "--connections must be a multiple of \(loops), Fluent's event loops (one pool each)")
        }
        let configuration = SQLPostgresConfiguration(
            hostname: address.host, port: address.port, username: address.user, password: address.password, database: address.database,
            tls: .disable)
        databases.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: options.connections / loops), as: .psql)
    }

    private func database(logger: Logger) -> any Database {
        // `use(_:as:)` registered .psql, so this is never nil.
        databases.database(.psql, logger: logger, on: eventLoopGroup.any())!
    }

    func user(id: UUID, logger: Logger) async throws -> PublicUser? {
        try await FluentUser.find(id, on: database(logger: logger)).map { try PublicUser($0) }
    }

    func newestUsers(limit: Int, logger: Logger) async throws -> [PublicUser] {
        try await FluentUser.query(on: database(logger: logger))
            .sort(\.$createdAt, .descending)
            .sort(\.$id, .ascending)
            .limit(limit)
            .all()
            .map { try PublicUser($0) }
    }

    /// Waits for graceful shutdown, then shuts the pools down.
    func run() async throws {
        try await databases.run()
    }
}
