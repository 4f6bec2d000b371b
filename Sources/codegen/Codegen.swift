import ArgumentParser

@main
struct Codegen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codegen",
        abstract: "Generate Swift entities from a PostgreSQL schema.",
        discussion: """
            Reads a live PostgreSQL catalog (or a committed snapshot of it) and writes one Swift file per \
            table and view, Swift enums for PostgreSQL enums, and a prelude.
            """,
        subcommands: [EntityCommand.self, SnapshotCommand.self, DiagramCommand.self, DiffCommand.self, MigrateCommand.self]
    )
}
