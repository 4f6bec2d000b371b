@testable import EntityGenerator
import Foundation
import Testing

@Suite("Writing generated files")
struct OutputDirectoryTests {
    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("codegen-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func generated(_ name: String, _ body: String) -> GeneratedFile {
        GeneratedFile(name: name, contents: FileHeader.lines.joined(separator: "\n") + "\n\n" + body + "\n")
    }

    private func modificationDate(_ url: URL) throws -> Date {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date)
    }

    @Test func writesOnlyFilesWhoseBytesChange() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let directory = OutputDirectory(url: folder)
        let first = try directory.write([generated("A.swift", "a"), generated("B.swift", "b")])
        #expect(first.added == ["A.swift", "B.swift"])
        let unchangedDate = try modificationDate(folder.appendingPathComponent("A.swift"))
        Thread.sleep(forTimeInterval: 0.05)
        let second = try directory.write([generated("A.swift", "a"), generated("B.swift", "b2")])
        #expect(second.modified == ["B.swift"])
        #expect(second.unchanged == ["A.swift"])
        #expect(try modificationDate(folder.appendingPathComponent("A.swift")) == unchangedDate)
        #expect(try directory.write([generated("A.swift", "a"), generated("B.swift", "b2")]).isEmpty)
    }

    @Test func removesGeneratedFilesItNoLongerGeneratesAndNothingElse() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let directory = OutputDirectory(url: folder)
        try directory.write([generated("Old.swift", "old"), generated("Kept.swift", "kept")])
        try "// mine\n".write(to: folder.appendingPathComponent("Handwritten.swift"), atomically: true, encoding: .utf8)
        try "notes".write(to: folder.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        let changes = try directory.write([generated("Kept.swift", "kept")])
        #expect(changes.removed == ["Old.swift"])
        let remaining = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(remaining == ["Handwritten.swift", "Kept.swift", "README.md"])
    }

    @Test func refusesToReplaceAFileItDidNotGenerateAndWritesNothing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "struct User {}\n".write(to: folder.appendingPathComponent("User.swift"), atomically: true, encoding: .utf8)
        let directory = OutputDirectory(url: folder)
        #expect(throws: OutputError.self) {
            try directory.write([generated("Other.swift", "x"), generated("User.swift", "y")])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["User.swift"])
        #expect(try String(contentsOf: folder.appendingPathComponent("User.swift"), encoding: .utf8) == "struct User {}\n")
    }

    @Test func checkingReportsChangesWithoutWriting() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let directory = OutputDirectory(url: folder)
        try directory.write([generated("A.swift", "a")])
        let changes = try directory.changes(for: [generated("A.swift", "changed"), generated("B.swift", "b")])
        #expect(changes.modified == ["A.swift"])
        #expect(changes.added == ["B.swift"])
        #expect(changes.lines == ["+ B.swift", "~ A.swift"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["A.swift"])
    }

    @Test func createsMissingFoldersAndRejectsFiles() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let nested = folder.appendingPathComponent("Sources/Models")
        try OutputDirectory(url: nested).write([generated("A.swift", "a")])
        #expect(FileManager.default.fileExists(atPath: nested.appendingPathComponent("A.swift").path))
        let file = folder.appendingPathComponent("file.txt")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: OutputError.self) { try OutputDirectory(url: file).write([generated("A.swift", "a")]) }
    }

    @Test(.enabled(if: getuid() != 0, "root can write anywhere"))
    func unwritableFoldersFailWithNothingWritten() throws {
        let folder = try temporaryFolder()
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
            try? FileManager.default.removeItem(at: folder)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        #expect(throws: OutputError.self) { try OutputDirectory(url: folder).write([generated("A.swift", "a")]) }
    }
}
