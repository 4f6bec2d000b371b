import ArgumentParser
import CodegenCore
import Foundation

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare a live database with a snapshot; exit 1 when they differ.",
        discussion: "Lines read `+` (in the database, not in the snapshot), `-` (in the snapshot only) and `~` (changed).")

    @OptionGroup var connection: ConnectionOptions

    @Option(help: ArgumentHelp("The snapshot to compare with.", valueName: "file"))
    var snapshot: String

    @Option(name: [.customShort("s"), .customLong("schema")], help: ArgumentHelp("A schema to compare (default: the snapshot's schemas).", valueName: "schema"))
    var schemas: [String] = []

    func run() throws {
        do {
            let changes = try DiffJob(target: try connection.target(), snapshotFile: URL(fileURLWithPath: snapshot), schemas: schemas).run()
            guard !changes.isEmpty else {
                print("The database matches \(snapshot).")
                return
            }
            print("The database differs from \(snapshot) (\(changes.count) \(changes.count == 1 ? "difference" : "differences")):")
            for change in changes { print(change.description) }
            throw ExitCode(1)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Failure.exit(error)
        }
    }
}
