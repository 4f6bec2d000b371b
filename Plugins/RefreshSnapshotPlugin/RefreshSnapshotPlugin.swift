import Foundation
import PackagePlugin

/// `swift package refresh-entity-snapshot [--target T] [--database-url URL]`: rewrites the
/// `*.snapshot.json` of each target that uses the entity plugin from a live database (the URL
/// defaults to `DATABASE_URL`, then `.env`), for the schemas its `codegen.json` names.
///
/// With `--from-migrations` it needs no database: the package's migrations executable
/// (`--migrations-executable`, default `migrate`) is built and run against a throwaway PostgreSQL
/// cluster (or a scratch database on `--shadow-database-url`), which is then removed.
@main
struct RefreshSnapshotPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let targetNames = extractor.extractOption(named: "target")
        let databaseURL = extractor.extractOption(named: "database-url").last
        let fromMigrations = extractor.extractFlag(named: "from-migrations") > 0
        let shadowURL = extractor.extractOption(named: "shadow-database-url").last
        let executable = extractor.extractOption(named: "migrations-executable").last
        if let unexpected = extractor.remainingArguments.first {
            throw PluginFailure(
                "unexpected argument \(unexpected): the options are --target, --database-url, --from-migrations, "
                    + "--shadow-database-url and --migrations-executable")
        }
        if fromMigrations, databaseURL != nil {
            throw PluginFailure("pass either --database-url or --from-migrations, not both")
        }
        let codegen = try context.tool(named: "codegen").url
        let targets = try PluginTargets.withSnapshots(in: context.package, named: targetNames)
        for target in targets {
            var arguments = ["snapshot", "-o", target.snapshot.path]
            if let configuration = target.configuration { arguments += ["--config", configuration.path] }
            if let databaseURL { arguments += ["-u", databaseURL] }
            if fromMigrations {
                // `swift package` holds the package's own build folder while a plugin runs: the
                // migrations executable is built in the plugin's work folder instead.
                arguments += ["--from-migrations", "--package-path", context.package.directoryURL.path,
                              "--scratch-path", context.pluginWorkDirectoryURL.appendingPathComponent("migrations-build").path]
                if let shadowURL { arguments += ["--shadow-database-url", shadowURL] }
                if let executable { arguments += ["--migrations-executable", executable] }
            }
            try PluginProcess.run(codegen, arguments, in: context.package.directoryURL)
        }
    }
}
