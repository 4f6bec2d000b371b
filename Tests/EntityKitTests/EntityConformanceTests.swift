import EntityKit
import Foundation
import GeneratedModels
import Testing

/// Entities get `Codable`, `Equatable` and `Hashable` from EntityKit, through their positional
/// `init(row:)` and `write(to:)`, instead of from the compiler in every generated file. These
/// tests hold the generic conformances to what the compiler synthesized for the same structs:
/// the mirrors below declare the same stored properties and let the compiler synthesize.
@Suite("Entity Codable and Hashable")
struct EntityConformanceTests {
    /// `User` as the compiler would make it Codable and Hashable.
    struct SynthesizedUser: Codable, Hashable {
        typealias CodingKeys = User.Column
        var id: UUID
        var username: String
        var email: String
        var passwordHash: String?
        var emailVerified: Bool
        var createdAt: PGTimestamp
        var updatedAt: PGTimestamp
        var role: UserRole
        var invitedByID: UUID?
        var disabledAt: PGTimestamp?

        init(_ user: User) {
            (id, username, email, passwordHash, emailVerified) = (user.id, user.username, user.email, user.passwordHash, user.emailVerified)
            (createdAt, updatedAt, role, invitedByID, disabledAt) = (user.createdAt, user.updatedAt, user.role, user.invitedByID, user.disabledAt)
        }
    }

    /// `Tenant` (a domain and a composite column) as the compiler would make it.
    struct SynthesizedTenant: Codable, Hashable {
        typealias CodingKeys = Tenant.Column
        var id: UUID
        var name: String?
        var createdAt: PGTimestamp
        var billingEmail: EmailAddress?
        var billingAddress: PostalAddress?

        init(_ tenant: Tenant) {
            (id, name, createdAt, billingEmail, billingAddress) = (tenant.id, tenant.name, tenant.createdAt, tenant.billingEmail, tenant.billingAddress)
        }
    }

    static let admin = User(
        id: UUID(uuidString: "6F1C1D52-3A5B-4C1E-9A58-0B5E3C2D1A10")!, username: "ada", email: "ada@example.com",
        passwordHash: "$2b$12$hash", emailVerified: true,
        createdAt: PGTimestamp(microsecondsSince2000: 758_629_800_123_456), updatedAt: .infinity,
        role: .admin, invitedByID: UUID(uuidString: "00000000-0000-0000-0000-000000000001")!,
        disabledAt: PGTimestamp(microsecondsSince2000: -1))
    /// Every optional nil.
    static let newcomer = User(
        id: UUID(uuidString: "A0B1C2D3-E4F5-4617-8899-AABBCCDDEEFF")!, username: "grace", email: "grace@example.com",
        emailVerified: false, createdAt: PGTimestamp(microsecondsSince2000: 0), updatedAt: PGTimestamp(microsecondsSince2000: 0), role: .user)
    static let tenants = [
        Tenant(id: UUID(uuidString: "11111111-2222-3333-4444-555555555555")!, name: "Acme", createdAt: .negativeInfinity,
               billingEmail: "billing@acme.example", billingAddress: PostalAddress(street: "1 Main St", city: nil, postalCode: "12345", countryCode: "US")),
        Tenant(id: UUID(uuidString: "11111111-2222-3333-4444-555555555556")!, name: nil, createdAt: PGTimestamp(microsecondsSince2000: 42)),
    ]

    @Test func encodesWhatSynthesizedCodableEncodes() throws {
        for user in [Self.admin, Self.newcomer] {
            #expect(try jsonText(user) == jsonText(SynthesizedUser(user)))
        }
        for tenant in Self.tenants {
            #expect(try jsonText(tenant) == jsonText(SynthesizedTenant(tenant)))
        }
        // Nil optionals are left out, as `encodeIfPresent` leaves them out.
        let json = try jsonText(Self.newcomer)
        #expect(!json.contains("password_hash") && !json.contains("invited_by_id") && !json.contains("disabled_at"))
        #expect(json.contains(#""email_verified":false"#) && json.contains(#""role":"user""#))
    }

    @Test func decodesWhatSynthesizedCodableWrites() throws {
        for user in [Self.admin, Self.newcomer] {
            let decoded = try JSONDecoder().decode(User.self, from: JSONEncoder().encode(SynthesizedUser(user)))
            #expect(SynthesizedUser(decoded) == SynthesizedUser(user))
        }
        for tenant in Self.tenants {
            let decoded = try JSONDecoder().decode(Tenant.self, from: JSONEncoder().encode(SynthesizedTenant(tenant)))
            #expect(SynthesizedTenant(decoded) == SynthesizedTenant(tenant))
        }
    }

    @Test func optionalsMayBeMissingOrNull() throws {
        let base = #""id":"A0B1C2D3-E4F5-4617-8899-AABBCCDDEEFF","username":"grace","email":"grace@example.com","email_verified":false,"#
            + #""created_at":"2000-01-01T00:00:00Z","updated_at":"2000-01-01T00:00:00Z","role":"user""#
        let missing = try JSONDecoder().decode(User.self, from: Data("{\(base)}".utf8))
        let null = try JSONDecoder().decode(User.self, from: Data(#"{\#(base),"password_hash":null,"invited_by_id":null,"disabled_at":null}"#.utf8))
        #expect(SynthesizedUser(missing) == SynthesizedUser(Self.newcomer))
        #expect(SynthesizedUser(null) == SynthesizedUser(Self.newcomer))
    }

    @Test func decodingFailsWhereSynthesizedCodableFails() throws {
        let complete = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Self.admin)) as! [String: Any]
        var withoutUsername = complete
        withoutUsername["username"] = nil
        var wrongType = complete
        wrongType["email_verified"] = "yes"
        var nullRequired = complete
        nullRequired["role"] = NSNull()
        for (broken, expectedKey) in [(withoutUsername, "username"), (wrongType, "email_verified"), (nullRequired, "role")] {
            let data = try JSONSerialization.data(withJSONObject: broken)
            let ours = Self.decodingError { _ = try JSONDecoder().decode(User.self, from: data) }
            let synthesized = Self.decodingError { _ = try JSONDecoder().decode(SynthesizedUser.self, from: data) }
            #expect(ours != nil && ours == synthesized, "\(expectedKey): \(String(describing: ours)) against \(String(describing: synthesized))")
            #expect(ours?.hasSuffix(expectedKey) == true)
        }
    }

    /// The kind of a `DecodingError` and its coding path, for comparison.
    static func decodingError(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let DecodingError.keyNotFound(key, context) {
            return "keyNotFound " + (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
        } catch let DecodingError.typeMismatch(_, context) {
            return "typeMismatch " + context.codingPath.map(\.stringValue).joined(separator: ".")
        } catch let DecodingError.valueNotFound(_, context) {
            return "valueNotFound " + context.codingPath.map(\.stringValue).joined(separator: ".")
        } catch {
            return "\(error)"
        }
    }

    @Test func hashesAsSynthesizedHashableHashes() {
        for user in [Self.admin, Self.newcomer] {
            #expect(user.hashValue == SynthesizedUser(user).hashValue)
        }
        for tenant in Self.tenants {
            #expect(tenant.hashValue == SynthesizedTenant(tenant).hashValue)
        }
        #expect(Self.admin.hashValue != Self.newcomer.hashValue)
    }

    @Test func equalityComparesEveryColumn() {
        #expect(Self.admin == Self.admin)
        #expect(Self.admin != Self.newcomer)
        let changes: [(String, (inout User) -> Void)] = [
            ("id", { $0.id = UUID() }), ("username", { $0.username += "!" }), ("email", { $0.email = "other@example.com" }),
            ("passwordHash", { $0.passwordHash = nil }), ("emailVerified", { $0.emailVerified.toggle() }),
            ("createdAt", { $0.createdAt = .negativeInfinity }), ("updatedAt", { $0.updatedAt = PGTimestamp(microsecondsSince2000: 1) }),
            ("role", { $0.role = .user }), ("invitedByID", { $0.invitedByID = nil }), ("disabledAt", { $0.disabledAt = nil }),
        ]
        for (column, change) in changes {
            var changed = Self.admin
            change(&changed)
            #expect(changed != Self.admin, "a different \(column) compared equal")
            #expect(SynthesizedUser(changed) != SynthesizedUser(Self.admin))
        }
        #expect(Set(Self.tenants + Self.tenants).count == 2)
        var renamed = Self.tenants[0]
        renamed.billingAddress?.city = "Springfield"
        #expect(renamed != Self.tenants[0])
    }
}
