import ArgumentParser
import CodegenCore
import EntityGenerator
import Foundation

struct EntityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entity",
        abstract: "Generate entity files from a live database or a snapshot.")

    @OptionGroup var connection: ConnectionOptions

    @Option(help: ArgumentHelp("Generate from this snapshot file instead of a live database.", valueName: "file"))
    var snapshot: String?

    @Option(name: [.customShort("o"), .customLong("output-dir")], help: ArgumentHelp("The folder to write the Swift files to.", valueName: "dir"))
    var outputDirectory: String

    @Option(name: [.customShort("s"), .customLong("schema")], help: ArgumentHelp("A schema to generate from; repeat for several (default: public).", valueName: "schema"))
    var schemas: [String] = []

    @Option(help: ArgumentHelp("Generate only these relations (comma-separated names or schema.name).", valueName: "names"))
    var tables: [String] = []

    @Option(help: ArgumentHelp("Skip these relations (default: \(GeneratorOptions.migrationsTable)).", valueName: "names"))
    var ignoreTables: [String] = []

    @Option(help: ArgumentHelp("Access level of generated declarations: public, package or internal (default: public).", valueName: "level"))
    var accessLevel: GeneratorOptions.AccessLevel?

    @Option(help: ArgumentHelp("A codegen.json configuration file; flags given here override it.", valueName: "file"))
    var config: String?

    @Option(name: .customLong("type-override"), help: ArgumentHelp("Read a PostgreSQL type as a Swift type: TYPE=SwiftType (repeatable).", valueName: "type=swift"))
    var typeOverrides: [String] = []

    @Option(name: .customLong("column-override"), help: ArgumentHelp("Read one column as a Swift type: schema.table.column=SwiftType (repeatable).", valueName: "column=swift"))
    var columnOverrides: [String] = []

    @Option(name: .customLong("import"), help: ArgumentHelp("A module every generated file imports (for override types; repeatable).", valueName: "module"))
    var imports: [String] = []

    @Flag(help: "Declare array elements optional ([String?]), for arrays that may hold NULL.")
    var optionalArrayElements = false

    @Flag(help: "Generate even when no table or view is found (writes only the prelude and removes earlier entities).")
    var allowEmpty = false

    @Flag(help: "Write nothing; list what would change and exit 1 if anything would.")
    var check = false

    @Flag(help: "Print how long each stage took.")
    var verbose = false

    func validate() throws {
        if snapshot != nil, connection.databaseURL != nil {
            throw ValidationError("pass either -u (a live database) or --snapshot (a snapshot file), not both")
        }
        for pair in typeOverrides + columnOverrides where Self.split(pair) == nil {
            throw ValidationError("'\(pair)' is not NAME=SwiftType")
        }
    }

    func run() throws {
        if !check { InterruptCleanup.installHandlers() }
        do {
            let options = try mergedOptions()

            let source: any SchemaSource = try snapshot.map { SnapshotFileSource(file: URL(fileURLWithPath: $0)) }
                ?? DatabaseSchemaSource(target: connection.target())
            let job = GenerationJob(source: source, options: options, outputDirectory: URL(fileURLWithPath: outputDirectory),
                                    checkOnly: check, allowEmpty: allowEmpty)
            let report = try job.run()
            for diagnostic in report.diagnostics { StandardError.print(diagnostic.description) }
            if verbose {
                for timing in report.timings { StandardError.print("time: \(timing.stage): \(timing.duration.formattedMilliseconds)") }
                if report.statements > 0 { StandardError.print("statements sent: \(report.statements)") }
                if let peak = PeakMemory.megabytes { StandardError.print(String(format: "peak resident size: %.0f MB", peak)) }
            }
            if check {
                if report.changes.isEmpty {
                    print("\(outputDirectory) is up to date (\(report.fileCount) files)")
                } else {
                    print("\(outputDirectory) is out of date: \(report.changes.summary)")
                    for line in report.changes.lines { print(line) }
                    throw ExitCode(1)
                }
            } else {
                print("\(report.fileCount) files in \(outputDirectory): \(report.changes.summary)")
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Failure.exit(error, context: .entities(fromDatabase: snapshot == nil))
        }
    }

    /// The configuration file's settings (or the defaults), with every flag given on top.
    func mergedOptions() throws -> GeneratorOptions {
        var options = try config.map { try GeneratorOptions.load(from: URL(fileURLWithPath: $0)) } ?? GeneratorOptions()
        if !schemas.isEmpty { options.schemas = schemas }
        if !tables.isEmpty { options.tables = Self.names(tables) }
        if !ignoreTables.isEmpty { options.ignoreTables = Self.names(ignoreTables) }
        if let accessLevel { options.accessLevel = accessLevel }
        for pair in typeOverrides.compactMap(Self.split) { options.typeOverrides[pair.0] = pair.1 }
        for pair in columnOverrides.compactMap(Self.split) { options.columnOverrides[pair.0] = pair.1 }
        options.additionalImports += imports
        if optionalArrayElements { options.optionalArrayElements = true }
        return options
    }

    static func split(_ pair: String) -> (String, String)? {
        guard let equals = pair.firstIndex(of: "=") else { return nil }
        let key = pair[..<equals].trimmingCharacters(in: .whitespaces)
        let value = pair[pair.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        return key.isEmpty || value.isEmpty ? nil : (key, value)
    }

    static func names(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

extension GeneratorOptions.AccessLevel: ExpressibleByArgument {}

extension Duration {
    var formattedMilliseconds: String {
        let (seconds, attoseconds) = components
        let milliseconds = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        return String(format: "%.1f ms", milliseconds)
    }
}
