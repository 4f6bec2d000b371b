import EntityGenerator
import Foundation
import MigrationEngine

/// `codegen migrate init` and `codegen migrate generate`: the files of a migrations target.
///
/// The target is a library (`Migrator.all`, for running migrations at start-up) plus a `migrate`
/// executable beside it. New migrations are registered between two marker comments in
/// `Migrator.swift`; registration checks every line between them and changes nothing when it
/// cannot register safely, so a registry edited by hand is never corrupted.
public struct MigrationScaffold: Sendable {
    /// The migrations library folder, such as `Sources/Migrations`.
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory.standardizedFileURL
    }

    public var moduleName: String { directory.lastPathComponent }
    public var registry: URL { directory.appendingPathComponent(Self.registryFileName) }
    /// Where `generate --sql` writes in a Swift migrations target: its `SQL` subfolder.
    public var sqlDirectory: URL { directory.appendingPathComponent(Self.sqlFolderName) }

    /// The registry's file name: its presence makes a folder a Swift migrations target.
    public static let registryFileName = "Migrator.swift"
    /// The subfolder of a Swift migrations target that holds its SQL migrations.
    public static let sqlFolderName = "SQL"
    public var runnerDirectory: URL { directory.deletingLastPathComponent().appendingPathComponent("migrate") }

    static let startMarker = "// codegen:migrations:start"
    static let endMarker = "// codegen:migrations:end"

    /// A problem that leaves every file as it was; the message says what to do.
    public struct Problem: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    /// Creates the registry and the runner executable, and a first migration only when
    /// `firstMigration` names one; returns the lines to add to `Package.swift`, which depend on
    /// the package that holds this project as the manifest at `packageDirectory` names it.
    @discardableResult
    public func initialize(now: Date = Date(), firstMigration: String? = nil, packageDirectory: URL? = nil) throws -> String {
        guard Self.isIdentifier(moduleName) else {
            throw Problem(description: "the folder name \"\(moduleName)\" is not a valid Swift module name: choose a folder such as Sources/Migrations with -d")
        }
        if let firstMigration, !Self.isMigrationName(firstMigration) {
            throw Problem(
                description: "\"\(firstMigration)\" is not a valid migration name: use letters, digits and underscores, "
                    + "starting with a letter (e.g. create_users)")
        }
        let manager = FileManager.default
        if manager.fileExists(atPath: registry.path) {
            throw Problem(description: "\(registry.path) already exists: add migrations with `codegen migrate generate NAME -d \(directory.path)`")
        }
        let runner = runnerDirectory.appendingPathComponent("main.swift")
        if manager.fileExists(atPath: runner.path) {
            throw Problem(description: "\(runner.path) already exists: move it, or use another folder with -d")
        }
        let first = try firstMigration.map { try newMigration(name: $0, now: now, localTime: false, existing: []) }
        let registryText = """
            import EntityKitMigrations

            /// Every Swift migration of this package, in the order they run.
            ///
            /// `codegen migrate generate` adds a line between the markers; keep one `Type(),` per line
            /// there. Everything outside the markers is yours. SQL migrations (`generate --sql`) live
            /// in the `\(Self.sqlFolderName)` folder beside this file: `migrate` applies both kinds, ordered
            /// by version; an app adds them with `SQLFileMigration.all(in:)`.
            public enum Migrator {
                public static let all: [any Migration] = [
                    \(Self.startMarker)
            \(first.map { "        \($0.typeName)(),\n" } ?? "")        \(Self.endMarker)
                ]
            }

            """
        let runnerText = """
            import EntityKitMigrationsCLI
            import Foundation
            import \(moduleName)

            // `swift run migrate up|down|status|fresh|refresh|reset [-n N] [-u DATABASE_URL]`, with the
            // SQL migrations of \(moduleName)/\(Self.sqlFolderName) (this is a development tool, run from the package).
            // It applies them through libpq, so it builds in seconds: no SwiftNIO, no PostgresNIO.
            let sqlFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("\(moduleName)/\(Self.sqlFolderName)")
            exit(await MigrationCommandLine.run(Migrator.all, sqlDirectory: sqlFolder))

            """
        var files = [(registry, registryText), (runner, runnerText)]
        if let first { files.insert((directory.appendingPathComponent(first.fileName), first.source), at: 1) }
        try write(files)
        let package = packageDirectory.flatMap(PackageIdentity.ofThisProject(inPackageAt:)) ?? PackageIdentity.defaultIdentity
        return """
            .target(name: "\(moduleName)", dependencies: [.product(name: "EntityKitMigrations", package: "\(package)")], exclude: ["\(Self.sqlFolderName)"]),
            .executableTarget(name: "migrate", dependencies: ["\(moduleName)", .product(name: "EntityKitMigrationsCLI", package: "\(package)")]),
            """
    }

    /// Creates a folder for SQL migrations only, which `codegen migrate` applies with no build.
    public func initializeSQL() throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: registry.path) {
            throw Problem(
                description: "\(directory.path) is a Swift migrations target: "
                    + "add SQL migrations with `codegen migrate generate NAME --sql -d \(directory.path)`")
        }
        if let existing = try? manager.contentsOfDirectory(atPath: directory.path), existing.contains(where: { $0.hasSuffix(".sql") }) {
            throw Problem(
                description: "\(directory.path) already holds SQL migrations: add one with `codegen migrate generate NAME --sql -d \(directory.path)`")
        }
        do {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw Problem(description: "cannot create \(directory.path): check the path and its permissions")
        }
    }

    /// Writes `VERSION.up.sql` and `VERSION.down.sql`, in the folder itself or, for a Swift
    /// migrations target, in its `SQL` subfolder; returns the up file.
    @discardableResult
    public func generateSQL(name: String, now: Date = Date(), localTime: Bool = false) throws -> URL {
        guard Self.isMigrationName(name) else {
            throw Problem(
                description: "\"\(name)\" is not a valid migration name: use letters, digits and underscores, starting with a letter (e.g. add_users_table)")
        }
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: directory.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw Problem(
                description: "no migrations folder at \(directory.path): "
                    + "run `codegen migrate init --sql -d \(directory.path)` first, or pass the folder with -d")
        }
        let folder = manager.fileExists(atPath: registry.path) ? sqlDirectory : directory
        let migration = try newMigration(name: name, now: now, localTime: localTime, existing: existingNames())
        let words = name.replacingOccurrences(of: "_", with: " ")
        let title = words.prefix(1).uppercased() + words.dropFirst()
        let up = folder.appendingPathComponent(migration.version + SQLMigrationFile.upSuffix)
        let down = folder.appendingPathComponent(migration.version + SQLMigrationFile.downSuffix)
        try write([
            (up, "-- \(title).\n-- Runs in a transaction of its own; put `-- no-transaction` first for CREATE INDEX CONCURRENTLY.\n\n"),
            (down, "-- Undoes \(migration.version + SQLMigrationFile.upSuffix), in reverse order.\n\n"),
        ])
        return up
    }

    /// Every file name in the folder and its SQL subfolder: versions must stay unique across both.
    private func existingNames() -> [String] {
        let manager = FileManager.default
        return ((try? manager.contentsOfDirectory(atPath: directory.path)) ?? []) + ((try? manager.contentsOfDirectory(atPath: sqlDirectory.path)) ?? [])
    }

    /// Writes `mYYYYMMDD_HHMMSS_name.swift` and registers it; returns the new file.
    @discardableResult
    public func generate(name: String, now: Date = Date(), localTime: Bool = false) throws -> URL {
        guard Self.isMigrationName(name) else {
            throw Problem(
                description: "\"\(name)\" is not a valid migration name: use letters, digits and underscores, starting with a letter (e.g. add_users_table)")
        }
        guard let registryText = try? String(contentsOf: registry, encoding: .utf8) else {
            throw Problem(
                description: "no migrations registry at \(registry.path): "
                    + "run `codegen migrate init -d \(directory.path)` first, or pass the migrations folder with -d")
        }
        var lines = registryText.components(separatedBy: "\n")
        let (start, end) = try markerLines(in: lines)
        let migration = try newMigration(name: name, now: now, localTime: localTime, existing: existingNames())
        let indentation = String(lines[end].prefix { $0 == " " || $0 == "\t" })
        let registered = lines[(start + 1)..<end].map { $0.trimmingCharacters(in: .whitespaces) }
        if registered.contains("\(migration.typeName)(),") || registered.contains("\(migration.typeName)()") {
            throw Problem(description: "\(migration.typeName) is already registered")
        }
        lines.insert("\(indentation)\(migration.typeName)(),", at: end)
        let file = directory.appendingPathComponent(migration.fileName)
        try write([(file, migration.source), (registry, lines.joined(separator: "\n"))])
        return file
    }

    // MARK: - Internals

    struct NewMigration {
        var version: String
        var fileName: String
        var typeName: String
        var source: String
    }

    private func newMigration(name: String, now: Date, localTime: Bool, existing: [String]) throws -> NewMigration {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = localTime ? .current : TimeZone(identifier: "UTC")!
        // Two migrations made in the same second get consecutive seconds: names stay unique
        // and keep the order they were made in.
        var moment = now
        var stamp = Self.stamp(moment, calendar: calendar)
        while existing.contains(where: { $0.hasPrefix("m\(stamp.date)_\(stamp.time)_") }) {
            moment = moment.addingTimeInterval(1)
            stamp = Self.stamp(moment, calendar: calendar)
        }
        let version = "m\(stamp.date)_\(stamp.time)_\(name)"
        let typeName = "M\(stamp.date)_\(stamp.time)_" + name.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        let words = name.replacingOccurrences(of: "_", with: " ")
        let source = """
            import EntityKitMigrations

            /// \(words.prefix(1).uppercased() + words.dropFirst()).
            struct \(typeName): Migration {
                let name = "\(version)"

                var up: [any MigrationStep] {
                    // CreateTable("examples") {
                    //     Column("id", .uuid).primaryKey().default(sql: "gen_random_uuid()")
                    //     Column("title", .text).notNull()
                    // }
                }

                var down: [any MigrationStep] {
                    // DropTable("examples")
                }
            }

            """
        return NewMigration(version: version, fileName: "\(version).swift", typeName: typeName, source: source)
    }

    private static func stamp(_ date: Date, calendar: Calendar) -> (date: String, time: String) {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return ("\(pad(parts.year, 4))\(pad(parts.month, 2))\(pad(parts.day, 2))", "\(pad(parts.hour, 2))\(pad(parts.minute, 2))\(pad(parts.second, 2))")
    }

    /// The marker lines, after checking that everything between them is a registration.
    private func markerLines(in lines: [String]) throws -> (start: Int, end: Int) {
        let starts = lines.indices.filter { lines[$0].trimmingCharacters(in: .whitespaces) == Self.startMarker }
        let ends = lines.indices.filter { lines[$0].trimmingCharacters(in: .whitespaces) == Self.endMarker }
        guard starts.count == 1, ends.count == 1, let start = starts.first, let end = ends.first, start < end else {
            throw Problem(
                description: "cannot register the migration safely: \(registry.lastPathComponent) must contain `\(Self.startMarker)` and `\(Self.endMarker)` "
                    + "once each, in that order; nothing was changed — add the migration to the list yourself")
        }
        for index in (start + 1)..<end {
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("//") { continue }
            let call = line.hasSuffix(",") ? String(line.dropLast()) : line
            guard call.hasSuffix("()"), Self.isIdentifier(String(call.dropLast(2))) else {
                throw Problem(
                    description: "cannot register the migration safely: line \(index + 1) of \(registry.lastPathComponent) "
                        + "between the markers is not `TypeName(),`; nothing was changed — add the migration to the list yourself")
            }
        }
        return (start, end)
    }

    /// Writes every file or none, as one ``FileTransaction`` rooted at the folder that holds
    /// them all, so a killed run leaves either no change or every change.
    private func write(_ files: [(URL, String)]) throws {
        let targets = files.map { $0.0.standardizedFileURL }
        let root = Self.commonFolder(of: targets)
        do {
            let transaction = try FileTransaction(root: root)
            var writes: [(file: FileTransaction.StagedFile, target: String)] = []
            for (index, (target, text)) in zip(targets, files.map(\.1)).enumerated() {
                let relative = String(target.path.dropFirst(root.path.count).drop { $0 == "/" })
                writes.append((try transaction.stage(Data(text.utf8), slot: index), relative))
            }
            try transaction.commit(writes: writes, removals: [])
        } catch {
            throw Problem(description: "\(String(describing: error).replacingOccurrences(of: "; nothing was written", with: "")); nothing was changed")
        }
    }

    /// The deepest folder that contains every file in `files`.
    static func commonFolder(of files: [URL]) -> URL {
        var common = files[0].deletingLastPathComponent().pathComponents
        for file in files.dropFirst() {
            let components = file.deletingLastPathComponent().pathComponents
            common = Array(zip(common, components).prefix { $0 == $1 }.map(\.0))
        }
        return URL(fileURLWithPath: NSString.path(withComponents: common.isEmpty ? ["/"] : common))
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || CharacterSet.letters.contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || CharacterSet.alphanumerics.contains($0) } && text.unicodeScalars.allSatisfy(\.isASCII)
    }

    static func isMigrationName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, CharacterSet.letters.contains(first), first.isASCII else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "_" || CharacterSet.alphanumerics.contains($0)) }
    }
}
