@testable import EntityGenerator
import Foundation
import SchemaModel
import Testing
import TestSupport

@Suite("Rendering")
struct RenderingTests {
    @Test func stringLiteralsEscapeEverythingThatCouldEndThem() {
        #expect(SwiftText.literal("plain") == "\"plain\"")
        #expect(SwiftText.literal("a\"b\\c") == "\"a\\\"b\\\\c\"")
        #expect(SwiftText.literal("line\nbreak\r") == "\"line\\nbreak\\r\"")
        #expect(SwiftText.literal("\\(interpolation)") == "\"\\\\(interpolation)\"")
        #expect(SwiftText.literal("bidi\u{202E}x") == "\"bidi\\u{202E}x\"")
    }

    @Test func commentsCannotEscapeTheirLine() {
        #expect(SwiftText.commentLines("one\ntwo\r\nthree\u{2028}four") == ["one", "two", "three", "four"])
        #expect(SwiftText.commentLines("*/ evil") == ["*/ evil"])
        #expect(SwiftText.commentLines("zero\u{200B}width") == ["zero\\u{200B}width"])
    }

    @Test func hostileDatabaseTextStaysInsideCommentsAndLiterals() throws {
        let comment = "Ends here */ and\n} struct Injected {\n// \u{202E}"
        let table = Fixture.table("t\"; drop", [
            Fixture.column("x\ny", "text", default: "'\\\"); exit(1); (\"'::text", comment: comment),
        ], comment: comment)
        let files = Renderer.render(try Translator(snapshot: Fixture.snapshot([table]), options: GeneratorOptions()).plan())
        let entity = try #require(files.first { $0.name != "DatabaseSchema.swift" })
        for line in entity.contents.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.contains("Injected") || text.contains("exit(1)") {
                #expect(text.hasPrefix("///") || text.contains("\""), "database text leaked into code: \(text)")
            }
        }
        #expect(!entity.contents.contains("\u{202E}"))
        #expect(entity.contents.contains("static let tableName = \"t\\\"; drop\""))
    }

    @Test func generatedFilesStartWithTheRecognisedHeader() throws {
        let files = Renderer.render(
            try Translator(snapshot: Fixture.snapshot([Fixture.table("t", [Fixture.column("a", "int4")])]), options: GeneratorOptions()).plan())
        #expect(files.map(\.name) == ["DatabaseSchema.swift", "T.swift"])
        #expect(files.allSatisfy { FileHeader.isGenerated(Data($0.contents.utf8)) })
        #expect(files.allSatisfy { !$0.contents.contains("  \n") && $0.contents.hasSuffix("}\n") })
    }

    @Test func accessLevelsApplyToEveryDeclaration() throws {
        var options = GeneratorOptions()
        options.accessLevel = .package
        let snapshot = Fixture.snapshot([Fixture.table("t", [Fixture.column("a", "int4", nullable: false)], primaryKey: ["a"])])
        let files = Renderer.render(try Translator(snapshot: snapshot, options: options).plan())
        let entity = try #require(files.first { $0.name == "T.swift" })
        #expect(entity.contents.contains("package struct T: KeyedEntity"))
        #expect(!entity.contents.contains("public "))
        options.accessLevel = .internal
        let internalFiles = Renderer.render(try Translator(snapshot: snapshot, options: options).plan())
        #expect(internalFiles.allSatisfy { !$0.contents.contains("public ") && !$0.contents.contains("package ") })
    }

    // Determinism is checked across processes, where hashing seeds differ, by
    // EndToEndTests/ProcessDeterminismTests; two runs in one process share a seed and prove little.

    /// The round-trip tests' models are the committed output for their fixture snapshot.
    @Test func roundTripModelsAreCurrent() throws {
        try expectCurrent("Tests/EntityKitPostgresTests/RoundTripModels", fixture: "round_trip")
    }

    /// The runtime benchmark's models are the committed output for their fixture snapshot.
    @Test func benchmarkModelsAreCurrent() throws {
        try expectCurrent("Sources/BenchmarkModels", fixture: "benchmark")
    }

    /// `folder` holds what `Tests/Fixtures/<fixture>.snapshot.json` and `<fixture>.codegen.json` generate.
    private func expectCurrent(_ folder: String, fixture: String) throws {
        let fixtures = ReferenceSchema.root.appendingPathComponent("Tests/Fixtures")
        let snapshot = try SchemaSnapshot.decode(from: Data(contentsOf: fixtures.appendingPathComponent("\(fixture).snapshot.json")))
        let options = try GeneratorOptions.load(from: fixtures.appendingPathComponent("\(fixture).codegen.json"))
        let files = Renderer.render(try Translator(snapshot: snapshot, options: options).plan())
        let changes = try OutputDirectory(url: ReferenceSchema.root.appendingPathComponent(folder)).changes(for: files)
        #expect(changes.isEmpty, "\(folder)/ is out of date (\(changes.lines.joined(separator: ", "))): run scripts/regenerate-reference")
    }

    /// `Generated/` is the committed output for `Schema/snapshot.json`.
    @Test func generatedFolderIsCurrent() throws {
        let files = Renderer.render(try Translator(snapshot: try ReferenceSchema.snapshot(), options: GeneratorOptions()).plan())
        let changes = try OutputDirectory(url: ReferenceSchema.generatedFolder).changes(for: files)
        #expect(changes.isEmpty, "Generated/ is out of date (\(changes.lines.joined(separator: ", "))): run scripts/regenerate-reference and read the diff")
    }
}

/// The committed reference schema and its generated code.
enum ReferenceSchema {
    static let root = TestEnvironment.packageRoot

    static let generatedFolder = root.appendingPathComponent("Generated")

    static func snapshot() throws -> SchemaSnapshot {
        try SchemaSnapshot.decode(from: Data(contentsOf: root.appendingPathComponent("Schema/snapshot.json")))
    }
}
