import AuthMigrations
import AuthModels
import AuthService
import EntityKitTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The server the tests make their databases on: `DATABASE_URL`, any database there (the user
/// needs CREATEDB). The suites that need it are skipped when it is unset.
enum TestServer {
    static let url = ProcessInfo.processInfo.environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static var isConfigured: Bool { url != nil }

    /// The migrations applied once into a template; each test gets a clone of it.
    static let databases: Result<TestDatabases, any Error> = Result {
        guard let url else { throw NoServer() }
        return try TestDatabases(server: url, migrations: try AuthMigrations.all(), prefix: "auth_service")
    }

    struct NoServer: Error {}
}

/// Runs `test` against the service on a database of its own, with the migrations applied,
/// dropped afterwards: requests go straight to the router (no socket), and `db` reaches the
/// same database for what a test sets up or checks behind the service's back.
func withService(_ test: @Sendable (any TestClientProtocol, DatabaseClient) async throws -> Void) async throws {
    try await TestServer.databases.get().withDatabase { db in
        var logger = Logger(label: "auth-service-tests")
        logger.logLevel = .critical
        let app = try await buildApplication(AppConfiguration(database: db, port: 0, logger: logger))
        try await app.test(.router) { client in
            try await test(client, db)
        }
    }
}

/// A response's JSON object.
func json(_ response: TestResponse) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))
    return try #require(object as? [String: Any])
}

/// A response's JSON array of objects.
func jsonArray(_ response: TestResponse) throws -> [[String: Any]] {
    let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))
    return try #require(object as? [[String: Any]])
}

/// A response's body as text (to check what it does not contain).
func text(_ response: TestResponse) -> String {
    String(decoding: response.body.readableBytesView, as: UTF8.self)
}

/// A request body from a JSON literal.
func body(_ json: String) -> ByteBuffer {
    ByteBuffer(string: json)
}

extension TestClientProtocol {
    /// Sends `json` (nil: no body) and returns the response.
    func send(_ method: HTTPRequest.Method, _ uri: String, json: String? = nil) async throws -> TestResponse {
        try await execute(
            uri: uri, method: method, headers: json == nil ? [:] : [.contentType: "application/json"],
            body: json.map(body))
    }

    /// Signs a user up through the service and returns its id.
    func createUser(_ username: String, email: String? = nil) async throws -> UUID {
        let response = try await send(.post, "/users", json: #"{"username": "\#(username)", "email": "\#(email ?? "\(username)@example.com")"}"#)
        #expect(response.status == .created)
        return try uuid(try json(response)["id"])
    }
}

/// The error body's fields, for comparing in one expectation.
func errorFields(_ response: TestResponse) throws -> [String: String] {
    try json(response).compactMapValues { $0 as? String }
}

/// The UUID a JSON field holds as text.
func uuid(_ value: Any?) throws -> UUID {
    let text = try #require(value as? String)
    return try #require(UUID(uuidString: text))
}
