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

/// A folder can't take the generated files; the message says what to do.
public struct OutputError: Error, CustomStringConvertible, Equatable {
    public let description: String
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
        let contents: @Sendable (Int) -> String

        init(_ files: [GeneratedFile]) {
            names = files.map(\.name)
            contents = { files[$0].contents }
        }

        init(_ files: GeneratedFiles) {
            names = files.names
            contents = { files.contents(at: $0) }
        }
    }

    private enum Outcome: Sendable {
        case added(staged: URL?)
        case modified(staged: URL?)
        case unchanged
        case conflict
        case failed(String)
    }

    /// Every changed file is first written beside its target under a temporary name; only when
    /// all of them are written are stale files deleted and the new ones moved into place, so a
    /// failure leaves the folder as it was.
    private func process(_ files: FileList, writing: Bool) throws -> OutputChanges {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: url.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            throw OutputError(description: "\(url.path) is a file, not a folder: pass a folder with -o")
        }
        if writing && !exists {
            do {
                try manager.createDirectory(at: url, withIntermediateDirectories: true)
            } catch {
                throw OutputError(description: "cannot create \(url.path) (\(Self.reason(error))): choose a folder you can write to with -o")
            }
        }
        let folder = url
        let outcomes = Parallel.map(Array(files.names.indices)) { index -> Outcome in
            let name = files.names[index]
            let target = folder.appendingPathComponent(name)
            let data = Data(files.contents(index).utf8)
            let existing = exists ? FileManager.default.contents(atPath: target.path) : nil
            if let existing {
                guard FileHeader.isGenerated(existing) else { return .conflict }
                if existing == data { return .unchanged }
            }
            guard writing else { return existing == nil ? .added(staged: nil) : .modified(staged: nil) }
            let staged = folder.appendingPathComponent(".\(name).codegen-\(ProcessInfo.processInfo.processIdentifier).tmp")
            if let failure = Self.writeFile(data, to: staged) { return .failed(failure) }
            return existing == nil ? .added(staged: staged) : .modified(staged: staged)
        }

        var changes = OutputChanges()
        var staged: [(temporary: URL, target: URL)] = []
        var conflicts: [String] = []
        var failures: [String] = []
        for (name, outcome) in zip(files.names, outcomes) {
            switch outcome {
            case let .added(temporary):
                changes.added.append(name)
                if let temporary { staged.append((temporary, url.appendingPathComponent(name))) }
            case let .modified(temporary):
                changes.modified.append(name)
                if let temporary { staged.append((temporary, url.appendingPathComponent(name))) }
            case .unchanged:
                changes.unchanged.append(name)
            case .conflict:
                conflicts.append(name)
            case let .failed(reason):
                failures.append(reason)
            }
        }
        func discardStaged() {
            for item in staged { try? manager.removeItem(at: item.temporary) }
        }
        if !conflicts.isEmpty {
            discardStaged()
            let list = conflicts.sorted().map { url.appendingPathComponent($0).path }.joined(separator: ", ")
            throw OutputError(description: "\(list) \(conflicts.count == 1 ? "exists and was" : "exist and were") not generated by codegen: move \(conflicts.count == 1 ? "it" : "them") away or choose another folder with -o; nothing was written")
        }
        if let failure = failures.first {
            discardStaged()
            throw OutputError(description: "cannot write to \(url.path) (\(failure)): choose a folder you can write to with -o; nothing was written")
        }
        if exists {
            let planned = Set(files.names)
            let names = (try? manager.contentsOfDirectory(atPath: url.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".swift") && !planned.contains(name) {
                if let data = manager.contents(atPath: url.appendingPathComponent(name).path), FileHeader.isGenerated(data) {
                    changes.removed.append(name)
                }
            }
        }
        guard writing, !changes.isEmpty else { return changes }
        do {
            for name in changes.removed {
                try manager.removeItem(at: url.appendingPathComponent(name))
            }
            for item in staged where rename(item.temporary.path, item.target.path) != 0 {
                throw OutputError(description: "cannot replace \(item.target.path) (\(String(cString: strerror(errno)))): check its permissions")
            }
        } catch {
            discardStaged()
            if let error = error as? OutputError { throw error }
            throw OutputError(description: "cannot update \(url.path) (\(Self.reason(error))): check its permissions")
        }
        return changes
    }

    /// Writes `data` to a new file; returns why it failed, if it did.
    private static func writeFile(_ data: Data, to file: URL) -> String? {
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        defer { close(descriptor) }
        let written = data.withUnsafeBytes { buffer -> Int in
            var offset = 0
            while offset < buffer.count {
                let count = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count <= 0 { return -1 }
                offset += count
            }
            return offset
        }
        return written == data.count ? nil : String(cString: strerror(errno))
    }

    private static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileWriteNoPermissionError { return "permission denied" }
        return nsError.localizedDescription
    }
}
