import Foundation

/// A migration written in SQL: `VERSION.up.sql` and, to be reversible, `VERSION.down.sql`, in a
/// migrations folder. `codegen migrate generate NAME --sql` writes the pair, with a version such as
/// `m20250125_000001_create_users` that orders it among Swift migrations.
///
/// Each file runs in the migration's transaction, statement by statement; a file whose leading
/// comments hold `-- no-transaction` (for `CREATE INDEX CONCURRENTLY`) runs without one. The
/// checksum covers the up file's statements, not its comments or blank lines.
public struct SQLMigrationFile: Sendable, Equatable {
    /// The version: the file name before `.up.sql`.
    public var version: String
    /// The up file.
    public var upFile: URL
    /// The down file, when there is one.
    public var downFile: URL?
    /// The up file's statements.
    public var up: SQLScript
    /// The down file's statements, when there is one.
    public var down: SQLScript?

    /// The up file's suffix.
    public static let upSuffix = ".up.sql"
    /// The down file's suffix.
    public static let downSuffix = ".down.sql"

    /// A problem with the files of a folder; the message names the file and says what to do.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// One line naming the file.
        public var description: String
    }

    /// Reads and checks the pair for `version` in `folder`.
    public init(version: String, upFile: URL, downFile: URL?) throws(Problem) {
        self.version = version
        self.upFile = upFile
        self.downFile = downFile
        up = try Self.script(upFile)
        down = try downFile.map { file throws(Problem) in try Self.script(file) }
    }

    /// Whether the migration runs in a transaction: not when either file opts out.
    public var runsInTransaction: Bool {
        !up.optsOutOfTransaction && !(down?.optsOutOfTransaction ?? false)
    }

    /// The digest recorded when it is applied: the same as a Swift migration whose only step is
    /// `SQL(…)` with these statements.
    public var checksum: String {
        MigrationChecksum.of([up.statements.map(\.text).joined(separator: ";\n")])
    }

    /// The migration as the engine runs it.
    public var planned: PlannedMigration {
        let version = version
        let downScript: MigrationScript
        if let down, let downFile {
            downScript = Self.script(down, file: downFile)
        } else {
            downScript = MigrationScript(preview: []) { _ in
                throw Problem(description: "\(version) has no \(version)\(Self.downSuffix), so it cannot be rolled back: write one, then run down again")
            }
        }
        return PlannedMigration(name: version, checksum: checksum, runsInTransaction: runsInTransaction,
                                up: Self.script(up, file: upFile), down: downScript)
    }

    /// Every SQL migration in `folder`, sorted by version; none when the folder has no `.sql` files.
    ///
    /// - Throws: ``Problem`` for a down file without its up file, a file that cannot be read,
    ///   or one the engine cannot run (naming the file and line).
    public static func all(in folder: URL) throws(Problem) -> [SQLMigrationFile] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw Problem(description: "cannot read the migrations folder \(folder.path): check that it exists")
        }
        let ups = Set(names.filter { $0.hasSuffix(upSuffix) }.map { String($0.dropLast(upSuffix.count)) })
        let downs = Set(names.filter { $0.hasSuffix(downSuffix) }.map { String($0.dropLast(downSuffix.count)) })
        if let orphan = downs.subtracting(ups).sorted().first {
            throw Problem(description: "\(orphan)\(downSuffix) has no \(orphan)\(upSuffix) in \(folder.path): add the up file or remove the down file")
        }
        if let stray = names.filter({ $0.hasSuffix(".sql") && !$0.hasSuffix(upSuffix) && !$0.hasSuffix(downSuffix) }).sorted().first {
            throw Problem(
                description: "\(stray) in \(folder.path) is neither VERSION\(upSuffix) nor VERSION\(downSuffix): "
                    + "rename it, or move it out of the migrations folder")
        }
        var files: [SQLMigrationFile] = []
        for version in ups.sorted() {
            let up = folder.appendingPathComponent(version + upSuffix)
            let down = downs.contains(version) ? folder.appendingPathComponent(version + downSuffix) : nil
            files.append(try SQLMigrationFile(version: version, upFile: up, downFile: down))
        }
        return files
    }

    private static func script(_ file: URL) throws(Problem) -> SQLScript {
        guard let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8) else {
            throw Problem(description: "cannot read \(file.path) as UTF-8 text")
        }
        do {
            return try SQLScript(parsing: text)
        } catch {
            throw Problem(description: "\(file.lastPathComponent), \(error)")
        }
    }

    /// Runs the statements one by one; a failure names the file and the line the server points at.
    private static func script(_ script: SQLScript, file: URL) -> MigrationScript {
        let name = file.lastPathComponent
        return MigrationScript(preview: script.statements.map { $0.text + ";" }) { session in
            for statement in script.statements {
                do {
                    try await session.execute(statement.text)
                } catch {
                    let failure = session.failure(of: error)
                    let line = failure.position.map { statement.line(atPosition: $0) } ?? statement.line
                    throw Problem(description: "\(name), line \(line): \(failure.message)")
                }
            }
        }
    }
}
