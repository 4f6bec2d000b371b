@testable import EntityGenerator
import Foundation
import SchemaModel
import Testing

/// Translation in two halves: names and properties from a snapshot without keys (what a live
/// database hands over while it still reads constraints), then the plan from the whole snapshot.
/// Whichever way it runs, the plan is the one `plan()` makes.
@Suite("Translation in two halves")
struct SplitTranslationTests {
    /// What the catalog reader hands over early: relations, columns and types, no keys.
    static func withoutKeys(_ snapshot: SchemaSnapshot) -> SchemaSnapshot {
        var partial = snapshot
        for index in partial.relations.indices {
            partial.relations[index].primaryKey = nil
            partial.relations[index].uniqueConstraints = []
            partial.relations[index].foreignKeys = []
            partial.relations[index].checkConstraints = []
            partial.relations[index].indexes = []
        }
        return partial
    }

    static func periodKeySnapshot() -> SchemaSnapshot {
        let range = TypeDefinition(schema: "pg_catalog", name: "daterange", kind: .range, category: "R",
                                   rangeElement: QualifiedName(schema: "pg_catalog", name: "date"))
        return Fixture.snapshot([Postgres18TranslationTests.rooms, Postgres18TranslationTests.bookings, Postgres18TranslationTests.guests],
                                types: [range])
    }

    @Test(arguments: ["reference", "period keys"])
    func aPlanFromTheEarlyHalfIsThePlanMadeInOneGo(_ name: String) throws {
        let full = name == "reference" ? try ReferenceSchema.snapshot() : Self.periodKeySnapshot()
        let options = GeneratorOptions()
        let early = Translator(snapshot: Self.withoutKeys(full), options: options).translateColumns()
        let translated = try #require(early.translated, "the early half failed")
        let translator = Translator(snapshot: full, options: options)
        let relations = try #require(try? translator.plan()).entities.count
        #expect(translated.properties.count == relations)
        #expect(try translator.plan(reusing: early) == translator.plan())
    }

    @Test func propertiesOfAPeriodKeyAreWorkedOutAgainWithTheKey() throws {
        let early = Translator(snapshot: Self.withoutKeys(Self.periodKeySnapshot()), options: GeneratorOptions()).translateColumns()
        let bookings = try #require(early.translated?.properties.first { $0.contains { $0.columnName == "room_id" } })
        let roomID = try #require(bookings.first { $0.columnName == "room_id" })
        #expect(!roomID.documentation.contains { $0.contains("PERIOD foreign key") }, "without keys, nothing to say")
        let plan = try Translator(snapshot: Self.periodKeySnapshot(), options: GeneratorOptions()).plan(reusing: early)
        let planned = try #require(plan.entities.first { $0.table == "bookings" }?.properties.first { $0.columnName == "room_id" })
        #expect(planned.documentation.contains { $0.contains("PERIOD foreign key `bookings_room_fkey`") })
    }

    @Test func anEarlyHalfOfOtherRelationsIsNotUsed() throws {
        let full = try ReferenceSchema.snapshot()
        var other = Self.withoutKeys(full)
        other.relations.removeLast()
        let early = Translator(snapshot: other, options: GeneratorOptions()).translateColumns()
        let relations = full.relations.filter { $0.schema == "public" && $0.partitionOf == nil }
        #expect(early.translated?.matches(relations) == false)
        let translator = Translator(snapshot: full, options: GeneratorOptions())
        #expect(try translator.plan(reusing: early) == translator.plan())
    }

    @Test func aProblemInTheEarlyHalfIsReportedByThePlanAsWithoutIt() throws {
        var options = GeneratorOptions()
        options.renames = ["public.users.email": "class"]
        let full = try ReferenceSchema.snapshot()
        let early = Translator(snapshot: Self.withoutKeys(full), options: options).translateColumns()
        #expect(early.translated == nil)
        let translator = Translator(snapshot: full, options: options)
        let alone = #expect(throws: GenerationError.self) { try translator.plan() }
        let reusing = #expect(throws: GenerationError.self) { try translator.plan(reusing: early) }
        #expect(alone != nil && alone == reusing)
    }

    /// A source that hands the job its columns early, as a live database does.
    struct EarlySource: SchemaSource {
        let snapshot: SchemaSnapshot
        var displayName: String { "early source" }
        var isLiveDatabase: Bool { true }

        func load(schemas: [String]) throws -> LoadedSchema {
            LoadedSchema(snapshot: snapshot, timings: [])
        }

        func load(schemas: [String], whenColumnsRead: @escaping @Sendable (SchemaSnapshot) -> Void) throws -> LoadedSchema {
            whenColumnsRead(SplitTranslationTests.withoutKeys(snapshot))
            return LoadedSchema(snapshot: snapshot, timings: [])
        }
    }

    @Test func theJobWritesTheSameFilesWhenColumnsComeEarly() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("split-translation-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let snapshot = try ReferenceSchema.snapshot()
        let report = try GenerationJob(source: EarlySource(snapshot: snapshot), options: GeneratorOptions(), outputDirectory: root).run()
        #expect(report.timings.contains { $0.stage == GenerationJob.earlyTranslationStage })
        #expect(report.fileCount == report.changes.added.count)
        let expected = Renderer.render(try Translator(snapshot: snapshot, options: GeneratorOptions()).plan())
        #expect(try OutputDirectory(url: root).changes(for: expected).isEmpty)
        #expect(try OutputDirectory(url: ReferenceSchema.generatedFolder).changes(for: expected).isEmpty)
    }
}
