import Foundation
import PackagePlugin

// Plugins cannot share a library target, so every plugin folder links this folder
// (`PluginsShared` → `../PluginsShared`): one copy of the code, compiled into each plugin.

/// The files a target configures entity generation with.
struct SnapshotFiles {
    /// The target's one `*.snapshot.json`, if it has one.
    var snapshot: URL?
    /// Its `codegen.json`, if any.
    var configuration: URL?

    /// Finds them among a target's files; more than one snapshot is an error.
    static func find(in files: [URL], targetName: String) throws -> SnapshotFiles {
        let snapshots = files.filter { $0.lastPathComponent.hasSuffix(".snapshot.json") }
        guard snapshots.count <= 1 else {
            let names = snapshots.map(\.lastPathComponent).sorted().joined(separator: ", ")
            throw PluginFailure("target \(targetName) has \(snapshots.count) snapshots (\(names)): keep exactly one *.snapshot.json")
        }
        return SnapshotFiles(snapshot: snapshots.first, configuration: files.first { $0.lastPathComponent == "codegen.json" })
    }
}

/// A target with a schema snapshot.
struct SnapshotTarget {
    var name: String
    var directory: URL
    var snapshot: URL
    var configuration: URL?
}

enum PluginTargets {
    /// The named targets (or, with no names, every target that has a snapshot). A named target
    /// without one gets `schema.snapshot.json`, so the refresh command can create it.
    static func withSnapshots(in package: Package, named names: [String]) throws -> [SnapshotTarget] {
        let candidates = try names.isEmpty ? package.targets : package.targets(named: names)
        var found: [SnapshotTarget] = []
        for case let target as SourceModuleTarget in candidates {
            let files = try SnapshotFiles.find(in: target.sourceFiles.map(\.url), targetName: target.name)
            guard let snapshot = files.snapshot ?? (names.isEmpty ? nil : target.directoryURL.appendingPathComponent("schema.snapshot.json")) else { continue }
            found.append(SnapshotTarget(name: target.name, directory: target.directoryURL, snapshot: snapshot, configuration: files.configuration))
        }
        if found.isEmpty {
            throw PluginFailure("no target has a *.snapshot.json: pass --target NAME to create one there")
        }
        return found
    }
}

enum PluginProcess {
    /// Runs a tool, passing its output through; fails with its exit status.
    static func run(_ executable: URL, _ arguments: [String], in directory: URL) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PluginFailure("\(executable.lastPathComponent) failed (exit status \(process.terminationStatus)); its message is above")
        }
    }
}

/// A plugin error: one line that says what to do.
struct PluginFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
