import EntityKitPostgres
import Foundation
import TestSupport

/// Runs `body` with a running client for `url`, shutting the client down afterwards.
func withClient<T: Sendable>(_ url: String, _ body: @Sendable (PostgresClient) async throws -> T) async throws -> T {
    let client = try PostgresClient(url: url)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { await client.run() }
        defer { group.cancelAll() }
        return try await body(client)
    }
}
