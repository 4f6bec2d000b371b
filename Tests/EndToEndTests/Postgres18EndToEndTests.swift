import Foundation
import Testing
import LiveTestSupport
import TestSupport

/// `Tests/Fixtures/postgres18.sql` on PostgreSQL 18: generate entities, compile them in a
/// consumer package without warnings, read every row, and write every row back (virtual and
/// stored generated columns are never written; uuidv7() and identity keys are filled in).
@Suite("PostgreSQL 18 features end to end", .serialized,
       .enabled(if: TestEnvironment.runsPostgres18Tests, Comment(rawValue: TestEnvironment.postgres18SkipReason)))
struct Postgres18EndToEndTests {
    @Test func generatesCompilesAndRoundTrips() throws {
        let database = try TestDatabase.create("features_e2e", version: 18)
        defer { database.drop() }
        let fixture = TestEnvironment.packageRoot.appendingPathComponent("Tests/Fixtures/postgres18.sql")
        try database.execute(String(contentsOf: fixture, encoding: .utf8))

        try ConsumerPackage.exclusively {
            try ConsumerPackage.prepare()
            let generation = try Shell.run(Shell.codegenExecutable, ["entity", "-u", database.url, "-o", ConsumerPackage.modelsFolder.path])
            try #require(generation.status == 0, "codegen entity failed: \(generation.output)")
            #expect(generation.standardError.contains(
                "warning: public.bookings.bookings_room_fkey: is a PERIOD foreign key: its `valid_at` range must be covered by the `valid_at` ranges "
                    + "of the `public.rooms` rows with `id` = `room_id`, possibly several rows; no typed relation generated"),
                "\(generation.standardError)")

            let models = ConsumerPackage.modelsFolder
            let booking = try String(contentsOf: models.appendingPathComponent("Booking.swift"), encoding: .utf8)
            #expect(booking.contains("/// `nights integer GENERATED ALWAYS AS ((upper(valid_at) - lower(valid_at))) VIRTUAL`"))
            #expect(booking.contains("/// `guest_shout text GENERATED ALWAYS AS (upper(guest)) STORED`"))
            #expect(booking.contains("/// `id uuid NOT NULL DEFAULT uuidv7()`"))
            #expect(booking.contains("ColumnDefinition(sqlType: \"integer\", isNullable: true, generation: .computed)"))
            #expect(booking.contains("is a PERIOD foreign key") && !booking.contains("bookings_room_fkey\","), "a PERIOD key must give no relation")
            let room = try String(contentsOf: models.appendingPathComponent("Room.swift"), encoding: .utf8)
            #expect(room.contains("Its primary key `rooms_pkey` is temporal") && !room.contains("bookings_room_fkey\","))
            let review = try String(contentsOf: models.appendingPathComponent("Review.swift"), encoding: .utf8)
            #expect(review.contains("NOT ENFORCED: the database never checks this key"))
            let note = try String(contentsOf: models.appendingPathComponent("LegacyNote.swift"), encoding: .utf8)
            #expect(note.contains("public var body: String?") && note.contains("NOT VALID: rows written before the key was added"))
            let view = try String(contentsOf: models.appendingPathComponent("RoomBooking.swift"), encoding: .utf8)
            #expect(view.contains("public var roomID: Int32\n") && view.contains("public var guest: String\n"), "grouped view columns lost their origins")

            for product in ["DecodeAll", "RoundTripAll"] {
                let build = try ConsumerPackage.build(product: product)
                try #require(build.result.status == 0, "the generated code does not compile:\n\(build.result.output.suffix(6000))")
                #expect(build.modelWarnings.isEmpty, "the generated code has warnings:\n\(build.modelWarnings.joined(separator: "\n"))")
            }
            let decoded = try ConsumerPackage.decodeAll(url: database.url)
            #expect(decoded.failures.isEmpty, "\(decoded.failures)")
            #expect(decoded.counts == ["public.bookings": 2, "public.guests": 2, "public.legacy_notes": 2, "public.reviews": 1,
                                       "public.room_bookings": 2, "public.rooms": 3])
            let roundTrip = try ConsumerPackage.roundTripAll(url: database.url)
            #expect(roundTrip.failures.isEmpty, "\(roundTrip.failures)")
            #expect(roundTrip.summaries == ["public.bookings": "updated 2, inserted 1", "public.guests": "updated 2, inserted 0",
                                            "public.reviews": "updated 1, inserted 1", "public.rooms": "updated 3, inserted 0"])
        }
    }
}
