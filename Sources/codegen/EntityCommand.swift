import ArgumentParser
import CodegenCore
import EntityGenerator
import Foundation

struct EntityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entity",
        abstract: "Generate entity files from a live database, a snapshot, or the package's migrations.")

    @OptionGroup var source: SchemaSourceOptions

    @Option(name: [.customShort("o"), .customLong("output-dir")], help: ArgumentHelp("The folder to write the Swift files to.", valueName: "dir"))
    var outputDirectory: String

    @OptionGroup var generator: GeneratorFlags

    @Flag(help: "Generate even when no table or view is found (writes only the prelude and removes earlier entities).")
    var allowEmpty = false

    @Flag(help: "Write nothing; list what would change and exit 1 if anything would.")
    var check = false

    @Flag(help: "Print how long each stage took.")
    var verbose = false

    func run() throws {
        if !check { InterruptCleanup.installHandlers() }
        do {
            let job = GenerationJob(source: try source.source(), options: try generator.options(),
                                    outputDirectory: URL(fileURLWithPath: outputDirectory), checkOnly: check, allowEmpty: allowEmpty)
            let report = try job.run()
            for diagnostic in report.diagnostics { StandardError.print(diagnostic.description) }
            if verbose { Timings.print(report.timings, statements: report.statements) }
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
            Failure.exit(error, context: .entities(fromDatabase: source.readsLiveDatabase))
        }
    }
}

/// `--verbose` output.
enum Timings {
    static func print(_ timings: [StageTiming], statements: Int) {
        for timing in timings { StandardError.print("time: \(timing.stage): \(timing.duration.formattedMilliseconds)") }
        if statements > 0 { StandardError.print("statements sent: \(statements)") }
        if let peak = PeakMemory.megabytes { StandardError.print(String(format: "peak resident size: %.0f MB", peak)) }
    }
}

extension Duration {
    var formattedMilliseconds: String {
        let (seconds, attoseconds) = components
        let milliseconds = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        return String(format: "%.1f ms", milliseconds)
    }
}
