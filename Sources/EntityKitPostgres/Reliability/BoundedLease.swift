import Foundation
import PostgresNIO

/// Leases a connection from a `PostgresClient` within a bound. PostgresNIO's pool waits for a
/// connection as long as it takes (and retries a server that refuses it forever), so the lease
/// is held by a task of its own and handed over: the caller stops waiting when the bound
/// passes or its task is cancelled, and the pending lease request is withdrawn.
enum BoundedLease {
    /// Runs `body` with a leased connection, returned to the pool when `body` ends.
    static func with<Result>(
        _ client: PostgresClient, within bound: Duration, _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let (connection, released) = try await lease(client, within: bound)
        defer { released.settle(.success(())) }
        return try await body(connection)
    }

    /// ``with(_:within:_:)`` for a body whose result is sent back to an actor (transactions).
    static func with<Result>(
        _ client: PostgresClient, within bound: Duration, isolation: isolated (any Actor)?,
        _ body: (PostgresConnection) async throws -> sending Result
    ) async throws -> sending Result {
        let (connection, released) = try await lease(client, within: bound)
        defer { released.settle(.success(())) }
        return try await body(connection)
    }

    /// A leased connection and what to settle to give it back.
    private static func lease(_ client: PostgresClient, within bound: Duration) async throws -> (PostgresConnection, FirstOutcome<Void>) {
        let handedOver = FirstOutcome<PostgresConnection>()
        let released = FirstOutcome<Void>()
        let holder = Task.detached {
            do {
                try await client.withConnection { connection in
                    if handedOver.settle(.success(connection)) {
                        // Held until the caller is done with it.
                        _ = try? await released.value
                    }
                }
            } catch {
                handedOver.settle(.failure(error))
            }
        }
        let timer = DeadlineTimer.shared.schedule(after: bound) {
            handedOver.settle(.failure(EntityKitPostgresError.acquireTimedOut(bound, maximumConnections: nil)))
        }
        defer { DeadlineTimer.shared.cancel(timer) }
        do {
            let connection = try await withTaskCancellationHandler {
                try await handedOver.value
            } onCancel: {
                handedOver.settle(.failure(CancellationError()))
            }
            return (connection, released)
        } catch {
            holder.cancel()
            released.settle(.success(()))
            throw error
        }
    }
}
