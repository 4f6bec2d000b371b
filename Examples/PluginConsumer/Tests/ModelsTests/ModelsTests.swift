import Foundation
import Models
import Testing

@Test func entitiesDescribeTheirTables() {
    #expect(User.schemaName == "public")
    #expect(User.tableName == "users")
    #expect(User.Column.passwordHash.rawValue == "password_hash")
    #expect(User.Column.passwordHash.definition.isNullable)
    #expect(User.primaryKeyColumns == [.id])
    #expect(Message.Column.bodyLength.definition.generation == .computed)
    #expect(DatabaseSchema.entities.contains { $0 == TenantMembership.self })
}

@Test func relationsAreTyped() {
    #expect(RefreshToken.Relations.user.columns == [ColumnPair(.userID, .id)])
    #expect(User.Relations.refreshTokens.columns == [ColumnPair(.id, .userID)])
    #expect(User.Relations.tenants.targetColumns == [ColumnPair(.tenantID, .id)])
    #expect(MembershipEvent.Relations.tenantMembership.columns.count == 2)
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
