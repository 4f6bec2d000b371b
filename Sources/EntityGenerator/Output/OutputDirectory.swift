import Foundation

/// One file to generate.
public struct GeneratedFile: Sendable, Equatable {
    /// The file name, without any directory.
    public var name: String
    public var contents: String

    public init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }
}

/// What writing a set of files changes, or would change, in a folder.
public struct OutputChanges: Sendable, Equatable {
    public var added: [String] = []
    public var modified: [String] = []
    /// Generated files that are no longer generated.
    public var removed: [String] = []
    public var unchanged: [String] = []

    public var isEmpty: Bool { added.isEmpty && modified.isEmpty && removed.isEmpty }

    /// `added 2, modified 1, removed 0, unchanged 14`.
    public var summary: String {
        "added \(added.count), modified \(modified.count), removed \(removed.count), unchanged \(unchanged.count)"
    }

    /// One line per change: `+ User.swift`, `~ Film.swift`, `- Old.swift`.
    public var lines: [String] {
        added.map { "+ \($0)" } + modified.map { "~ \($0)" } + removed.map { "- \($0)" }
    }
}

/// The folder generated files go to. Writes only files whose bytes change, deletes generated
/// files it no longer generates (recognised by their header), never touches any other file,
/// and either writes every change or none.
///
/// Files are rendered, compared and staged one at a time (on every core), so a schema of
/// thousands of tables is never held in memory as text all at once.
public struct OutputDirectory: Sendable {
    public let url: URL

    public init(url: URL) {
        self.url = url.standardizedFileURL
    }

    /// The changes writing `files` would make, without making them.
    public func changes(for files: [GeneratedFile]) throws -> OutputChanges {
        try process(FileList(files), writing: false)
    }

    /// The changes writing `files` would make, without making them.
    public func changes(for files: GeneratedFiles) throws -> OutputChanges {
        try process(FileList(files), writing: false)
    }

    /// Writes `files`, returning what changed.
    @discardableResult
    public func write(_ files: [GeneratedFile]) throws -> OutputChanges {
        try process(FileList(files), writing: true)
    }

    /// Writes `files`, returning what changed.
    @discardableResult
    public func write(_ files: GeneratedFiles) throws -> OutputChanges {
        try process(FileList(files), writing: true)
    }

    /// Names and on-demand contents, from either kind of file set.
    struct FileList: Sendable {
        let names: [String]
        /// Writes file `index` into an empty writer.
        let render: @Sendable (Int, inout SourceWriter) -> Void

        init(_ files: [GeneratedFile]) {
            names = files.map(\.name)
            render = { index, writer in writer.append(text: files[index].contents) }
        }

        init(_ files: GeneratedFiles) {
            names = files.names
            // Bytes straight from the renderer: no `String` in between, which would check the
            // encoding of every file only to be turned back into bytes.
            render = { index, writer in files.render(at: index, into: &writer) }
        }
    }

    /// A worker's buffers, reused for every file it renders and compares.
    private struct Scratch {
        var writer = SourceWriter(capacity: 64 * 1024)
        let existing = FileReadBuffer()
    }

    private enum Outcome: Sendable {
        case added(staged: FileTransaction.StagedFile?)
        case modified(staged: FileTransaction.StagedFile?)
        case unchanged
        case conflict
        case failed(OutputError)
    }

    /// Every changed file is first staged inside the folder; only when all of them are staged
    /// does a ``FileTransaction`` move them into place and delete stale files, as one commit
    /// that an interrupted run's successor finishes. A failure leaves the folder as it was.
    private func process(_ files: FileList, writing: Bool) throws -> OutputChanges {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: url.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            throw OutputError.notAFolder(path: url.path)
        }
        let transaction: FileTransaction?
        if writing {
            transaction = try FileTransaction(root: url)
        } else {
            if exists && FileTransaction.hasInterruptedCommit(in: url) {
                throw OutputError.interruptedCommitPending(path: url.path)
            }
            transaction = nil
        }
        // Listed once, after recovery: staged files live in the transaction's hidden folder,
        // so the generated files found here are the same before and after rendering.
        let entries = exists ? ((try? manager.contentsOfDirectory(atPath: url.path)) ?? []) : []
        if writing { StaleStaging.removeLegacyFiles(in: url, names: entries) }
        let folderExists = exists
        let folderPath = url.path
        let makeScratch: @Sendable () -> Scratch = { Scratch() }
        let outcomes = Parallel.map(Array(files.names.indices), state: makeScratch) { (index: Int, scratch: inout Scratch) -> Outcome in
            scratch.writer.reset()
            files.render(index, &scratch.writer)
            let exists = folderExists && scratch.existing.read(path: folderPath + "/" + files.names[index])
            if exists {
                guard FileHeader.isGenerated(scratch.existing.bytes) else { return .conflict }
                if scratch.writer.withUnsafeBytes({ scratch.existing.holds($0) }) { return .unchanged }
            }
            guard let transaction else { return exists ? .modified(staged: nil) : .added(staged: nil) }
            do throws(OutputError) {
                let staged = try transaction.stage(scratch.writer.withUnsafeBytes { Data($0) }, slot: index)
                return exists ? .modified(staged: staged) : .added(staged: staged)
            } catch {
                return .failed(error)
            }
        }

        var changes = OutputChanges()
        var staged: [(file: FileTransaction.StagedFile, target: String)] = []
        var conflicts: [String] = []
        var failures: [OutputError] = []
        for (name, outcome) in zip(files.names, outcomes) {
            switch outcome {
            case let .added(file):
                changes.added.append(name)
                if let file { staged.append((file, name)) }
            case let .modified(file):
                changes.modified.append(name)
                if let file { staged.append((file, name)) }
            case .unchanged:
                changes.unchanged.append(name)
            case .conflict:
                conflicts.append(name)
            case let .failed(reason):
                failures.append(reason)
            }
        }
        if !conflicts.isEmpty {
            transaction?.discard()
            throw OutputError.notGenerated(paths: conflicts.sorted().map { url.appendingPathComponent($0).path })
        }
        if let failure = failures.first {
            transaction?.discard()
            throw failure
        }
        if exists {
            let planned = Set(files.names)
            for name in entries.sorted() where name.hasSuffix(".swift") && !planned.contains(name) && !name.hasPrefix(".") {
                if let data = manager.contents(atPath: url.appendingPathComponent(name).path), FileHeader.isGenerated(data) {
                    changes.removed.append(name)
                }
            }
        }
        guard let transaction else { return changes }
        // One change is one rename, atomic by itself; several need the guard.
        let needsGuard = staged.count + changes.removed.count > 1
        try transaction.commit(writes: staged, removals: changes.removed, guardFile: needsGuard ? InterruptedCommitGuard.file : nil)
        return changes
    }
}
