import MigrationEngine

extension Migration {
    /// The migration as the engine runs it, on whatever session applies it: SQL files as
    /// their statements, Swift migrations as their steps in order.
    public var planned: PlannedMigration {
        if let sqlFile = self as? SQLFileMigration {
            return sqlFile.file.planned
        }
        return PlannedMigration(name: name, checksum: checksum, runsInTransaction: runsInTransaction,
                                up: Self.script(up), down: Self.script(down))
    }

    private static func script(_ steps: [any MigrationStep]) -> MigrationScript {
        // Code steps cannot be previewed: `up --dry-run` names them instead.
        let preview = steps.flatMap { step in step is Run ? ["-- \(step.checksumText)"] : step.statements }
        return MigrationScript(preview: preview) { session in
            for step in steps { try await step.run(in: session) }
        }
    }
}
