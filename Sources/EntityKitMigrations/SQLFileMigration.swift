import Foundation
import MigrationEngine

/// A migration written in SQL (`VERSION.up.sql`, `VERSION.down.sql`), beside Swift ones in the
/// same list: an app applies a history that mixes both kinds, ordered by version.
///
/// ```swift
/// let sql = try SQLFileMigration.all(in: Bundle.module.url(forResource: "SQL", withExtension: nil)!)
/// try await MigrationRunner(database: db, migrations: Migrator.all + sql).up()
/// ```
public struct SQLFileMigration: Migration {
    /// The files.
    public let file: SQLMigrationFile

    /// The migration of a pair of files read with `SQLMigrationFile` (MigrationEngine).
    public init(_ file: SQLMigrationFile) {
        self.file = file
    }

    /// Every SQL migration in `folder`, sorted by version.
    ///
    /// - Throws: `SQLMigrationFile.Problem`, naming the file (and line) that cannot be used.
    public static func all(in folder: URL) throws -> [any Migration] {
        try SQLMigrationFile.all(in: folder).map(SQLFileMigration.init)
    }

    public var name: String { file.version }
    public var runsInTransaction: Bool { file.runsInTransaction }
    public var checksum: String { file.checksum }
    public var up: [any MigrationStep] { [SQL(statements: file.up.statements.map(\.text))] }
    public var down: [any MigrationStep] { file.down.map { [SQL(statements: $0.statements.map(\.text))] } ?? [] }
}
