import Hummingbird

/// An answer the service gives instead of what was asked: an HTTP status and a JSON body such as
/// `{"error": "that email is taken", "key": "email"}`.
///
/// Handlers throw it for what they know about (a user that does not exist, a value that breaks a
/// rule); ``ErrorMapping`` turns every other error into one, so the client always gets JSON.
public struct APIError: Error, Sendable, Equatable {
    /// The response's status.
    public var status: HTTPResponse.Status
    /// The response's body.
    public var body: ErrorBody
    /// Extra response headers (`Retry-After` on a 503).
    public var headers: HTTPFields

    /// An error with this status and body.
    public init(_ status: HTTPResponse.Status, _ body: ErrorBody, headers: HTTPFields = [:]) {
        self.status = status
        self.body = body
        self.headers = headers
    }

    /// 400: the request cannot be read (not JSON, a field of the wrong type, a malformed id).
    public static func badRequest(_ message: String, field: String? = nil) -> APIError {
        APIError(.badRequest, ErrorBody(error: message, field: field))
    }

    /// 422: the request was read, but a value breaks a rule of the service or the schema.
    public static func invalid(_ message: String, field: String? = nil, relation: String? = nil) -> APIError {
        APIError(.unprocessableContent, ErrorBody(error: message, field: field, relation: relation))
    }

    /// 404: what the path (or a token) names does not exist.
    public static func notFound(_ what: String) -> APIError {
        APIError(.notFound, ErrorBody(error: "\(what) not found"))
    }

    /// 409: a row with the same key exists; `key` names its columns, never their values.
    public static func conflict(_ message: String, key: String? = nil, relation: String? = nil) -> APIError {
        APIError(.conflict, ErrorBody(error: message, key: key, relation: relation))
    }

    /// 503: the database is busy or unreachable for now; the client may retry after a second.
    public static func unavailable(_ message: String) -> APIError {
        APIError(.serviceUnavailable, ErrorBody(error: message), headers: [.retryAfter: "1"])
    }

    /// 500: a fault of the service's own. The body says nothing more: the details go to the log.
    public static var `internal`: APIError {
        APIError(.internalServerError, ErrorBody(error: "internal error"))
    }
}

/// The JSON body of every error response. Keys that do not apply are left out.
public struct ErrorBody: Codable, Sendable, Equatable {
    /// What went wrong, in words for a developer; never a value from the request or a row.
    public var error: String
    /// The request field at fault (`email`, `page`, `user_id`).
    public var field: String?
    /// The columns of the unique key a conflicting row shares (`email`, `tenant_id,user_id`).
    public var key: String?
    /// The generated relation a foreign key stands for (`user`, `invitedBy`).
    public var relation: String?

    /// A body with these fields.
    public init(error: String, field: String? = nil, key: String? = nil, relation: String? = nil) {
        self.error = error
        self.field = field
        self.key = key
        self.relation = relation
    }
}
