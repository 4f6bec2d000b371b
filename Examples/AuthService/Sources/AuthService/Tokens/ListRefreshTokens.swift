import AuthModels
import EntityKitPostgres
import Foundation
import Hummingbird

/// `GET /users/:id/tokens`: the user's refresh tokens, newest first, loaded through the
/// generated relation `User.Relations.refreshTokens`. Their hashes are not shown.
struct ListRefreshTokens: Sendable {
    let database: DatabaseClient

    func handle(_ request: Request, context: AuthRequestContext) async throws -> JSONResponse<[TokenSummary]> {
        let id = try context.uuid("id")
        guard let user = try await database.find(User.self, key: id, logger: context.logger) else {
            throw APIError.notFound("user")
        }
        let tokens = try await database.related(User.Relations.refreshTokens, of: user, logger: context.logger)
        let newestFirst = tokens.sorted { ($0.createdAt, $0.id.uuidString) > ($1.createdAt, $1.id.uuidString) }
        return JSONResponse(value: newestFirst.map(TokenSummary.init))
    }
}

/// A refresh token as its owner sees it: everything but the hash. The keys are the generated
/// column names, so the JSON reads like the table's.
struct TokenSummary: Encodable, Sendable {
    var token: RefreshToken

    init(_ token: RefreshToken) {
        self.token = token
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RefreshToken.Column.self)
        try container.encode(token.id, forKey: .id)
        try container.encode(token.expiresAt, forKey: .expiresAt)
        try container.encodeIfPresent(token.revokedAt, forKey: .revokedAt)
        try container.encode(token.createdAt, forKey: .createdAt)
    }
}
