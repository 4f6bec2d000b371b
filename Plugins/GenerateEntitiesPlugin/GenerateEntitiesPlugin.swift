import Foundation
import PackagePlugin

/// `swift package generate-entities [--target T] [--output PATH]`: writes the entity files for
/// each target's snapshot into the package (by default into the target's folder), for teams that
/// commit generated code instead of using the build plugin. Only files that change are written,
/// and only files it generated are ever replaced or removed.
@main
struct GenerateEntitiesPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let targetNames = extractor.extractOption(named: "target")
        let output = extractor.extractOption(named: "output").last
        let tool = try context.tool(named: "codegen-plugin-tool").url
        for target in try PluginTargets.withSnapshots(in: context.package, named: targetNames) {
            let folder = output.map { context.package.directoryURL.appendingPathComponent($0) } ?? target.directory
            var arguments = ["--snapshot", target.snapshot.path, "--output-dir", folder.path, "--files"]
            if let configuration = target.configuration { arguments += ["--config", configuration.path] }
            try PluginProcess.run(tool, arguments, in: context.package.directoryURL)
        }
    }
}
