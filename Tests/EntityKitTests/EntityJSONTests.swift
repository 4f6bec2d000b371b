@_spi(Generated) import EntityKit
import Foundation
import GeneratedModels
import Testing

/// The JSON an entity produces with the default shape, as the README documents it for web APIs.
@Suite("Entity JSON")
struct EntityJSONTests {
    static let user = User(
        id: UUID(uuidString: "7f0c2b3e-8d4a-4c1e-9f6b-2a5d8e1c0b7a")!, username: "ada", email: "ada@example.com",
        emailVerified: true, createdAt: PGTimestamp(microsecondsSince2000: 758_629_800_123_456),
        updatedAt: PGTimestamp(microsecondsSince2000: 758_629_800_000_000), role: .admin)

    @Test func columnNamesAsKeysNilsLeftOutValuesAsTheirTypesSpellThem() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(Self.user), as: UTF8.self)
        // Column names as keys; password_hash, invited_by_id and disabled_at are nil, so absent;
        // a UUID as Foundation writes it (upper case); timestamps in ISO 8601 with microseconds,
        // in UTC; an enum as its label.
        #expect(text == """
            {"created_at":"2024-01-15T10:30:00.123456Z","email":"ada@example.com","email_verified":true,\
            "id":"7F0C2B3E-8D4A-4C1E-9F6B-2A5D8E1C0B7A","role":"admin","updated_at":"2024-01-15T10:30:00Z","username":"ada"}
            """)
        #expect(try JSONDecoder().decode(User.self, from: Data(text.utf8)) == Self.user)
    }

    @Test func aRequestBodyWithAMissingOptionalDecodesAndAMissingRequiredKeyIsRefused() throws {
        let body = #"{"id":"7f0c2b3e-8d4a-4c1e-9f6b-2a5d8e1c0b7a","username":"ada","email":"ada@example.com","#
            + #""email_verified":true,"created_at":"2024-01-15T10:30:00.123456Z","updated_at":"2024-01-15T10:30:00Z","role":"admin"}"#
        #expect(try JSONDecoder().decode(User.self, from: Data(body.utf8)) == Self.user, "lower-case UUIDs are read too")
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(User.self, from: Data(#"{"id":"7f0c2b3e-8d4a-4c1e-9f6b-2a5d8e1c0b7a"}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(User.self, from: Data(body.replacingOccurrences(of: "\"admin\"", with: "\"root\"").utf8))
        }
    }

    /// A request body decodes straight into a `Draft`, with the entity's keys: what the database
    /// fills may be missing or null, a required value may not, and the draft writes the same row
    /// as one built in Swift.
    @Test func aDraftDecodesFromARequestBodyWithTheEntitysKeys() throws {
        func draft(_ json: String) throws -> User.Draft {
            try JSONDecoder().decode(User.Draft.self, from: Data(json.utf8))
        }
        let decoded = try draft(#"{"username":"ada","email":"ada@example.com","password_hash":"x","role":null,"email_verified":true}"#)
        let built = User.Draft(username: "ada", email: "ada@example.com", passwordHash: "x", emailVerified: true)
        #expect(decoded.username == "ada" && decoded.email == "ada@example.com" && decoded.passwordHash == "x")
        #expect(decoded.id == nil && decoded.role == nil && decoded.createdAt == nil, "missing or null: left to the database")
        #expect(WriteStatements.insert([decoded]) == WriteStatements.insert([built]), "the same statement and values")
        #expect(try draft(#"{"username":"ada","email":"a@b.c","passwordHash":"x"}"#).passwordHash == nil, "only the entity's keys are read")

        do {
            _ = try draft(#"{"username":"ada"}"#)
            Issue.record("a draft without its email decoded")
        } catch let DecodingError.keyNotFound(key, _) {
            #expect(key.stringValue == "email")
        }
        do {
            _ = try draft(#"{"username":"ada","email":"a@b.c","role":"root"}"#)
            Issue.record("an unknown role decoded")
        } catch DecodingError.dataCorrupted {}
        do {
            _ = try draft(#"{"username":7,"email":"a@b.c"}"#)
            Issue.record("a number decoded as a username")
        } catch DecodingError.typeMismatch {}
        #expect(throws: DecodingError.self) { try draft(#"{"username":"ada","email":"a@b.c","id":"not-a-uuid"}"#) }
    }
}
