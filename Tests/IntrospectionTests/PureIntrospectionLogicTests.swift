@testable import CatalogIntrospection
import Testing

/// Introspection's pure logic, with no server: password redaction, classification of libpq's
/// connection failures, and array literals.
@Suite("Introspection logic without a server")
struct PureIntrospectionLogicTests {
    @Test(arguments: [
        ("postgres://app:s3cr%40t@db:5432/app", ["s3cr%40t", "s3cr@t"]),
        ("postgresql://app:pa:ss@db/app", ["pa:ss"]),
        ("host=db password=hunter2 dbname=app", ["hunter2"]),
        ("host=db password = 'two words\\'s' dbname=app", ["two words\\'s"]),
        ("postgres://app@db/app", []),
    ])
    func findsEveryPasswordSpelling(connectionString: String, secrets: [String]) {
        let found = Set(Redaction.secrets(in: connectionString))
        for secret in secrets { #expect(found.contains(secret), "\(secret) not found in \(found)") }
        if secrets.isEmpty { #expect(found.isEmpty) }
    }

    @Test func redactionRemovesThePasswordFromMessages() {
        let message = "connection to server failed: password authentication failed for user \"app\" (password hunter2)"
        let redacted = Redaction.redact(message, secretsIn: "host=db user=app password=hunter2")
        #expect(!redacted.contains("hunter2"))
        #expect(redacted.contains("***"))
    }

    @Test func connectionFailuresAreClassifiedWithoutThePassword() throws {
        let target = try ConnectionTarget(connectionString: "postgres://app:hunter2@db:5432/shop", source: .argument)
        func classify(_ message: String) -> IntrospectionError {
            IntrospectionError.classifyConnectionFailure(message, target: target)
        }
        guard case .authenticationFailed(_, let detail) = classify("connection to server at \"db\" (10.0.0.1), port 5432 failed: "
            + "FATAL:  password authentication failed for user \"app\"") else {
            Issue.record("not classified as authentication")
            return
        }
        #expect(detail == "password authentication failed for user \"app\"")
        #expect(classify("connection to server failed: FATAL:  database \"shop\" does not exist")
                == .databaseMissing(target: target.displayName, database: "shop"))
        #expect(classify("connection to server failed: FATAL:  role \"app\" does not exist") == .roleMissing(target: target.displayName, role: "app"))
        guard case .unreachable = classify("connection to server at \"db\" (10.0.0.1), port 5432 failed: "
            + "Connection refused\n\tIs the server running on that host?") else {
            Issue.record("not classified as unreachable")
            return
        }
        guard case .malformedConnectionString = classify("invalid port number: \"abc\"") else {
            Issue.record("not classified as malformed")
            return
        }
        guard case let .connectionFailed(_, reason) = classify("connection to server failed: SSL error: hunter2 something odd") else {
            Issue.record("not classified as a generic failure")
            return
        }
        #expect(!reason.contains("hunter2"))
        #expect(!target.displayName.contains("hunter2"))
    }

    @Test(arguments: [
        ("{}", [String?]()),
        ("{a,b}", ["a", "b"]),
        ("{\"two words\",NULL,\"NULL\"}", ["two words", nil, "NULL"]),
        ("{\"quote\\\"d\",\"back\\\\slash\"}", ["quote\"d", "back\\slash"]),
        ("[0:1]={x,y}", ["x", "y"]),
        ("{\"\"}", [""]),
    ])
    func readsArrayLiterals(text: String, elements: [String?]) {
        #expect(PostgresArrayLiteral.parse(text) == elements)
    }
}
