import Foundation

/// The record of a ``FileTransaction``'s commit: which staged files replace which targets, and
/// which targets go. Its presence in a staging folder is the commit point, so it is written
/// under another name and renamed into place only when complete.
///
/// Applying it is idempotent: a staged file already moved is gone from staging, and a removed
/// target is already gone, so a run killed while applying it is finished by applying it again.
enum CommitJournal {
    enum Operation: Equatable {
        case write(slot: String, target: String)
        case remove(target: String)
    }

    static let fileName = "journal"
    private static let header = "codegen-journal 1"
    private static let trailer = "end"

    /// A relative path that stays inside the root: no `..`, no absolute path, no line breaks
    /// or tabs (the journal's separators).
    static func isSafePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\n"), !path.contains("\t"), !path.contains("\r") else { return false }
        return !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0.isEmpty || $0 == "." || $0 == ".." }
    }

    static func write(_ operations: [Operation], in staging: URL) throws(OutputError) {
        var lines = [header]
        for operation in operations {
            switch operation {
            case let .write(slot, target): lines.append("write\t\(slot)\t\(target)")
            case let .remove(target): lines.append("remove\t\(target)")
            }
        }
        lines.append(trailer)
        let partial = staging.appendingPathComponent(fileName + ".partial")
        if let failure = FileErrors.writeNewFile(Data((lines.joined(separator: "\n") + "\n").utf8), to: partial, synchronize: true) {
            throw OutputError.cannotStage(path: staging.deletingLastPathComponent().path, reason: failure)
        }
        guard rename(partial.path, staging.appendingPathComponent(fileName).path) == 0 else {
            throw OutputError.cannotStage(path: staging.deletingLastPathComponent().path, reason: String(cString: strerror(errno)))
        }
    }

    /// The operations of a complete journal in `staging`, or nil when there is none (the run
    /// that made the folder died before its commit point).
    static func read(in staging: URL) -> [Operation]? {
        guard let data = FileManager.default.contents(atPath: staging.appendingPathComponent(fileName).path) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first == header, lines.count >= 3, lines[lines.count - 1].isEmpty, lines[lines.count - 2] == trailer else { return nil }
        var operations: [Operation] = []
        for line in lines[1..<(lines.count - 2)] {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            switch (fields.first, fields.count) {
            case ("write", 3) where isSafePath(fields[2]) && isSafePath(fields[1]):
                operations.append(.write(slot: fields[1], target: fields[2]))
            case ("remove", 2) where isSafePath(fields[1]):
                operations.append(.remove(target: fields[1]))
            default:
                return nil
            }
        }
        return operations
    }

    /// Carries out `operations` in order; a step already done is skipped.
    static func apply(_ operations: [Operation], staging: URL, root: URL) throws(OutputError) {
        for operation in operations {
            switch operation {
            case let .write(slot, target):
                let source = staging.appendingPathComponent(slot).path
                let destination = root.appendingPathComponent(target)
                guard access(source, F_OK) == 0 else { continue }
                if target.contains("/") {
                    try? FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                }
                guard rename(source, destination.path) == 0 else {
                    throw OutputError.cannotReplace(path: destination.path, reason: String(cString: strerror(errno)))
                }
            case let .remove(target):
                let path = root.appendingPathComponent(target).path
                guard unlink(path) == 0 || errno == ENOENT else {
                    throw OutputError.cannotRemove(path: path, reason: String(cString: strerror(errno)))
                }
            }
        }
    }
}
