import Foundation
import PackagePlugin

// Plugins cannot share a library target, so this file is the same in both command plugins.

/// A target with a schema snapshot.
struct SnapshotTarget {
    var name: String
    var directory: URL
    var snapshot: URL
    var configuration: URL?
}

enum PluginTargets {
    /// The named targets (or, with no names, every target that has a snapshot).
    static func withSnapshots(in package: Package, named names: [String]) throws -> [SnapshotTarget] {
        let candidates = try names.isEmpty ? package.targets : package.targets(named: names)
        var found: [SnapshotTarget] = []
        for case let target as SourceModuleTarget in candidates {
            let files = target.sourceFiles.map(\.url)
            let snapshots = files.filter { $0.lastPathComponent.hasSuffix(".snapshot.json") }
            guard snapshots.count <= 1 else {
                throw PluginFailure("target \(target.name) has \(snapshots.count) snapshots: keep exactly one *.snapshot.json")
            }
            guard let snapshot = snapshots.first ?? (names.isEmpty ? nil : target.directoryURL.appendingPathComponent("schema.snapshot.json")) else { continue }
            found.append(SnapshotTarget(
                name: target.name, directory: target.directoryURL, snapshot: snapshot,
                configuration: files.first { $0.lastPathComponent == "codegen.json" }))
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

struct PluginFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
