import Foundation
import PackagePlugin

/// Regenerates Swift entities from the schema snapshot committed in a target, on every build
/// that needs it. It reads `*.snapshot.json` (exactly one) and, optionally, `codegen.json` from
/// the target, and writes a fixed set of files into the build folder: no network, no database.
@main
struct EntityCodegenPlugin: BuildToolPlugin {
    /// Outputs must be named before the tool runs; entities are spread over this many files.
    static let shardCount = 8

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let files = target.sourceFiles.map(\.url)
        return try Self.commands(
            files: files, targetName: target.name, workDirectory: context.pluginWorkDirectoryURL,
            tool: try context.tool(named: "codegen-plugin-tool").url)
    }

    static func commands(files: [URL], targetName: String, workDirectory: URL, tool: URL) throws -> [Command] {
        let snapshots = files.filter { $0.lastPathComponent.hasSuffix(".snapshot.json") }
        guard let snapshot = snapshots.first else {
            throw PluginProblem("target \(targetName) has no *.snapshot.json: add one with `swift package refresh-entity-snapshot --target \(targetName)` or `codegen snapshot -o Sources/\(targetName)/schema.snapshot.json`")
        }
        guard snapshots.count == 1 else {
            let names = snapshots.map(\.lastPathComponent).sorted().joined(separator: ", ")
            throw PluginProblem("target \(targetName) has \(snapshots.count) snapshots (\(names)): keep exactly one *.snapshot.json")
        }
        let configuration = files.first { $0.lastPathComponent == "codegen.json" }
        let output = workDirectory.appendingPathComponent("GeneratedEntities")
        var arguments = ["--snapshot", snapshot.path, "--output-dir", output.path, "--shards", String(shardCount)]
        if let configuration { arguments += ["--config", configuration.path] }
        return [
            .buildCommand(
                displayName: "Generating Swift entities from \(snapshot.lastPathComponent)",
                executable: tool,
                arguments: arguments,
                inputFiles: [snapshot] + (configuration.map { [$0] } ?? []),
                outputFiles: (0..<shardCount).map { output.appendingPathComponent("GeneratedEntities\($0).swift") }
            ),
        ]
    }
}

struct PluginProblem: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

#if canImport(XcodeProjectPlugin)
import XcodeProjectPlugin

extension EntityCodegenPlugin: XcodeBuildToolPlugin {
    func createBuildCommands(context: XcodePluginContext, target: XcodeTarget) throws -> [Command] {
        try Self.commands(
            files: target.inputFiles.map(\.url), targetName: target.displayName,
            workDirectory: context.pluginWorkDirectoryURL, tool: try context.tool(named: "codegen-plugin-tool").url)
    }
}
#endif
