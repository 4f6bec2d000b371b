import Foundation
import PackagePlugin

/// `swift package refresh-entity-snapshot [--target T] [--database-url URL]`: rewrites the
/// `*.snapshot.json` of each target that uses the entity plugin from a live database (the URL
/// defaults to `DATABASE_URL`, then `.env`), for the schemas its `codegen.json` names.
@main
struct RefreshSnapshotPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let targetNames = extractor.extractOption(named: "target")
        let databaseURL = extractor.extractOption(named: "database-url").last
        let codegen = try context.tool(named: "codegen").url
        let targets = try PluginTargets.withSnapshots(in: context.package, named: targetNames)
        for target in targets {
            var arguments = ["snapshot", "-o", target.snapshot.path]
            if let configuration = target.configuration { arguments += ["--config", configuration.path] }
            if let databaseURL { arguments += ["-u", databaseURL] }
            try PluginProcess.run(codegen, arguments, in: context.package.directoryURL)
        }
    }
}
