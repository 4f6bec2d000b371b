import CatalogIntrospection
import EntityKitMigrationsCLI
import Foundation
import MigrationEngine

/// A migrations folder as `codegen migrate` and `--from-migrations` find it (`-d`, by default
/// `Sources/Migrations`):
/// - a Swift migrations target (it has the `Migrator.swift` registry): its `migrate` executable
///   applies the Swift migrations, and those of its `SQL` subfolder when there is one;
/// - a folder of SQL migrations only: codegen applies them itself through libpq, with no
///   package build.
public struct MigrationsFolder: Sendable, Equatable {
    /// The folder.
    public let directory: URL

    /// The folder at `path` (relative paths from the working directory).
    public init(_ directory: URL) {
        self.directory = directory.standardizedFileURL
    }

    /// What the folder holds.
    public enum Kind: Sendable, Equatable {
        /// A Swift migrations target; `sqlDirectory` is its `SQL` subfolder, when it exists.
        case swiftTarget(sqlDirectory: URL?)
        /// SQL migrations only.
        case sqlOnly
        /// No such folder.
        case missing
    }

    /// What the folder holds, from its files.
    public var kind: Kind {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isFolder), isFolder.boolValue else { return .missing }
        if FileManager.default.fileExists(atPath: directory.appendingPathComponent(MigrationScaffold.registryFileName).path) {
            let sql = directory.appendingPathComponent(MigrationScaffold.sqlFolderName)
            return .swiftTarget(sqlDirectory: FileManager.default.fileExists(atPath: sql.path) ? sql : nil)
        }
        return .sqlOnly
    }

    /// The SQL migrations, as the engine runs them.
    func sqlMigrations() throws(SQLMigrationFile.Problem) -> [PlannedMigration] {
        try SQLMigrationFile.all(in: directory).map(\.planned)
    }

    /// Performs `command` on the database at `target` with the folder's SQL migrations, and
    /// returns the exit status (after printing what happened, or one error line).
    public func perform(_ command: MigrationCommand, target: ConnectionTarget, schema: String) -> Int32 {
        let migrations: [PlannedMigration]
        do {
            migrations = try sqlMigrations()
        } catch {
            MigrationCommand.printError("\(error.description); nothing was applied")
            return 1
        }
        let session: LibPQSession
        do {
            session = try LibPQSession(target)
        } catch {
            MigrationCommand.printError(error.description)
            return 1
        }
        let engine = MigrationEngine(migrations: migrations, schema: schema)
        let status = try? CallerThreadExecutor.run {
            await command.perform(with: engine, on: LibPQMigrationSession(session: session))
        }
        return status ?? 1
    }

    /// Applies every SQL migration to the (empty) database at `url`, for `--from-migrations`.
    func applyAll(url: String, schema: String) throws(MigrationsSourceError) {
        let migrations: [PlannedMigration]
        do {
            migrations = try sqlMigrations()
        } catch {
            throw .sqlMigrationsInvalid(error.description)
        }
        do {
            let target = try ConnectionTarget(connectionString: url, source: .argument)
            let session = LibPQMigrationSession(session: try LibPQSession(target))
            let engine = MigrationEngine(migrations: migrations, schema: schema)
            _ = try CallerThreadExecutor.run { try await engine.up(on: session) }
        } catch let error as MigrationError {
            var detail = error.description
            if detail.hasSuffix("; nothing of it was kept") { detail = String(detail.dropLast("; nothing of it was kept".count)) }
            throw .sqlMigrationsFailed(folder: directory.path, detail: detail)
        } catch {
            throw .sqlMigrationsFailed(folder: directory.path, detail: String(describing: error))
        }
    }
}
