import AuthModels
import EntityKitPostgres
import Hummingbird

/// `POST /users/:id/verify-email` with `{"token": "…"}`: consumes the user's email verification
/// token and marks the email verified, in one transaction: either both happen or neither, so a
/// token is never spent without verifying, nor an email verified twice with one token.
struct VerifyEmail: Sendable {
    let database: DatabaseClient

    func handle(_ request: Request, context: AuthRequestContext) async throws -> JSONResponse<User> {
        let id = try context.uuid("id")
        let body = try await request.decodeJSON(as: Body.self, context: context)
        let tokenHash = TokenSecret.hash(body.token)
        // Retried from the start on a deadlock or serialization failure (safe: nothing outside
        // the database happens in it); 503 if it still fails.
        let user = try await database.transaction(TransactionOptions(attempts: 3), logger: context.logger) { tx in
            // The delete is the check: it removes the token only if it is this user's and has
            // not expired, and two requests with the same token cannot both remove it (the
            // second waits for the first's row lock, then finds nothing).
            let now = PGTimestamp.now()
            let consumed = try await tx.delete(
                EmailVerificationToken.where { $0.userID == id && $0.tokenHash == tokenHash && $0.expiresAt > now },
                logger: context.logger)
            guard consumed == 1 else { throw APIError.notFound("verification token") }
            // Throwing here (no such user, a failed update) rolls the delete back too.
            guard let verified = try await tx.update(User.self, key: id, logger: context.logger, set: {
                $0.emailVerified.set(true)
                $0.updatedAt.set(now)
            }) else {
                throw APIError.notFound("user")
            }
            return verified
        }
        return JSONResponse(value: user.publicView)
    }

    /// The request body: the secret from the verification email.
    struct Body: Decodable {
        var token: String
    }
}
