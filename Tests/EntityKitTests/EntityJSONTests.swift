import EntityKit
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
        let body = #"{"id":"7f0c2b3e-8d4a-4c1e-9f6b-2a5d8e1c0b7a","username":"ada","email":"ada@example.com","email_verified":true,"created_at":"2024-01-15T10:30:00.123456Z","updated_at":"2024-01-15T10:30:00Z","role":"admin"}"#
        #expect(try JSONDecoder().decode(User.self, from: Data(body.utf8)) == Self.user, "lower-case UUIDs are read too")
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(User.self, from: Data(#"{"id":"7f0c2b3e-8d4a-4c1e-9f6b-2a5d8e1c0b7a"}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(User.self, from: Data(body.replacingOccurrences(of: "\"admin\"", with: "\"root\"").utf8))
        }
    }
}
