import EntityKitPostgres
import Foundation
import TestSupport

/// Runs `body` with a running client for `url`, shutting the client down afterwards.
func withClient<T: Sendable>(
    _ url: String, options: DatabaseClient.Options = .init(), logger: Logger = .entityKitSilent, observability: Observability = .off,
    _ body: @Sendable (DatabaseClient) async throws -> T
) async throws -> T {
    let client = try DatabaseClient(connectionString: url, options: options, logger: logger, observability: observability)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { await client.run() }
        defer { group.cancelAll() }
        do {
            return try await body(client)
        } catch let error as DatabaseError {
            // The description leaves out the server's message (it can quote values); tests want it.
            throw LiveTestFailure(description: "\(error): \(error.message)")
        }
    }
}

struct LiveTestFailure: Error, CustomStringConvertible {
    let description: String
}
