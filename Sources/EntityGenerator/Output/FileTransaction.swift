import Foundation

/// A set of file changes under one folder that is applied completely or not at all, even when
/// the process is killed part-way (SIGKILL included).
///
/// New contents are staged in a hidden folder inside `root` (same file system, so moving them is
/// a rename), named `.codegen-staging-PID`. The commit point is a journal written into that
/// folder and renamed into place: before it, an interrupted run left nothing but staging, which
/// the next transaction on the folder deletes; after it, the next transaction on the folder
/// finishes the recorded renames and removals before doing anything else. An exclusive lock on
/// `root` keeps two runs from interleaving, and tells a live run's staging from a dead one's.
///
/// Between a kill during the commit and the next run, the folder may hold old and new files
/// together; the optional guard file, moved in first and removed last, makes that state visible
/// to the compiler instead of being built (see ``OutputDirectory``).
public final class FileTransaction: @unchecked Sendable {
    /// The hidden folder names this type creates, and the only ones it ever deletes.
    public static let stagingPrefix = ".codegen-staging-"

    /// A staged file: the contents are on disk, waiting for ``commit(writes:removals:guardFile:)``.
    public struct StagedFile: Sendable, Hashable {
        let slot: String
    }

    /// The folder every path of this transaction is relative to.
    public let root: URL
    private let lockDescriptor: Int32
    private let staging: URL
    private let stagingLock = NSLock()
    private var stagingCreated = false
    /// Set while a written journal has not been fully applied: its staging must then survive,
    /// so that the next run finishes the commit.
    private var journalPending = false
    private var finished = false
    /// Set by a signal: staging must not be created again by a thread still writing.
    private var interrupted = false

    /// Locks `root` (waiting for another run on it to finish), creating it if needed, and
    /// completes or discards whatever an interrupted run left there.
    public init(root: URL) throws(OutputError) {
        self.root = root.standardizedFileURL
        do {
            try FileManager.default.createDirectory(at: self.root, withIntermediateDirectories: true)
        } catch {
            throw OutputError.cannotCreateFolder(path: self.root.path, reason: FileErrors.reason(error))
        }
        lockDescriptor = try Self.lock(self.root)
        staging = self.root.appendingPathComponent("\(Self.stagingPrefix)\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try Self.recoverLocked(in: self.root)
        } catch {
            close(lockDescriptor)
            throw error
        }
        InterruptCleanup.register(self)
    }

    deinit {
        if !finished { discard() }
    }

    /// Writes `data` to the staging folder under `slot` (unique per transaction). Safe to call
    /// from several threads at once with different slots.
    public func stage(_ data: Data, slot: Int) throws(OutputError) -> StagedFile {
        try ensureStagingFolder()
        let name = String(slot)
        if let failure = FileErrors.writeNewFile(data, to: staging.appendingPathComponent(name)) {
            throw OutputError.cannotStage(path: root.path, reason: failure)
        }
        return StagedFile(slot: name)
    }

    /// Applies the staged `writes` (relative target paths) and deletes `removals`, all or
    /// nothing, then releases the folder. `guardFile` is moved into place as the commit's first
    /// step and removed as its last.
    public func commit(writes: [(file: StagedFile, target: String)], removals: [String], guardFile: GeneratedFile? = nil) throws(OutputError) {
        precondition(!finished, "a transaction commits once")
        for target in writes.map(\.target) + removals + (guardFile.map { [$0.name] } ?? []) where !CommitJournal.isSafePath(target) {
            throw OutputError.unsafePath(target, folder: root.path)
        }
        var operations: [CommitJournal.Operation] = []
        if let guardFile {
            let staged = try stage(Data(guardFile.contents.utf8), slot: -1)
            operations.append(.write(slot: staged.slot, target: guardFile.name))
        }
        operations += writes.map { .write(slot: $0.file.slot, target: $0.target) }
        operations += removals.map { .remove(target: $0) }
        if let guardFile { operations.append(.remove(target: guardFile.name)) }
        guard !operations.isEmpty else { return finish() }
        try ensureStagingFolder()
        // A signal that arrives from here on waits until the folder is consistent again and the
        // staging is gone.
        try InterruptCleanup.whileCommitting { () throws(OutputError) in
            try CommitJournal.write(operations, in: staging)
            journalPending = true
            try CommitJournal.apply(operations, staging: staging, root: root)
            journalPending = false
            finish()
        }
    }

    /// Deletes the staged files and releases the folder; nothing in `root` changes.
    public func discard() {
        guard !finished else { return }
        finish()
    }

    /// True when an interrupted run's commit waits to be finished in `root`, which the next
    /// transaction on it would do. For read-only callers such as `--check`.
    public static func hasInterruptedCommit(in root: URL) -> Bool {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return entries.contains { name in
            name.hasPrefix(stagingPrefix) && CommitJournal.read(in: root.appendingPathComponent(name)) != nil
        }
    }

    /// Called by ``InterruptCleanup`` on SIGINT/SIGTERM while staging: removes the staging
    /// folder so that nothing outlives the run.
    func removeStagingForInterrupt() {
        stagingLock.lock()
        interrupted = true
        stagingLock.unlock()
        removeStaging()
    }

    // MARK: - Internals

    private func finish() {
        finished = true
        InterruptCleanup.unregister(self)
        removeStaging()
        close(lockDescriptor)
    }

    /// Deletes the staging folder unless it holds a journal still to apply. Under the staging
    /// lock, so that a signal handler and the run never delete it at the same time.
    private func removeStaging() {
        stagingLock.lock()
        defer { stagingLock.unlock() }
        guard stagingCreated && !journalPending else { return }
        Self.removeFlatFolder(staging)
        stagingCreated = false
    }

    /// Staging holds files only; deleting them one by one goes on past any already gone. On an
    /// interrupt, threads that were already writing may add a file after the listing, so the
    /// folder is listed again until it is gone (a bounded number of times).
    private static func removeFlatFolder(_ folder: URL) {
        for _ in 0..<1000 {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
                unlink(folder.appendingPathComponent(name).path)
            }
            if rmdir(folder.path) == 0 || errno != ENOTEMPTY { return }
        }
    }

    private func ensureStagingFolder() throws(OutputError) {
        stagingLock.lock()
        defer { stagingLock.unlock() }
        guard !stagingCreated else { return }
        guard !interrupted else { throw OutputError.interrupted }
        guard mkdir(staging.path, 0o755) == 0 || errno == EEXIST else {
            throw OutputError.cannotStage(path: root.path, reason: String(cString: strerror(errno)))
        }
        stagingCreated = true
    }

    private static func lock(_ root: URL) throws(OutputError) -> Int32 {
        let descriptor = open(root.path, O_RDONLY)
        guard descriptor >= 0 else {
            throw OutputError.cannotOpen(path: root.path, reason: String(cString: strerror(errno)))
        }
        var result: Int32
        repeat { result = flock(descriptor, LOCK_EX) } while result != 0 && errno == EINTR
        guard result == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw OutputError.cannotLock(path: root.path, reason: reason)
        }
        return descriptor
    }

    /// With the folder locked, every staging folder in it belongs to a run that died: finish its
    /// commit if it reached the commit point, then delete it.
    private static func recoverLocked(in root: URL) throws(OutputError) {
        let manager = FileManager.default
        let entries = (try? manager.contentsOfDirectory(atPath: root.path)) ?? []
        for name in entries.sorted() where name.hasPrefix(stagingPrefix) {
            let folder = root.appendingPathComponent(name)
            if let operations = CommitJournal.read(in: folder) {
                try CommitJournal.apply(operations, staging: folder, root: root)
            }
            do {
                try manager.removeItem(at: folder)
            } catch {
                throw OutputError.cannotRemoveLeftover(path: folder.path, reason: FileErrors.reason(error))
            }
        }
    }
}
