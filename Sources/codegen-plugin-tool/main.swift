import EntityGenerator
import Foundation
import SchemaModel

// The tool the SwiftPM plugins run. It depends on EntityGenerator and Foundation only, so a
// package that uses the build plugin never builds libpq or PostgresNIO.
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

func run(_ arguments: [String]) throws -> String {
    guard let snapshotPath = value(after: "--snapshot", in: arguments), let outputPath = value(after: "--output-dir", in: arguments) else {
        throw ToolFailure(description: "usage: codegen-plugin-tool --snapshot FILE [--config FILE] --output-dir DIR (--shards N | --files)")
    }
    guard let snapshotData = FileManager.default.contents(atPath: snapshotPath) else {
        throw ToolFailure(description: "cannot read the snapshot \(snapshotPath): check that it exists and is readable")
    }
    let snapshot: SchemaSnapshot
    do {
        snapshot = try SchemaSnapshot.decode(from: snapshotData)
    } catch {
        throw ToolFailure(description: "\(URL(fileURLWithPath: snapshotPath).lastPathComponent): \(error)")
    }
    let options = try value(after: "--config", in: arguments).map { try GeneratorOptions.load(from: URL(fileURLWithPath: $0)) } ?? GeneratorOptions()
    let plan = try Translator(snapshot: snapshot, options: options).plan()
    if plan.entities.isEmpty {
        throw GenerationError.nothingToGenerate(
            in: "snapshot \(URL(fileURLWithPath: snapshotPath).lastPathComponent)", schemas: options.schemas,
            advice: "refresh it from the database that holds the tables (swift package refresh-entity-snapshot), or set \"schemas\" in codegen.json")
    }
    for diagnostic in plan.diagnostics where diagnostic.severity == .warning {
        FileHandle.standardError.write(Data("\(snapshotPath): warning: \(diagnostic.subject): \(diagnostic.message)\n".utf8))
    }
    let directory = OutputDirectory(url: URL(fileURLWithPath: outputPath))
    if let shardText = value(after: "--shards", in: arguments) {
        guard let count = Int(shardText), count > 0 else { throw ToolFailure(description: "--shards takes a positive number") }
        let files = Renderer.renderShards(plan, count: count, prefix: "GeneratedEntities")
        let changes = try directory.write(files)
        return "\(plan.entities.count) entities in \(count) files: \(changes.summary)"
    }
    guard arguments.contains("--files") else { throw ToolFailure(description: "pass --shards N or --files") }
    let changes = try directory.write(Renderer.render(plan))
    for line in changes.lines { print(line) }
    return "\(plan.entities.count) entities: \(changes.summary)"
}

InterruptCleanup.installHandlers()
do {
    print(try run(Array(CommandLine.arguments.dropFirst())))
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
