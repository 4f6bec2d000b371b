@testable import EntityGenerator
import SchemaModel
import Testing

/// Translation of what PostgreSQL 18 added to the catalog, from snapshot fragments.
@Suite("Translation of PostgreSQL 18 constraints and columns")
struct Postgres18TranslationTests {
    static let rooms = Relation(
        schema: "public", name: "rooms", kind: .table,
        columns: [Fixture.column("id", "int4", nullable: false), Fixture.column("valid_at", "daterange", nullable: false)],
        primaryKey: KeyConstraint(name: "rooms_pkey", columns: ["id", "valid_at"], withoutOverlaps: "valid_at"))

    static let bookings = Relation(
        schema: "public", name: "bookings", kind: .table,
        columns: [
            Fixture.column("id", "uuid", nullable: false, default: "uuidv7()"),
            Fixture.column("room_id", "int4", nullable: false),
            Fixture.column("valid_at", "daterange", nullable: false),
            Column(name: "nights", type: Fixture.typeName("int4"), sqlType: "integer", isNullable: true,
                   generatedExpression: "(upper(valid_at) - lower(valid_at))", isVirtual: true),
            Column(name: "note", type: Fixture.typeName("text"), sqlType: "text", isNullable: true, notNullNotValid: true),
            Fixture.column("guest_id", "int4"),
        ],
        primaryKey: KeyConstraint(name: "bookings_pkey", columns: ["id"]),
        foreignKeys: [
            ForeignKey(name: "bookings_room_fkey", columns: ["room_id", "valid_at"], referencedRelation: QualifiedName(schema: "public", name: "rooms"),
                       referencedColumns: ["id", "valid_at"], period: "valid_at", referencedPeriod: "valid_at"),
            ForeignKey(name: "bookings_guest_fkey", columns: ["guest_id"], referencedRelation: QualifiedName(schema: "public", name: "guests"),
                       referencedColumns: ["id"], isEnforced: false, isValidated: false),
        ])

    static let guests = Fixture.table("guests", [Fixture.column("id", "int4", nullable: false)], primaryKey: ["id"])

    private func plan() throws -> GenerationPlan {
        let range = TypeDefinition(schema: "pg_catalog", name: "daterange", kind: .range, category: "R",
                                   rangeElement: QualifiedName(schema: "pg_catalog", name: "date"))
        return try Translator(snapshot: Fixture.snapshot([Self.rooms, Self.bookings, Self.guests], types: [range]), options: GeneratorOptions()).plan()
    }

    private func entity(_ table: String, in plan: GenerationPlan) throws -> EntityPlan {
        try #require(plan.entities.first { $0.table == table })
    }

    @Test func aPeriodForeignKeyGivesNoEqualityRelationAndSaysWhy() throws {
        let plan = try plan()
        let booking = try entity("bookings", in: plan)
        let room = try entity("rooms", in: plan)
        #expect(!booking.relations.contains { $0.constraint == "bookings_room_fkey" })
        #expect(!room.relations.contains { $0.constraint == "bookings_room_fkey" })
        let explanation = try #require(booking.documentation.first { $0.contains("`bookings_room_fkey` is a PERIOD foreign key") })
        #expect(explanation.contains("`valid_at` range must be covered by the `valid_at` ranges of the `public.rooms` rows "
            + "with `id` = `room_id`, possibly several rows"))
        let roomID = try #require(booking.properties.first { $0.columnName == "room_id" })
        #expect(roomID.documentation.contains { $0.contains("PERIOD foreign key `bookings_room_fkey`") })
        #expect(plan.diagnostics.contains {
            $0.severity == .warning && $0.subject == "public.bookings.bookings_room_fkey" && $0.message.contains("no typed relation generated")
        })
    }

    @Test func aTemporalPrimaryKeyStaysTheKeyAndIsDocumented() throws {
        let room = try entity("rooms", in: plan())
        #expect(room.conformance == .keyedEntity && room.primaryKey?.properties == ["id", "validAt"])
        #expect(room.documentation.contains(
            "Its primary key `rooms_pkey` is temporal: rows with the same `id` have `valid_at` ranges that never overlap (WITHOUT OVERLAPS)."))
    }

    @Test func virtualColumnsAreComputedAndDocumentedAsVirtual() throws {
        let booking = try entity("bookings", in: plan())
        let nights = try #require(booking.properties.first { $0.columnName == "nights" })
        #expect(nights.generation == .computed && nights.defaultExpression == nil)
        #expect(nights.documentation.contains("`nights integer GENERATED ALWAYS AS ((upper(valid_at) - lower(valid_at))) VIRTUAL`"))
        let id = try #require(booking.properties.first { $0.columnName == "id" })
        #expect(id.defaultExpression == "uuidv7()" && id.swiftType == "UUID")
    }

    @Test func notNullNotValidColumnsAreOptionalAndSaySo() throws {
        let note = try #require(try entity("bookings", in: plan()).properties.first { $0.columnName == "note" })
        #expect(note.isOptional)
        #expect(note.documentation.contains("`note text NOT NULL NOT VALID`"))
        #expect(note.documentation.contains { $0.contains("NOT VALID, so rows written before it may hold NULL") })
    }

    @Test func notEnforcedKeysKeepTheirRelationsAndSaySo() throws {
        let plan = try plan()
        let guest = try #require(try entity("bookings", in: plan).relations.first { $0.constraint == "bookings_guest_fkey" })
        #expect(guest.kind == .belongsTo && guest.documentation.contains { $0.hasPrefix("NOT ENFORCED: the database never checks this key") })
        let inverse = try #require(try entity("guests", in: plan).relations.first { $0.constraint == "bookings_guest_fkey" })
        #expect(inverse.documentation.contains { $0.hasPrefix("NOT ENFORCED") })
    }
}
