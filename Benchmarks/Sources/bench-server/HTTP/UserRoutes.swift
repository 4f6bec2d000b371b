import Foundation
import Hummingbird

/// The two endpoints, identical for every stack.
enum UserRoutes {
    /// How many users `GET /users` returns.
    static let listSize = 100

    /// `GET /users/:id` (404 when no such user, 400 when the id is not a UUID) and `GET /users`.
    ///
    /// No middleware: logging, metrics or tracing per request would cost every stack the same
    /// and only dilute the difference the benchmark is after.
    static func router<Store: UserStore>(store: Store) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.get("/users/:id") { _, context -> JSONResponse<Store.UserBody> in
            guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else {
                throw HTTPError(.badRequest, message: "the id in the path is not a UUID")
            }
            guard let user = try await store.user(id: id, logger: context.logger) else {
                throw HTTPError(.notFound)
            }
            return JSONResponse(value: user)
        }
        router.get("/users") { _, context -> JSONResponse<[Store.UserBody]> in
            JSONResponse(value: try await store.newestUsers(limit: listSize, logger: context.logger))
        }
        return router
    }
}
