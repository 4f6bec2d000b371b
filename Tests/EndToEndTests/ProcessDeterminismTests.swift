import Foundation
import Testing
import TestSupport

/// Same snapshot, same bytes — across processes, not only within one.
///
/// Swift's `Hasher` is seeded at random in every process (unless `SWIFT_DETERMINISTIC_HASHING` is
/// set), so iterating a `Set` or `Dictionary` visits elements in a different order in each run.
/// Generating twice in one process shares the seed and cannot catch output that follows such an
/// order; this runs the real executables several times, each its own process with its own seed,
/// and compares every byte. No database: the inputs are the committed snapshots.
@Suite("Deterministic output across processes",
       .enabled(if: TestEnvironment.runsProcessTests, "fast lane: runs codegen; run scripts/test or TEST_LANE=full swift test"))
struct ProcessDeterminismTests {
    static let runs = 3

    struct Input: Sendable, CustomTestStringConvertible {
        let snapshot: String
        let configuration: String?
        var testDescription: String { snapshot }
    }

    static let inputs = [
        Input(snapshot: "Schema/snapshot.json", configuration: nil),
        Input(snapshot: "Tests/Fixtures/round_trip.snapshot.json", configuration: "Tests/Fixtures/round_trip.codegen.json"),
    ]

    @Test(arguments: inputs)
    func codegenEntityWritesTheSameBytesInEveryProcess(_ input: Input) throws {
        let outputs = try (0..<Self.runs).map { _ in
            try Self.generate(Shell.codegenExecutable, arguments: { folder in
                ["entity", "--snapshot", Self.path(input.snapshot), "-o", folder.path] + (input.configuration.map { ["--config", Self.path($0)] } ?? [])
            })
        }
        #expect(outputs[0].count > 1)
        for output in outputs.dropFirst() { #expect(output == outputs[0], Self.difference(outputs[0], output)) }
    }

    /// The build plugin's tool, which writes a fixed set of files by hash of type names.
    @Test(arguments: inputs)
    func pluginToolWritesTheSameBytesInEveryProcess(_ input: Input) throws {
        let tool = URL(fileURLWithPath: Shell.codegenExecutable).deletingLastPathComponent().appendingPathComponent("codegen-plugin-tool").path
        try #require(FileManager.default.isExecutableFile(atPath: tool), "build codegen-plugin-tool first (swift build --build-tests builds it)")
        let outputs = try (0..<Self.runs).map { _ in
            try Self.generate(tool, arguments: { folder in
                ["--snapshot", Self.path(input.snapshot), "--output-dir", folder.path, "--shards", "8"]
                    + (input.configuration.map { ["--config", Self.path($0)] } ?? [])
            })
        }
        #expect(outputs[0].count == 8)
        for output in outputs.dropFirst() { #expect(output == outputs[0], Self.difference(outputs[0], output)) }
    }

    static func path(_ relative: String) -> String {
        TestEnvironment.packageRoot.appendingPathComponent(relative).path
    }

    /// Runs `executable` into a new folder and returns the files it wrote, by name.
    static func generate(_ executable: String, arguments: (URL) -> [String]) throws -> [String: Data] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codegen-determinism-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // A deterministic seed would hide exactly what this test is for.
        let result = try Shell.run(executable, arguments(folder), removingEnvironment: ["SWIFT_DETERMINISTIC_HASHING"])
        try #require(result.status == 0, "\(executable) failed:\n\(result.output)")
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    static func difference(_ first: [String: Data], _ other: [String: Data]) -> Comment {
        let names = Set(first.keys).union(other.keys).sorted().filter { first[$0] != other[$0] }
        return "files that differ between processes: \(names.joined(separator: ", "))"
    }
}
