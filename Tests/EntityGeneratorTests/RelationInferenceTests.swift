@testable import EntityGenerator
import SchemaModel
import Testing

@Suite("Relation inference and naming")
struct RelationInferenceTests {
    private func relations(_ tables: [Relation]) throws -> [String: [String: RelationPlan]] {
        let plan = try Translator(snapshot: Fixture.snapshot(tables), options: GeneratorOptions()).plan()
        return Dictionary(uniqueKeysWithValues: plan.entities.map { entity in
            (entity.typeName, Dictionary(uniqueKeysWithValues: entity.relations.map { ($0.name, $0) }))
        })
    }

    private let users = Fixture.table("users", [Fixture.column("id", "uuid", nullable: false)], primaryKey: ["id"])

    @Test func aForeignKeyGivesBelongsToAndHasMany() throws {
        let tokens = Fixture.table("refresh_tokens", [Fixture.column("id", "uuid", nullable: false), Fixture.column("user_id", "uuid", nullable: false)],
                                   primaryKey: ["id"], foreignKeys: [Fixture.foreignKey("fk_user", ["user_id"], references: "users", ["id"])])
        let result = try relations([users, tokens])
        let belongsTo = try #require(result["RefreshToken"]?["user"])
        #expect(belongsTo.kind == .belongsTo)
        #expect(belongsTo.typeExpression == "BelongsTo<RefreshToken, User>")
        #expect(belongsTo.columnPairs == [ColumnPairPlan(source: "userID", target: "id")])
        let hasMany = try #require(result["User"]?["refreshTokens"])
        #expect(hasMany.kind == .hasMany)
        #expect(hasMany.columnPairs == [ColumnPairPlan(source: "id", target: "userID")])
    }

    @Test func uniqueOrPrimaryKeyForeignKeysGiveHasOne() throws {
        let profiles = Fixture.table("profiles", [Fixture.column("user_id", "uuid", nullable: false)], primaryKey: ["user_id"],
                                     foreignKeys: [Fixture.foreignKey("fk_profile", ["user_id"], references: "users", ["id"])])
        let avatars = Fixture.table("avatars", [Fixture.column("id", "int4", nullable: false), Fixture.column("owner_id", "uuid")],
                                    primaryKey: ["id"], unique: [["owner_id"]],
                                    foreignKeys: [Fixture.foreignKey("fk_avatar", ["owner_id"], references: "users", ["id"])])
        let result = try relations([users, profiles, avatars])
        #expect(result["User"]?["profile"]?.kind == .hasOne)
        #expect(result["User"]?["avatar"]?.kind == .hasOne)
        #expect(result["Avatar"]?["owner"]?.kind == .belongsTo)
    }

    @Test func severalForeignKeysToOneTableAreNamedAfterTheirColumns() throws {
        let messages = Fixture.table("messages", [
            Fixture.column("id", "int4", nullable: false), Fixture.column("sender_id", "uuid", nullable: false),
            Fixture.column("recipient_id", "uuid", nullable: false),
        ], primaryKey: ["id"], foreignKeys: [
            Fixture.foreignKey("fk_sender", ["sender_id"], references: "users", ["id"]),
            Fixture.foreignKey("fk_recipient", ["recipient_id"], references: "users", ["id"]),
        ])
        let result = try relations([users, messages])
        #expect(Set(result["Message"]?.keys ?? [:].keys) == ["sender", "recipient"])
        #expect(Set(result["User"]?.keys ?? [:].keys) == ["messagesAsSender", "messagesAsRecipient"])
    }

    @Test func selfReferencesAreNamedInBothDirections() throws {
        let employees = Fixture.table("employees", [Fixture.column("id", "int4", nullable: false), Fixture.column("manager_id", "int4")],
                                      primaryKey: ["id"], foreignKeys: [Fixture.foreignKey("fk_manager", ["manager_id"], references: "employees", ["id"])])
        let result = try relations([employees])
        #expect(result["Employee"]?["manager"]?.kind == .belongsTo)
        #expect(result["Employee"]?["employeesAsManager"]?.kind == .hasMany)
    }

    @Test func compositeForeignKeysPairEveryColumn() throws {
        let orders = Fixture.table("orders", [Fixture.column("region", "text", nullable: false), Fixture.column("number", "int4", nullable: false)],
                                   primaryKey: ["region", "number"])
        let lines = Fixture.table("order_lines", [
            Fixture.column("order_region", "text", nullable: false), Fixture.column("order_number", "int4", nullable: false),
            Fixture.column("line", "int4", nullable: false),
        ], primaryKey: ["order_region", "order_number", "line"], foreignKeys: [
            Fixture.foreignKey("fk_order", ["order_region", "order_number"], references: "orders", ["region", "number"]),
        ])
        let result = try relations([orders, lines])
        let order = try #require(result["OrderLine"]?["order"])
        #expect(order.columnPairs == [ColumnPairPlan(source: "orderRegion", target: "region"), ColumnPairPlan(source: "orderNumber", target: "number")])
        #expect(result["Order"]?["orderLines"]?.kind == .hasMany)
    }

    @Test func junctionTablesLinkBothEndsManyToMany() throws {
        let films = Fixture.table("film", [Fixture.column("film_id", "int4", nullable: false)], primaryKey: ["film_id"])
        let actors = Fixture.table("actor", [Fixture.column("actor_id", "int4", nullable: false)], primaryKey: ["actor_id"])
        let junction = Fixture.table("film_actor", [
            Fixture.column("actor_id", "int4", nullable: false), Fixture.column("film_id", "int4", nullable: false),
            Fixture.column("last_update", "timestamptz", nullable: false),
        ], primaryKey: ["actor_id", "film_id"], foreignKeys: [
            Fixture.foreignKey("fk_actor", ["actor_id"], references: "actor", ["actor_id"]),
            Fixture.foreignKey("fk_film", ["film_id"], references: "film", ["film_id"]),
        ])
        let result = try relations([films, actors, junction])
        let actorsOfFilm = try #require(result["Film"]?["actors"])
        #expect(actorsOfFilm.kind == .manyToMany)
        #expect(actorsOfFilm.typeExpression == "ManyToMany<Film, FilmActor, Actor>")
        #expect(actorsOfFilm.columnPairs == [ColumnPairPlan(source: "filmID", target: "filmID")])
        #expect(actorsOfFilm.targetPairs == [ColumnPairPlan(source: "actorID", target: "actorID")])
        #expect(result["Actor"]?["films"]?.kind == .manyToMany)
        #expect(result["Film"]?["filmActors"]?.kind == .hasMany)
    }

    @Test func selfJunctionsNameEachDirectionAfterTheOtherKey() throws {
        let follows = Fixture.table("follows", [Fixture.column("follower_id", "uuid", nullable: false), Fixture.column("followee_id", "uuid", nullable: false)],
                                    primaryKey: ["follower_id", "followee_id"], foreignKeys: [
                                        Fixture.foreignKey("fk_follower", ["follower_id"], references: "users", ["id"]),
                                        Fixture.foreignKey("fk_followee", ["followee_id"], references: "users", ["id"]),
                                    ])
        let result = try relations([users, follows])
        #expect(result["User"]?["followees"]?.kind == .manyToMany)
        #expect(result["User"]?["followers"]?.kind == .manyToMany)
    }

    @Test func foreignKeysToTablesNotGeneratedAreNotedNotDropped() throws {
        let orphan = Fixture.table("orphans", [Fixture.column("parent_id", "int4")],
                                   foreignKeys: [Fixture.foreignKey("fk_parent", ["parent_id"], references: "parents", ["id"], schema: "other")])
        let plan = try Translator(snapshot: Fixture.snapshot([orphan]), options: GeneratorOptions()).plan()
        #expect(plan.entities.first?.relations.isEmpty == true)
        #expect(plan.diagnostics.contains { $0.severity == .note && $0.message.contains("other.parents") })
    }
}
