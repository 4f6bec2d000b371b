import Testing
import TestSupport

/// Misuses of the typed query API that must not compile, each with a message that says what is
/// wrong. Checked against the reference schema's generated models.
@Suite("Compile-time checks",
       .enabled(if: TestEnvironment.runsProcessTests, "fast lane: type-checks with swiftc; run scripts/test or TEST_LANE=full swift test"))
struct CompileFailTests {
    struct Case: Sendable, CustomStringConvertible {
        let description: String
        let code: String
        /// Text the compiler's error must contain.
        let message: String
    }

    static let cases: [Case] = [
        Case(description: "a comparison with a value of another type",
             code: "_ = User.where { $0.role == 5 }",
             message: "cannot convert value of type 'Int' to expected argument type 'UserRole'"),
        Case(description: "isNull on a NOT NULL column",
             code: "_ = User.where { $0.email.isNull() }",
             message: "requires that 'String' conform to 'NullableColumnValue'"),
        Case(description: "like on an enum column",
             code: "_ = User.where { $0.role.like(\"adm%\") }",
             message: "requires the types 'UserRole' and 'String' be equivalent"),
        Case(description: "an insert missing a required column",
             code: "_ = User.Draft(username: \"ada\")",
             message: "missing argument for parameter 'email'"),
        Case(description: "a write to a view",
             code: "func write(db: PostgresClient, row: ActiveRefreshToken) async throws { _ = try await db.insert(rows: [row]) }",
             message: "requires that 'ActiveRefreshToken' conform to 'WritableEntity'"),
        Case(description: "an upsert on a column that is not unique",
             code: "func write(db: PostgresClient) async throws { _ = try await db.upsert(User.Draft(username: \"a\", email: \"b\"), onConflict: .role) }",
             message: "type 'User.UniqueKey' has no member 'role'"),
        Case(description: "a column that is not Bool as a condition",
             code: "_ = User.where { $0.username }",
             message: "'String' and 'Bool' be equivalent"),
        Case(description: "a draft of a view",
             code: "_ = ActiveRefreshToken.Draft.self",
             message: "type 'ActiveRefreshToken' has no member 'Draft'"),
    ]

    @Test(arguments: cases)
    func misuseDoesNotCompile(_ testCase: Case) throws {
        let result = try Typecheck.snippet("""
            import EntityKitPostgres
            import GeneratedModels

            \(testCase.code)
            """)
        #expect(result.status != 0, "\(testCase) compiled")
        #expect(result.output.contains(testCase.message), "\(testCase): \(result.output)")
    }
}
