@testable import EntityGenerator
import Foundation
import SchemaModel
import Testing

/// Hidden tables, extra conformances, `Identifiable` and renames from the configuration.
@Suite("Customization: hidden tables, conformances, renames")
struct CustomizationTests {
    private func plan(_ relations: [Relation], types: [TypeDefinition] = [], options: GeneratorOptions = GeneratorOptions()) throws -> GenerationPlan {
        try Translator(snapshot: Fixture.snapshot(relations, types: types), options: options).plan()
    }

    private let users = Fixture.table("users", [
        Fixture.column("id", "uuid", nullable: false), Fixture.column("email", "text", nullable: false),
        Fixture.column("username", "text", nullable: false), Fixture.column("role", "public.user_role"),
    ], primaryKey: ["id"])
    private let roles = Fixture.enumeration("user_role", ["admin", "user"])
    private var tokens: Relation {
        Fixture.table("refresh_tokens", [Fixture.column("token", "text", nullable: false), Fixture.column("user_id", "uuid", nullable: false)],
                      primaryKey: ["token"], foreignKeys: [Fixture.foreignKey("fk_tokens_user", ["user_id"], references: "users", ["id"])])
    }

    // MARK: Hidden tables

    @Test func hiddenTablesAreSkippedWithAWarningThatSaysHowToIncludeThem() throws {
        let hidden = Fixture.table("_schema_versions", [Fixture.column("version", "int4", nullable: false)], primaryKey: ["version"])
        let skipped = try plan([users, hidden], types: roles)
        #expect(skipped.entities.map(\.table) == ["users"])
        let warning = try #require(skipped.diagnostics.first { $0.subject == "public._schema_versions" })
        #expect(warning.severity == .warning && warning.message.contains("--include-hidden-tables") && warning.message.contains("includeHiddenTables"))

        var options = GeneratorOptions()
        options.includeHiddenTables = true
        #expect(try plan([users, hidden], types: roles, options: options).entities.map(\.table).sorted() == ["_schema_versions", "users"])

        options = GeneratorOptions()
        options.tables = ["_schema_versions"]
        #expect(try plan([users, hidden], types: roles, options: options).entities.map(\.table) == ["_schema_versions"],
                "a table asked for by name is generated")

        let decoded = try GeneratorOptions.decodeConfiguration(Data(#"{"includeHiddenTables": true}"#.utf8), named: "codegen.json")
        #expect(decoded.includeHiddenTables)
    }

    // MARK: Identifiable and conformances

    @Test func singleColumnKeysGiveIdentifiableWithAnAccessorWhenTheKeyIsNotNamedID() throws {
        let result = try plan([users, tokens], types: roles)
        let user = try #require(result.entities.first { $0.table == "users" })
        #expect(user.identity == IdentityPlan(property: "id", type: .known(.uuid)))
        #expect(user.identity?.needsAccessor == false)
        let token = try #require(result.entities.first { $0.table == "refresh_tokens" })
        #expect(token.identity == IdentityPlan(property: "token", type: .known(.string)))
        let source = EntityRenderer(plan: token, access: "public ").render()
        #expect(source.contains("public struct RefreshToken: KeyedEntity, Hashable, Identifiable {"))
        #expect(source.contains("public var id: String { self.token }"))
        #expect(!EntityRenderer(plan: user, access: "public ").render().contains("var id: UUID {"))
    }

    @Test func aPropertyNamedIDThatIsNotTheKeyBlocksIdentifiableWithANote() throws {
        let odd = Fixture.table("odd", [Fixture.column("code", "text", nullable: false), Fixture.column("id", "int4")], primaryKey: ["code"])
        let composite = Fixture.table("pairs", [Fixture.column("a", "int4", nullable: false), Fixture.column("b", "int4", nullable: false)],
                                      primaryKey: ["a", "b"])
        let view = Fixture.table("names", kind: .view, [Fixture.column("id", "int4")])
        let result = try plan([odd, composite, view])
        #expect(result.entities.allSatisfy { $0.identity == nil })
        let note = try #require(result.diagnostics.first { $0.subject == "public.odd" })
        #expect(note.severity == .note && note.message.contains("`id` is the column `id`, not the primary key `code`"))
        #expect(!result.diagnostics.contains { $0.subject == "public.pairs" || $0.subject == "public.names" })

        var options = GeneratorOptions()
        options.identifiable = false
        #expect(try plan([users, tokens], types: roles, options: options).entities.allSatisfy { $0.identity == nil })
    }

    @Test func conformancesApplyGloballyPerKindAndPerTypeWithTheirImports() throws {
        let json = #"""
            {"conformances": {"all": ["Auditable"], "entities": ["Hashable", "Cached"], "enums": ["CaseIterable"],
                              "types": {"public.users": ["Searchable"], "public.user_role": ["Localized"], "public.gone": ["X"]},
                              "imports": ["AppProtocols"]}}
            """#
        let options = try GeneratorOptions.decodeConfiguration(Data(json.utf8), named: "codegen.json")
        let result = try plan([users, tokens], types: roles, options: options)
        let user = try #require(result.entities.first { $0.table == "users" })
        #expect(user.additionalConformances == [.user("Auditable"), .user("Cached"), .user("Searchable")], "Hashable is not repeated")
        #expect(EntityRenderer(plan: user, access: "").render().contains("struct User: KeyedEntity, Hashable, Identifiable, Auditable, Cached, Searchable {"))
        let role = try #require(result.enums.first)
        #expect(TypeRenderers(access: "").render(role).contains("enum UserRole: String, PGEnum, Auditable, CaseIterable, Localized {"))
        #expect(result.imports.contains("AppProtocols"))
        #expect(result.diagnostics.contains { $0.subject == "public.gone" && $0.message.contains("conformance names no generated") })
    }

    @Test func conformancesMustBeTypeNames() {
        #expect(throws: GeneratorOptions.ConfigurationError.self) {
            try GeneratorOptions.decodeConfiguration(Data(#"{"conformances": {"all": ["Foo {} struct X"]}}"#.utf8), named: "codegen.json")
        }
        #expect(throws: GeneratorOptions.ConfigurationError.self) {
            try GeneratorOptions.decodeConfiguration(Data(#"{"conformances": {"every": ["Foo"]}}"#.utf8), named: "codegen.json")
        }
    }

    // MARK: Renames

    private func renamed(_ renames: [String: String], relations: [String: RelationRename] = [:]) throws -> GenerationPlan {
        var options = GeneratorOptions()
        options.renames = renames
        options.relationRenames = relations
        return try plan([users, tokens], types: roles, options: options)
    }

    @Test func renamesAreGrantedNamesThatEverythingDerivedFollows() throws {
        let result = try renamed([
            "public.users": "Account", "public.users.email": "emailAddress", "public.user_role.admin": "administrator",
            "public.user_role": "Role",
        ])
        let account = try #require(result.entities.first { $0.table == "users" })
        #expect(account.typeName == "Account")
        #expect(account.properties.map(\.name) == ["id", "emailAddress", "username", "role"])
        #expect(account.properties[1].documentation.contains("Named `emailAddress` by the rename of `public.users.email` in the configuration."))
        #expect(account.properties[3].type == .optional(.generated("Role")))
        #expect(result.enums.map(\.typeName) == ["Role"])
        #expect(result.enums[0].cases.map(\.name) == ["administrator", "user"])
        // Relation names and types follow the renamed entity: the inverse is named after it.
        let token = try #require(result.entities.first { $0.table == "refresh_tokens" })
        #expect(token.relations.map(\.name) == ["user"])
        #expect(token.relations[0].targetType == "Account")
        #expect(account.relations.map(\.name) == ["refreshTokens"])
        #expect(result.prelude.entityTypes == ["Account", "RefreshToken"])
        #expect(Renderer.files(result).names.contains("Account.swift"))
    }

    @Test func relationsAreRenamedByConstraint() throws {
        let result = try renamed([:], relations: ["fk_tokens_user": RelationRename(belongsTo: "owner", inverse: "issuedTokens")])
        #expect(result.entities.first { $0.table == "refresh_tokens" }?.relations.map(\.name) == ["owner"])
        #expect(result.entities.first { $0.table == "users" }?.relations.map(\.name) == ["issuedTokens"])
        let qualified = try renamed([:], relations: ["public.refresh_tokens.fk_tokens_user": RelationRename(belongsTo: "holder")])
        #expect(qualified.entities.first { $0.table == "refresh_tokens" }?.relations.map(\.name) == ["holder"])
    }

    @Test func manyToManyRelationsAreRenamedByTheJunctionKeyTheyArriveThrough() throws {
        let tenants = Fixture.table("tenants", [Fixture.column("id", "uuid", nullable: false)], primaryKey: ["id"])
        let memberships = Fixture.table("memberships", [Fixture.column("tenant_id", "uuid", nullable: false),
                                                        Fixture.column("user_id", "uuid", nullable: false)],
                                        primaryKey: ["tenant_id", "user_id"], foreignKeys: [
                                            Fixture.foreignKey("fk_membership_tenant", ["tenant_id"], references: "tenants", ["id"]),
                                            Fixture.foreignKey("fk_membership_user", ["user_id"], references: "users", ["id"]),
                                        ])
        var options = GeneratorOptions()
        options.relationRenames = ["fk_membership_user": RelationRename(manyToMany: "members"),
                                   "fk_membership_tenant": RelationRename(manyToMany: "workspaces")]
        let result = try plan([users, tenants, memberships], types: roles, options: options)
        let tenant = try #require(result.entities.first { $0.table == "tenants" })
        let user = try #require(result.entities.first { $0.table == "users" })
        #expect(tenant.relations.first { $0.kind == .manyToMany }?.name == "members")
        #expect(user.relations.first { $0.kind == .manyToMany }?.name == "workspaces")
        #expect(tenant.relations.first { $0.kind == .hasMany }?.name == "memberships", "the junction's own relations keep their names")
    }

    @Test func aRenameThatCollidesWithAColumnIsRefusedWithAClearMessage() throws {
        #expect {
            try renamed(["public.users.email": "username"])
        } throws: { error in
            let message = "\(error)"
            return message == "the rename of public.users.email to \"username\" collides with the column `username` of public.users (named `username`): "
                + "choose another name, or rename that one too"
        }
        // Swapping two names is fine: neither is left behind under its old name.
        let swapped = try renamed(["public.users.email": "username", "public.users.username": "email"])
        #expect(swapped.entities.first { $0.table == "users" }?.properties.map(\.name) == ["id", "username", "email", "role"])
    }

    @Test func renamesAreCheckedLikeGeneratedNames() throws {
        let cases: [([String: String], String)] = [
            (["public.users.email": "e-mail"], "is not a legal Swift identifier"),
            (["public.users.email": "class"], "is a Swift keyword"),
            (["public.users.email": "primaryKey"], "is a name generated code already uses"),
            (["public.users": "UUID"], "is a name generated code already uses"),
            (["public.users": "RefreshToken"], "collides with the type of public.refresh_tokens"),
            (["public.users": "UserRole"], "collides with the type of public.user_role"),
            (["public.users": "Account", "public.refresh_tokens": "account"], "is also what public."),
            (["public.user_role.admin": "user"], "collides with the label `user` of public.user_role"),
        ]
        for (renames, expected) in cases {
            #expect(throws: GenerationError.self, "\(renames)") { try renamed(renames) }
            do {
                _ = try renamed(renames)
            } catch {
                #expect("\(error)".contains(expected), "\(renames): \(error)")
            }
        }
        #expect {
            try renamed([:], relations: ["fk_tokens_user": RelationRename(inverse: "class")])
        } throws: { "\($0)".contains("is a Swift keyword") }
    }

    @Test func renamesThatMatchNothingAreReported() throws {
        let result = try renamed(["public.users.nickname": "nick", "public.accounts": "Account"], relations: ["fk_gone": RelationRename(belongsTo: "x")])
        let subjects = result.diagnostics.filter { $0.message.contains("rename matches no generated") }.map(\.subject)
        #expect(subjects == ["fk_gone", "public.accounts", "public.users.nickname"])
    }

    @Test func renameKeysAndRelationRenamesAreValidated() {
        #expect(throws: GeneratorOptions.ConfigurationError.self) {
            try GeneratorOptions.decodeConfiguration(Data(#"{"renames": {"users": "Account"}}"#.utf8), named: "codegen.json")
        }
        #expect(throws: GeneratorOptions.ConfigurationError.self) {
            try GeneratorOptions.decodeConfiguration(Data(#"{"relationRenames": {"fk": {"hasMany": "x"}}}"#.utf8), named: "codegen.json")
        }
    }
}
