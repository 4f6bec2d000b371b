import AuthModels
@testable import AuthService
import EntityKitTesting
import Foundation
import Hummingbird
import Testing

/// The answer for every kind of failure, including the ones a test cannot provoke on a healthy
/// server (deadlocks, timeouts, lost connections). No database needed.
@Suite("Error mapping", .timeLimit(.minutes(10)))
struct ErrorMappingTests {
    /// A server error as the runtime reports it, with a message and detail that quote a value.
    func serverError(_ sqlState: String, table: String? = nil, column: String? = nil, constraint: String? = nil) -> DatabaseError {
        DatabaseError(
            sqlState: sqlState, message: "value \"ada@example.com\" is bad", schema: table == nil ? nil : "public", table: table,
            column: column, constraint: constraint, detail: "Key (email)=(ada@example.com) already exists.")
    }

    @Test(arguments: [
        ("23505", HTTPResponse.Status.conflict),       // unique
        ("23P01", .conflict),                          // exclusion
        ("23503", .unprocessableContent),              // foreign key, on an insert or update
        ("23502", .unprocessableContent),              // not null
        ("23514", .unprocessableContent),              // check
        ("40001", .serviceUnavailable),                // serialization failure, after the retries
        ("40P01", .serviceUnavailable),                // deadlock, after the retries
        ("57014", .serviceUnavailable),                // statement timeout
        ("55P03", .serviceUnavailable),                // lock not available
        ("08006", .serviceUnavailable),                // connection failure
        ("57P01", .serviceUnavailable),                // admin shutdown
        ("42501", .internalServerError),               // permission
        ("28P01", .internalServerError),               // authentication
        ("42P01", .internalServerError),               // undefined table: a bug
        ("22001", .unprocessableContent),              // value too long
        ("22P02", .unprocessableContent),              // invalid text representation
    ])
    func everyKindOfServerErrorHasAnAnswer(sqlState: String, status: HTTPResponse.Status) throws {
        let answer = ErrorMapping.apiError(for: serverError(sqlState), method: .post)
        #expect(answer.status == status)
        let body = String(decoding: try JSONEncoder().encode(answer.body), as: UTF8.self)
        #expect(!body.contains("ada@example.com"))
        #expect(!body.contains("bad"))
        if status == .serviceUnavailable {
            #expect(answer.headers[.retryAfter] == "1")
        }
    }

    @Test func aForeignKeyViolationOnADeleteIsAConflict() {
        let answer = ErrorMapping.apiError(for: serverError("23503", table: "messages", constraint: "messages_sender_id_fkey"), method: .delete)
        #expect(answer.status == .conflict)
    }

    @Test func aUniqueViolationNamesTheKeysColumnsFromTheGeneratedModels() {
        let users = ErrorMapping.apiError(for: serverError("23505", table: "users", constraint: "users_email_key"), method: .post)
        #expect(users.body == ErrorBody(error: "a row with the same key exists", key: "email"))
        let memberships = ErrorMapping.apiError(
            for: serverError("23505", table: "tenant_memberships", constraint: "tenant_memberships_pkey"), method: .post)
        #expect(memberships.body.key == "tenant_id,user_id")
        let unknown = ErrorMapping.apiError(for: serverError("23505", table: "elsewhere", constraint: "elsewhere_key"), method: .post)
        #expect(unknown.body.key == nil)
    }

    @Test func aForeignKeyViolationNamesTheGeneratedRelation() {
        let answer = ErrorMapping.apiError(
            for: serverError("23503", table: "refresh_tokens", constraint: "fk_refresh_tokens_user_id"), method: .post)
        #expect(answer.body == ErrorBody(error: "refers to a row that does not exist", relation: "user"))
        let sender = ErrorMapping.apiError(for: serverError("23503", table: "messages", constraint: "messages_sender_id_fkey"), method: .post)
        #expect(sender.body.relation == "sender")
    }

    @Test func aNotNullViolationNamesTheColumn() {
        let answer = ErrorMapping.apiError(for: serverError("23502", table: "users", column: "email"), method: .post)
        #expect(answer.body == ErrorBody(error: "a required value is missing", field: "email"))
    }

    @Test(arguments: [
        (EntityKitPostgresError.connectionFailed("refused"), HTTPResponse.Status.serviceUnavailable),
        (.connectTimedOut(.seconds(10)), .serviceUnavailable),
        (.acquireTimedOut(.seconds(10), maximumConnections: 20), .serviceUnavailable),
        (.connectionClosed("reset"), .serviceUnavailable),
        (.statementTimedOut(.seconds(30)), .serviceUnavailable),
        (.preparedStatementLost, .serviceUnavailable),
        (.clientShutDown, .serviceUnavailable),
        (.commitOutcomeUnknown("reset"), .internalServerError),
        (.transactionRolledBack(cause: "x"), .internalServerError),
        (.preparedStatementsNotKept(sqlState: "26000"), .internalServerError),
        (.invalidArgument(name: "n", value: "0", expected: "1 or more"), .internalServerError),
    ])
    func everyRuntimeErrorHasAnAnswer(error: EntityKitPostgresError, status: HTTPResponse.Status) throws {
        let answer = ErrorMapping.apiError(for: error, method: .get)
        #expect(answer.status == status)
        let body = String(decoding: try JSONEncoder().encode(answer.body), as: UTF8.self)
        #expect(!body.contains("reset") && !body.contains("refused"))
    }

    @Test func paginationErrorsAreBadRequests() {
        #expect(ErrorMapping.apiError(for: PaginationError.pageBelowOne(0), method: .get).body.field == "page")
        #expect(ErrorMapping.apiError(for: PaginationError.pageOutOfRange(.max, perPage: 20), method: .get).status == .badRequest)
        #expect(ErrorMapping.apiError(for: PaginationError.perPageBelowOne(0), method: .get).body.field == "per")
    }

    @Test func anUnknownErrorIsA500ThatSaysNothing() {
        struct Secret: Error { var value = "ada@example.com" }
        let answer = ErrorMapping.apiError(for: Secret(), method: .get)
        #expect(answer == .internal)
        #expect(ErrorMapping.apiError(for: SQLRejection.nulInText, method: .get) == .internal)
    }

    /// A body of the shape `POST /tenants/:id/members` reads.
    struct Probe: Decodable {
        var userID: UUID
        var roles: [UserRole]

        enum CodingKeys: String, CodingKey {
            case userID = "user_id"
            case roles
        }
    }

    /// The answer for decoding `json` as a ``Probe``.
    func answer(_ json: String) -> APIError {
        switch Result(catching: { try JSONDecoder().decode(Probe.self, from: Data(json.utf8)) }) {
        case .success: APIError.internal
        case let .failure(error): ErrorMapping.apiError(for: error, method: .post)
        }
    }

    @Test func aDecodingErrorNamesTheFieldNotTheValue() throws {
        #expect(answer("{").body == ErrorBody(error: "the body is not valid JSON"))
        #expect(answer(#"{"roles": []}"#).body == ErrorBody(error: "a required field is missing", field: "user_id"))
        #expect(answer(#"{"user_id": 5, "roles": []}"#).body == ErrorBody(error: "a field has the wrong type", field: "user_id"))
        #expect(answer(#"{"user_id": null, "roles": []}"#).body.field == "user_id")
        let label = answer(#"{"user_id": "\#(UUID())", "roles": ["user", "secret-label"]}"#)
        #expect(label.body == ErrorBody(error: "a field has an invalid value", field: "roles.1"))
    }

    @Test func pageRequestsReadTheQueryString() throws {
        let asked = try PageRequest(["page": "3", "per": "10"])
        #expect(asked.number == 3 && asked.perPage == 10)
        let defaults = try PageRequest([:])
        #expect(defaults.number == 1 && defaults.perPage == 20)
        #expect(throws: APIError.badRequest("per is at most 100", field: "per")) { try PageRequest(["per": "101"]) }
        #expect(throws: APIError.badRequest("page must be a whole number", field: "page")) { try PageRequest(["page": "x"]) }
    }

    @Test func tokenHashesAreSHA256InHex() {
        // The SHA-256 of "abc", from FIPS 180-2's examples.
        #expect(TokenSecret.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let secrets = Set((0..<100).map { _ in TokenSecret.generate() })
        #expect(secrets.count == 100)
        #expect(secrets.allSatisfy { $0.count == 43 && !$0.contains("+") && !$0.contains("/") && !$0.contains("=") })
    }
}
