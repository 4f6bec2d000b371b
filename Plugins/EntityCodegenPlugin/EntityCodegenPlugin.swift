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
        let found = try SnapshotFiles.find(in: files, targetName: targetName)
        guard let snapshot = found.snapshot else {
            throw PluginFailure(
                "target \(targetName) has no *.snapshot.json: add one with `swift package refresh-entity-snapshot --target \(targetName)` "
                    + "or `codegen snapshot -o Sources/\(targetName)/schema.snapshot.json`")
        }
        let configuration = found.configuration
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
