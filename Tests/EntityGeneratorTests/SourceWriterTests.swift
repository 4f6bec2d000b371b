@testable import EntityGenerator
import Foundation
import Testing

/// The byte buffers rendering and comparing write through: value semantics, indentation,
/// literals, and reading files of any size.
@Suite("Source writer and file buffer")
struct SourceWriterTests {
    @Test func linesAreIndentedAndPartsJoined() {
        var writer = SourceWriter()
        writer.block("enum A {") { body in
            body.line("case ", "b")
            body.line()
            body.startLine()
            body.add("static let c = ")
            body.addLiteral("plain")
            body.add(", ")
            body.addLiteral("say \"hi\"\n")
            body.endLine()
        }
        #expect(writer.text == "enum A {\n    case b\n\n    static let c = \"plain\", \"say \\\"hi\\\"\\n\"\n}\n")
    }

    @Test func aCopyOfAWriterIsIndependent() {
        var first = SourceWriter(capacity: 4)
        first.line("shared")
        var second = first
        second.line("second only")
        first.line(String(repeating: "x", count: 1000))
        #expect(second.text == "shared\nsecond only\n")
        #expect(first.text == "shared\n" + String(repeating: "x", count: 1000) + "\n")
        first.reset()
        #expect(first.text.isEmpty && second.bytes.count == "shared\nsecond only\n".utf8.count)
    }

    @Test func documentationEscapesOnlyWhatItMust() {
        var writer = SourceWriter()
        writer.documentation(["café — ok", "trailing  ", "two\nlines", "hidden\u{202E}mark"])
        #expect(writer.text == "/// café — ok\n/// trailing\n/// two\n/// lines\n/// hidden\\u{202E}mark\n")
    }

    @Test func theFileBufferReadsWholeFilesAndComparesBytes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("file-buffer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let large = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let path = folder.appendingPathComponent("large").path
        try large.write(to: URL(fileURLWithPath: path))
        try Data().write(to: folder.appendingPathComponent("empty"))

        let buffer = FileReadBuffer(capacity: 16)
        #expect(buffer.read(path: path))
        #expect(buffer.count == large.count)
        #expect(large.withUnsafeBytes { buffer.holds($0) })
        var changed = large
        changed[199_999] ^= 1
        #expect(!changed.withUnsafeBytes { buffer.holds($0) })
        #expect(buffer.read(path: folder.appendingPathComponent("empty").path) && buffer.count == 0)
        #expect(Data().withUnsafeBytes { buffer.holds($0) })
        #expect(!buffer.read(path: folder.appendingPathComponent("missing").path))
        #expect(!buffer.read(path: folder.path + "/large/nested"))
    }
}
