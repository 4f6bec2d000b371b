@testable import CatalogIntrospection
import EntityGenerator
import Foundation
import SchemaModel
import Testing
import LiveTestSupport
import TestSupport

/// What PostgreSQL 18 added to the catalog, introspected on 18 (`Tests/Fixtures/postgres18.sql`).
@Suite("PostgreSQL 18 catalog features", .serialized,
       .enabled(if: TestEnvironment.runsPostgres18Tests, Comment(rawValue: TestEnvironment.postgres18SkipReason)))
final class Postgres18Tests {
    let database: TestDatabase
    let snapshot: SchemaSnapshot

    init() throws {
        database = try TestDatabase.create("features", version: 18)
        let fixture = TestEnvironment.packageRoot.appendingPathComponent("Tests/Fixtures/postgres18.sql")
        try database.execute(String(contentsOf: fixture, encoding: .utf8))
        snapshot = try CatalogReader(target: ConnectionTarget(connectionString: database.url, source: .argument)).snapshot(schemas: ["public"])
    }

    deinit {
        database.drop()
    }

    private func relation(_ name: String) throws -> Relation {
        try #require(snapshot.relation(QualifiedName(schema: "public", name: name)))
    }

    private func column(_ name: String, of table: String) throws -> Column {
        try #require(try relation(table).column(named: name))
    }

    @Test func virtualGeneratedColumnsAreGeneratedNotDefaults() throws {
        let nights = try column("nights", of: "bookings")
        #expect(nights.generatedExpression == "(upper(valid_at) - lower(valid_at))")
        #expect(nights.isVirtual == true && nights.defaultExpression == nil)
        let stored = try column("guest_shout", of: "bookings")
        #expect(stored.generatedExpression == "upper(guest)" && stored.isVirtual == nil)
    }

    @Test func uuidv7DefaultsAreDefaults() throws {
        let id = try column("id", of: "bookings")
        #expect(id.defaultExpression == "uuidv7()" && id.generatedExpression == nil && !id.isNullable)
    }

    @Test func temporalKeysRecordTheirPeriodColumns() throws {
        let rooms = try relation("rooms")
        #expect(rooms.primaryKey == KeyConstraint(name: "rooms_pkey", columns: ["id", "valid_at"], withoutOverlaps: "valid_at"))
        let key = try #require(try relation("bookings").foreignKeys.first { $0.name == "bookings_room_fkey" })
        #expect(key.columns == ["room_id", "valid_at"] && key.referencedColumns == ["id", "valid_at"])
        #expect(key.period == "valid_at" && key.referencedPeriod == "valid_at")
        #expect(key.isEnforced == nil && key.isValidated == nil)
    }

    @Test func notEnforcedAndNotValidConstraintsAreRecorded() throws {
        let guest = try #require(try relation("reviews").foreignKeys.first { $0.name == "reviews_guest_fkey" })
        #expect(guest.isEnforced == false && guest.period == nil)
        let booking = try #require(try relation("legacy_notes").foreignKeys.first { $0.name == "legacy_notes_booking_fkey" })
        #expect(booking.isEnforced == nil && booking.isValidated == false)
        #expect(try relation("reviews").checkConstraints
                == [CheckConstraint(name: "reviews_body_check", definition: "CHECK ((length(body) > 3)) NOT ENFORCED")])
    }

    /// 18 keeps every NOT NULL in pg_constraint too: none may read as another constraint, and a
    /// NOT VALID one leaves the column nullable.
    @Test func notNullConstraintsAreReadOnceAndOnlyWhenValid() throws {
        for relation in snapshot.relations {
            #expect(!relation.checkConstraints.contains { $0.definition.hasPrefix("NOT NULL") }, "\(relation.name) lists a NOT NULL as a check")
            #expect(!relation.uniqueConstraints.contains { $0.name.hasSuffix("_not_null") })
        }
        #expect(try !column("name", of: "guests").isNullable)
        let body = try column("body", of: "legacy_notes")
        #expect(body.isNullable && body.notNullNotValid == true)
        let stars = try #require(snapshot.typesByName[QualifiedName(schema: "public", name: "stars")]?.domain)
        #expect(stars.isNotNull && stars.checks.map(\.name) == ["stars_check"])
    }

    @Test func groupedViewColumnsKeepTheirOrigins() throws {
        let view = try relation("room_bookings")
        let bookings = QualifiedName(schema: "public", name: "bookings")
        #expect(view.columns.map(\.origin) == [
            ColumnReference(relation: bookings, column: "room_id"), ColumnReference(relation: bookings, column: "guest"), nil,
        ])
    }

    /// Nothing PostgreSQL 18 adds appears in the snapshot of a server or schema without it.
    @Test func theNewFieldsAreAbsentWhenUnused() throws {
        let json = try #require(String(data: snapshot.encodedJSON(), encoding: .utf8))
        let plain = try #require(String(data: SchemaSnapshot(schemas: snapshot.schemas, relations: [try relation("guests")], types: []).encodedJSON(),
                                        encoding: .utf8))
        for field in ["isVirtual", "notNullNotValid", "withoutOverlaps", "\"period\"", "referencedPeriod", "isEnforced", "isValidated"] {
            #expect(json.contains(field), "the fixture's snapshot has no \(field)")
            #expect(!plain.contains(field), "a table without PostgreSQL 18 features encodes \(field)")
        }
    }
}
