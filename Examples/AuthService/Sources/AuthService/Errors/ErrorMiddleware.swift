import EntityKitPostgres
import Hummingbird

/// Answers every error a route throws with ``ErrorMapping``'s JSON, and logs the ones that are
/// the service's fault. Installed last, so the logging, metrics and tracing middleware before it
/// see the status the client gets.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let answer = ErrorMapping.apiError(for: error, method: request.method)
            if answer.status.code >= 500 {
                // The runtime's descriptions name tables and constraints, never values; any
                // other error is logged by its type only, since its text could hold one.
                let detail = switch error {
                case let error as DatabaseError: error.description
                case let error as EntityKitPostgresError: error.description
                default: "\(type(of: error))"
                }
                context.logger.error("request failed", metadata: ["error": "\(detail)", "status": "\(answer.status.code)"])
            }
            return try answer.response(from: request, context: context)
        }
    }
}

extension APIError: ResponseGenerator {
    /// The error as a JSON response.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try context.responseEncoder.encode(body, from: request, context: context)
        response.status = status
        response.headers.append(contentsOf: headers)
        return response
    }
}
