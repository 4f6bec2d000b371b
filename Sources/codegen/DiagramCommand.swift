import ArgumentParser
import EntityGenerator
import Foundation

struct DiagramCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagram",
        abstract: "Write the entity-relationship diagram of the generated entities as Mermaid (NAME.mmd) and Graphviz (NAME.dot).",
        discussion: """
            Entities show their key and foreign-key columns; relations have the cardinality the generator \
            inferred (one-to-one, one-to-many, many-to-many through junction tables); views are marked. \
            Render the DOT file with Graphviz: dot -Tsvg schema.dot -o schema.svg (or -Tpng).
            """)

    @OptionGroup var source: SchemaSourceOptions

    @Option(name: [.customShort("o"), .customLong("output-dir")], help: ArgumentHelp("The folder to write the two files to.", valueName: "dir"))
    var outputDirectory: String

    @Option(help: ArgumentHelp("The files' base name (default: schema).", valueName: "name"))
    var name = "schema"

    @OptionGroup var generator: GeneratorFlags

    @Flag(help: "Write nothing; list what would change and exit 1 if anything would.")
    var check = false

    @Flag(help: "Print how long each stage took.")
    var verbose = false

    func validate() throws {
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else {
            throw ValidationError("--name takes a plain file name such as schema")
        }
    }

    func run() throws {
        if !check { InterruptCleanup.installHandlers() }
        do {
            let job = DiagramJob(source: try source.source(), options: try generator.options(),
                                 outputDirectory: URL(fileURLWithPath: outputDirectory), name: name, checkOnly: check)
            let report = try job.run()
            for diagnostic in report.diagnostics where diagnostic.severity == .warning { StandardError.print(diagnostic.description) }
            if verbose { Timings.print(report.timings, statements: 0) }
            let summary = "\(report.diagram.entities.count) entities, \(report.diagram.edges.count) relations"
            if check {
                if report.changes.isEmpty {
                    print("\(outputDirectory)/\(name).mmd and .dot are up to date (\(summary))")
                } else {
                    print("\(outputDirectory) is out of date: \(report.changes.summary)")
                    for line in report.changes.lines { print(line) }
                    throw ExitCode(1)
                }
            } else {
                print("\(summary) in \(outputDirectory): \(report.changes.summary)")
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Failure.exit(error, context: .entities(fromDatabase: source.readsLiveDatabase))
        }
    }
}
