import Foundation
import Logging
import ServiceLifecycle

/// One database layer behind the benchmark's two endpoints. Each stack implements it with its
/// own library, as a competent user of that library would; the HTTP side (``UserRoutes``) is
/// shared, so only this part differs between the three servers.
///
/// As a `Service` it runs the layer's connection pool for the life of the server.
protocol UserStore: Service {
    /// A user as the endpoints send it: the same JSON from every stack, the same keys and values
    /// (every column but the password hash, a nil column left out).
    associatedtype UserBody: Encodable & Sendable

    /// The user with this primary key; nil when there is none.
    func user(id: UUID, logger: Logger) async throws -> UserBody?

    /// The first `limit` users in `created_at DESC, id` order: newest first, the id breaking ties.
    func newestUsers(limit: Int, logger: Logger) async throws -> [UserBody]
}
