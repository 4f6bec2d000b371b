import Foundation
import SchemaModel

/// A stage of a run and how long it took.
public struct StageTiming: Sendable, Equatable {
    public var stage: String
    public var duration: Duration

    public init(stage: String, duration: Duration) {
        self.stage = stage
        self.duration = duration
    }
}

/// A schema read from somewhere, with what reading it cost.
public struct LoadedSchema: Sendable {
    public var snapshot: SchemaSnapshot
    /// The stages of reading it, in order.
    public var timings: [StageTiming]
    /// Statements sent to a server (zero for a file).
    public var statements: Int

    public init(snapshot: SchemaSnapshot, timings: [StageTiming], statements: Int = 0) {
        self.snapshot = snapshot
        self.timings = timings
        self.statements = statements
    }
}

/// Where a ``GenerationJob`` reads its schema. This module provides snapshot files; the CLI adds
/// live databases (through libpq, which the build plugin must never link).
public protocol SchemaSource: Sendable {
    /// Names the source in messages: a snapshot path, or `user@host:5432/app` — never a password.
    var displayName: String { get }
    /// True for a live database, false for a snapshot file: messages differ.
    var isLiveDatabase: Bool { get }
    /// Reads the schemas.
    func load(schemas: [String]) throws -> LoadedSchema
    /// Reads the schemas; a source that reads keys last hands `whenColumnsRead` a snapshot of
    /// relations, columns and types (no constraints or indexes) as soon as it has one, on a
    /// background thread, so the caller can start translating while the rest is read.
    func load(schemas: [String], whenColumnsRead: @escaping @Sendable (SchemaSnapshot) -> Void) throws -> LoadedSchema
}

extension SchemaSource {
    /// Sources that read everything at once (a snapshot file) never call `whenColumnsRead`.
    public func load(schemas: [String], whenColumnsRead: @escaping @Sendable (SchemaSnapshot) -> Void) throws -> LoadedSchema {
        try load(schemas: schemas)
    }
}

/// A snapshot file that cannot be used. Cases carry facts; `description` says what to do.
public enum SnapshotFileError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(path: String)
    case unusable(path: String, problem: SchemaSnapshot.DecodingProblem)

    public var description: String {
        switch self {
        case let .unreadable(path):
            return "cannot read the snapshot \(path): check that it exists and is readable"
        case let .unusable(path, problem):
            return "\(path): \(problem)"
        }
    }
}

/// A committed snapshot file.
public struct SnapshotFileSource: SchemaSource {
    public let file: URL

    public init(file: URL) {
        self.file = file
    }

    public var displayName: String { "snapshot \(file.path)" }
    public var isLiveDatabase: Bool { false }

    /// The whole snapshot; the job selects schemas from it.
    public func load(schemas: [String]) throws -> LoadedSchema {
        let clock = ContinuousClock()
        let start = clock.now
        let snapshot = try Self.read(file)
        return LoadedSchema(snapshot: snapshot, timings: [StageTiming(stage: "snapshot decode", duration: clock.now - start)])
    }

    /// Reads and decodes a snapshot file.
    public static func read(_ file: URL) throws(SnapshotFileError) -> SchemaSnapshot {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw .unreadable(path: file.path)
        }
        do {
            return try SchemaSnapshot.decode(from: data)
        } catch let problem as SchemaSnapshot.DecodingProblem {
            throw .unusable(path: file.path, problem: problem)
        } catch {
            throw .unusable(path: file.path, problem: .malformed("\(error)"))
        }
    }
}
