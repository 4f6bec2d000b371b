@testable import EntityGenerator
import Foundation
import Testing

/// A commit is seen whole or not at all: a run that dies at any step leaves either the old
/// files or, once the next run has looked at the folder, the new ones, and no staging.
@Suite("File transactions")
struct FileTransactionTests {
    private let manager = FileManager.default

    private func temporaryFolder() throws -> URL {
        let url = manager.temporaryDirectory.appendingPathComponent("codegen-transaction-\(UUID().uuidString)")
        try manager.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every regular file under `folder` (relative path → text), hidden entries included.
    private func contents(of folder: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = try #require(manager.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]))
        for case let file as URL in enumerator where (try file.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            let relative = String(file.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
            result[relative] = try String(contentsOf: file, encoding: .utf8)
        }
        return result
    }

    private func write(_ files: [String: String], in folder: URL) throws {
        for (name, text) in files {
            let file = folder.appendingPathComponent(name)
            try manager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
    }

    @Test func commitsWritesAndRemovalsAndLeavesNoStaging() throws {
        let folder = try temporaryFolder()
        defer { try? manager.removeItem(at: folder) }
        try write(["a.txt": "old a", "gone.txt": "gone", "mine.txt": "user"], in: folder)
        let transaction = try FileTransaction(root: folder)
        let a = try transaction.stage(Data("new a".utf8), slot: 0)
        let b = try transaction.stage(Data("new b".utf8), slot: 1)
        try transaction.commit(writes: [(a, "a.txt"), (b, "sub/b.txt")], removals: ["gone.txt"])
        #expect(try contents(of: folder) == ["a.txt": "new a", "sub/b.txt": "new b", "mine.txt": "user"])
    }

    @Test func discardChangesNothing() throws {
        let folder = try temporaryFolder()
        defer { try? manager.removeItem(at: folder) }
        try write(["a.txt": "old a"], in: folder)
        let transaction = try FileTransaction(root: folder)
        _ = try transaction.stage(Data("new a".utf8), slot: 0)
        #expect(try contents(of: folder).count == 2, "the staged file is in the staging folder")
        transaction.discard()
        #expect(try contents(of: folder) == ["a.txt": "old a"])
    }

    @Test func stagingOfARunThatDiedBeforeItsCommitPointIsRemovedAndChangesNothing() throws {
        let folder = try temporaryFolder()
        defer { try? manager.removeItem(at: folder) }
        try write(["a.txt": "old a", ".codegen-staging-99999/0": "new a",
                   ".codegen-staging-99999/journal.partial": "codegen-journal 1\nwrite\t0\ta.txt\n"], in: folder)
        let transaction = try FileTransaction(root: folder)
        transaction.discard()
        #expect(try contents(of: folder) == ["a.txt": "old a"])
    }

    @Test func aRunKilledAtAnyStepOfItsCommitIsFinishedByTheNextRun() throws {
        let old = ["A.swift": "old A", "B.swift": "old B", "Stale.swift": "stale", "User.swift": "the user's"]
        let new = ["A.swift": "new A", "B.swift": "old B", "C.swift": "new C", "User.swift": "the user's"]
        let operations: [CommitJournal.Operation] = [
            .write(slot: "-1", target: InterruptedCommitGuard.fileName),
            .write(slot: "0", target: "A.swift"),
            .write(slot: "2", target: "C.swift"),
            .remove(target: "Stale.swift"),
            .remove(target: InterruptedCommitGuard.fileName),
        ]
        for executed in 0...operations.count {
            let folder = try temporaryFolder()
            defer { try? manager.removeItem(at: folder) }
            try write(old, in: folder)
            // The state a SIGKILL leaves after `executed` steps: staged files, the journal, and
            // the steps done so far.
            let staging = folder.appendingPathComponent(FileTransaction.stagingPrefix + "424242")
            try write(["0": "new A", "2": "new C"], in: staging)
            try Data(InterruptedCommitGuard.file.contents.utf8).write(to: staging.appendingPathComponent("-1"))
            try CommitJournal.write(operations, in: staging)
            try CommitJournal.apply(Array(operations.prefix(executed)), staging: staging, root: folder)

            let visible = try contents(of: folder).filter { !$0.key.hasPrefix(".") }
            let mixed = visible.filter { $0.key != InterruptedCommitGuard.fileName } != old
                && visible.filter { $0.key != InterruptedCommitGuard.fileName } != new
            if mixed {
                #expect(visible[InterruptedCommitGuard.fileName] != nil, "after \(executed) steps the folder mixes old and new files without the guard")
            }
            #expect(FileTransaction.hasInterruptedCommit(in: folder))

            let next = try FileTransaction(root: folder)
            next.discard()
            #expect(try contents(of: folder) == new, "after \(executed) steps")
            #expect(!FileTransaction.hasInterruptedCommit(in: folder))
        }
    }

    @Test func theGuardIsAGeneratedFileWhoseErrorSaysWhatToDo() throws {
        let text = InterruptedCommitGuard.file.contents
        #expect(FileHeader.isGenerated(Data(text.utf8)))
        #expect(text.contains("#error(\"codegen was interrupted while updating this folder: run the same codegen command again to finish\")"))
        #expect(!InterruptedCommitGuard.fileName.dropLast(".swift".count).allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" },
                "a generated type's file can never take the guard's name")
    }

    @Test func journalsThatAreIncompleteOrEscapeTheFolderAreNotApplied() throws {
        let staging = try temporaryFolder()
        defer { try? manager.removeItem(at: staging) }
        for text in [
            "codegen-journal 1\nwrite\t0\tA.swift\n",
            "codegen-journal 1\nwrite\t0\t../A.swift\nend\n",
            "codegen-journal 1\nremove\t/etc/passwd\nend\n",
            "codegen-journal 2\nremove\tA.swift\nend\n",
        ] {
            try Data(text.utf8).write(to: staging.appendingPathComponent(CommitJournal.fileName))
            #expect(CommitJournal.read(in: staging) == nil, "\(text)")
        }
        try Data("codegen-journal 1\nwrite\t0\tsub/A.swift\nremove\tB.swift\nend\n".utf8).write(to: staging.appendingPathComponent(CommitJournal.fileName))
        #expect(CommitJournal.read(in: staging) == [.write(slot: "0", target: "sub/A.swift"), .remove(target: "B.swift")])
    }

    @Test func outputDirectoryWritesThroughOneGuardedCommit() throws {
        let folder = try temporaryFolder()
        defer { try? manager.removeItem(at: folder) }
        let header = FileHeader.lines.joined(separator: "\n") + "\n"
        let directory = OutputDirectory(url: folder)
        try directory.write([GeneratedFile(name: "A.swift", contents: header + "a"), GeneratedFile(name: "B.swift", contents: header + "b")])
        #expect(try contents(of: folder).keys.sorted() == ["A.swift", "B.swift"])
        // Litter of earlier versions: removed when it is ours (our naming and header) only.
        try write([".A.swift.codegen-123.tmp": header + "a", ".Notes.swift.codegen-7.tmp": "not ours", ".x.codegen-1.tmp": header], in: folder)
        try directory.write([GeneratedFile(name: "A.swift", contents: header + "a2")])
        #expect(try contents(of: folder) == ["A.swift": header + "a2", ".Notes.swift.codegen-7.tmp": "not ours", ".x.codegen-1.tmp": header])
    }

    @Test func checkReportsAnInterruptedCommitWithoutTouchingIt() throws {
        let folder = try temporaryFolder()
        defer { try? manager.removeItem(at: folder) }
        let staging = folder.appendingPathComponent(FileTransaction.stagingPrefix + "1")
        try write(["0": "x"], in: staging)
        try CommitJournal.write([.write(slot: "0", target: "A.swift")], in: staging)
        #expect {
            try OutputDirectory(url: folder).changes(for: [GeneratedFile(name: "A.swift", contents: "x")])
        } throws: { error in
            (error as? OutputError) == .interruptedCommitPending(path: folder.standardizedFileURL.path)
        }
        #expect(FileTransaction.hasInterruptedCommit(in: folder))
    }

    @Test func legacyStagingNames() {
        #expect(StaleStaging.isLegacyStagingName(".T0042.swift.codegen-16304.tmp"))
        #expect(!StaleStaging.isLegacyStagingName(".swift.codegen-16304.tmp"))
        #expect(!StaleStaging.isLegacyStagingName(".T0042.swift.codegen-.tmp"))
        #expect(!StaleStaging.isLegacyStagingName("T0042.swift.codegen-1.tmp"))
        #expect(!StaleStaging.isLegacyStagingName(".T0042.swift.codegen-1a.tmp"))
    }
}
