import ArgumentParser
import CodegenCore
import EntityGenerator
import Foundation

struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Write the schema snapshot (deterministic JSON) that entity generation and the build plugin read.")

    @OptionGroup var connection: ConnectionOptions

    @OptionGroup var migrations: MigrationsOptions

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("The snapshot file to write.", valueName: "file"))
    var output: String

    @Option(name: [.customShort("s"), .customLong("schema")], help: ArgumentHelp(
        "A schema to include; repeat for several (default: public).", valueName: "schema"))
    var schemas: [String] = []

    @Option(help: ArgumentHelp("A codegen.json whose schemas to include (-s overrides it).", valueName: "file"))
    var config: String?

    @Flag(help: "Write nothing; exit 1 if the file is not current.")
    var check = false

    @Flag(help: "Print how long each stage took.")
    var verbose = false

    func validate() throws {
        if migrations.fromMigrations, connection.databaseURL != nil {
            throw ValidationError("pass either -u (a live database) or --from-migrations, not both")
        }
    }

    func run() throws {
        if !check { InterruptCleanup.installHandlers() }
        do {
            let configured = try config.map { try GeneratorOptions.load(from: URL(fileURLWithPath: $0)).schemas } ?? ["public"]
            let source: any SchemaSource = migrations.fromMigrations ? migrations.source : DatabaseSchemaSource(target: try connection.target())
            let job = SnapshotJob(
                source: source,
                schemas: schemas.isEmpty ? configured : schemas,
                outputFile: URL(fileURLWithPath: output),
                checkOnly: check)
            let (changed, timings) = try job.runWithTimings()
            if verbose { Timings.print(timings, statements: 0) }
            if check {
                print(changed ? "\(output) is out of date" : "\(output) is up to date")
                if changed { throw ExitCode(1) }
            } else {
                print(changed ? "wrote \(output)" : "\(output) is up to date")
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Failure.exit(error, context: .snapshotFile)
        }
    }
}
