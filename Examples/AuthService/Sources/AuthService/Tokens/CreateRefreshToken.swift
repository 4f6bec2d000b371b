import AuthModels
import EntityKitPostgres
import Foundation
import Hummingbird

/// `POST /users/:id/tokens`: mints a refresh token for the user. The body may set its lifetime
/// (`{"expires_in": seconds}`, one minute to 90 days; 30 days when left out). The answer holds
/// the secret, the only time it is shown; the row keeps its hash.
struct CreateRefreshToken: Sendable {
    static let defaultLifetime = 30 * 24 * 3600
    static let lifetimes = 60...(90 * 24 * 3600)

    let database: DatabaseClient

    func handle(_ request: Request, context: AuthRequestContext) async throws -> JSONResponse<IssuedToken> {
        let userID = try context.uuid("id")
        let body = try await request.decodeJSON(as: Body.self, context: context)
        let lifetime = body.expiresIn ?? Self.defaultLifetime
        guard Self.lifetimes.contains(lifetime) else {
            throw APIError.invalid("expires_in must be \(Self.lifetimes.lowerBound) to \(Self.lifetimes.upperBound) seconds", field: "expires_in")
        }
        let secret = TokenSecret.generate()
        let draft = RefreshToken.Draft(
            id: UUID(), userID: userID, tokenHash: TokenSecret.hash(secret),
            expiresAt: PGTimestamp(Date().addingTimeInterval(TimeInterval(lifetime))))
        let token: RefreshToken
        do {
            // No read of the user first: the foreign key answers "no such user" in the same
            // statement, with no window for the user to be deleted in between.
            token = try await database.insert(draft, logger: context.logger)
        } catch let error as DatabaseError where error.relationName(of: RefreshToken.self) == "user" {
            throw APIError.notFound("user")
        }
        return JSONResponse(value: IssuedToken(id: token.id, token: secret, expiresAt: token.expiresAt), status: .created)
    }

    /// The request body: every field optional, `{}` takes the defaults.
    struct Body: Decodable {
        var expiresIn: Int?

        enum CodingKeys: String, CodingKey {
            case expiresIn = "expires_in"
        }
    }
}

/// A refresh token as minted: its id, the secret (shown once) and when it expires.
struct IssuedToken: Encodable, Sendable {
    var id: UUID
    var token: String
    var expiresAt: PGTimestamp

    enum CodingKeys: String, CodingKey {
        case id, token
        case expiresAt = "expires_at"
    }
}
