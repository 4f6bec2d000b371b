import Foundation
import Models
import Testing

@Test func entitiesDescribeTheirTables() {
    #expect(User.schemaName == "public")
    #expect(User.tableName == "users")
    #expect(User.Column.passwordHash.rawValue == "password_hash")
    #expect(User.primaryKeyColumns == [.id])
    // A computed column is read but never written: the draft has no field for it.
    #expect(!Message.Draft.columns.contains(.bodyLength))
    #expect(DatabaseSchema.entities.contains { $0 == TenantMembership.self })
}

@Test func relationsAreTyped() {
    // What a relation joins on shows in the SQL it builds.
    #expect(RefreshToken.Relations.user.constraint == "fk_refresh_tokens_user_id")
    #expect(RefreshToken.join(RefreshToken.Relations.user).leftRows().statement.sql.contains(#"ON "t0"."user_id" = "t1"."id""#))
    #expect(User.join(User.Relations.refreshTokens).leftRows().statement.sql.contains(#"ON "t0"."id" = "t1"."user_id""#))
    #expect(MembershipEvent.join(MembershipEvent.Relations.tenantMembership).leftRows().statement.sql.contains(" AND "))
}

@Test func modelsAreCodableWithColumnNamesAsKeys() throws {
    let user = User(id: UUID(), username: "ada", email: "ada@example.com", emailVerified: true,
                    createdAt: .now(), updatedAt: .now(), role: .admin)
    let json = try JSONEncoder().encode(user)
    let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    #expect(object["email_verified"] as? Bool == true)
    #expect(object["role"] as? String == "admin")
    #expect(try JSONDecoder().decode(User.self, from: json) == user)
    #expect(user.displayName == "ada")
}
