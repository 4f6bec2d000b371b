import EntityGenerator
import Foundation
import SchemaModel

// The tool the SwiftPM plugins run. It depends on EntityGenerator and Foundation only, so a
// package that uses the build plugin never builds libpq or PostgresNIO. It runs the same
// GenerationJob as `codegen entity`; only the layout and the wording of errors differ.
//
//   codegen-plugin-tool --snapshot FILE [--config FILE] --output-dir DIR (--shards N | --files)
//
// --shards N writes exactly N files (the build plugin declares them before the tool runs);
// --files writes one file per type and removes stale ones, as `codegen entity` does.

struct ToolFailure: Error, CustomStringConvertible {
    let description: String
}

func value(after flag: String, in arguments: [String]) -> String? {
    guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

/// Library errors in the plugins' terms: the user edits `codegen.json` and runs the refresh
/// command plugin; they never typed a flag.
func pluginMessage(for error: Error, snapshotName: String) -> String {
    switch error {
    case let GenerationError.nothingToGenerate(_, schemas):
        return "no tables or views to generate in \(GenerationError.place(schemas)) of \(snapshotName): "
            + "refresh it from the database that holds the tables (swift package refresh-entity-snapshot), "
            + "or set \"schemas\" in codegen.json"
    case let GenerationError.unmatchedTables(names, schemas):
        return "codegen.json \"tables\" names \(GenerationError.tableList(names)), which \(names.count == 1 ? "is" : "are") "
            + "not a table or view in \(GenerationError.place(schemas)): "
            + "check the spelling, or add the schema to \"schemas\""
    case let GenerationError.schemaNotInSnapshot(schema, available):
        return "schema \"\(schema)\" is not in \(snapshotName) (it has \(available.joined(separator: ", "))): "
            + "refresh the snapshot with that schema (swift package refresh-entity-snapshot -s \(schema))"
    case let SnapshotFileError.unusable(_, problem):
        return "\(snapshotName): \(problem)"
    default:
        return String(describing: error)
    }
}

func run(_ arguments: [String]) throws -> String {
    guard let snapshotPath = value(after: "--snapshot", in: arguments), let outputPath = value(after: "--output-dir", in: arguments) else {
        throw ToolFailure(description: "usage: codegen-plugin-tool --snapshot FILE [--config FILE] --output-dir DIR (--shards N | --files)")
    }
    let layout: GenerationJob.Layout
    if let shardText = value(after: "--shards", in: arguments) {
        guard let count = Int(shardText), count > 0 else { throw ToolFailure(description: "--shards takes a positive number") }
        layout = .shards(count: count, prefix: "GeneratedEntities")
    } else if arguments.contains("--files") {
        layout = .filePerType
    } else {
        throw ToolFailure(description: "pass --shards N or --files")
    }
    let snapshotFile = URL(fileURLWithPath: snapshotPath)
    do {
        let options = try value(after: "--config", in: arguments).map { try GeneratorOptions.load(from: URL(fileURLWithPath: $0)) } ?? GeneratorOptions()
        let job = GenerationJob(source: SnapshotFileSource(file: snapshotFile), options: options,
                                outputDirectory: URL(fileURLWithPath: outputPath), layout: layout)
        let report = try job.run()
        for diagnostic in report.diagnostics where diagnostic.severity == .warning {
            FileHandle.standardError.write(Data("\(snapshotPath): warning: \(diagnostic.subject): \(diagnostic.message)\n".utf8))
        }
        if case .filePerType = layout {
            for line in report.changes.lines { print(line) }
            return "\(report.entityCount) entities: \(report.changes.summary)"
        }
        return "\(report.entityCount) entities in \(report.fileCount) files: \(report.changes.summary)"
    } catch {
        throw ToolFailure(description: pluginMessage(for: error, snapshotName: snapshotFile.lastPathComponent))
    }
}

InterruptCleanup.installHandlers()
do {
    print(try run(Array(CommandLine.arguments.dropFirst())))
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
