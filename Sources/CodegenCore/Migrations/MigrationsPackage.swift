import Foundation
import MigrationEngine

/// The package whose migrations executable `--from-migrations` builds and runs: the `migrate`
/// executable that `codegen migrate init` scaffolds, unless told otherwise.
public struct MigrationsPackage: Sendable, Equatable {
    public var packagePath: String
    public var executable: String
    /// `swift build --scratch-path`, when not the package's own `.build`.
    public var scratchPath: String?
    /// The schema the runner keeps its tracking table in (`migrate --schema`).
    public var trackingSchema: String

    public init(packagePath: String = ".", executable: String = "migrate", scratchPath: String? = nil, trackingSchema: String = "public") {
        self.packagePath = packagePath
        self.executable = executable
        self.scratchPath = scratchPath
        self.trackingSchema = trackingSchema
    }

    /// The tracking table the runner creates, which is bookkeeping, not schema.
    public static let trackingTable = MigrationEngine.defaultTrackingTable

    private var swiftArguments: [String] {
        ["--package-path", packagePath] + (scratchPath.map { ["--scratch-path", $0] } ?? [])
    }

    /// Builds the executable (incrementally, only its product) and returns its path. SwiftPM's
    /// progress and its warnings about the package's other targets are not shown; a failure is
    /// the first compiler error.
    public func build() throws(MigrationsSourceError) -> String {
        let swift = ChildProcess.which("swift") ?? "swift"
        let built: ChildProcess.Outcome
        do {
            built = try ChildProcess(executable: swift, arguments: ["build"] + swiftArguments + ["--product", executable]).run()
        } catch {
            throw .buildFailed(executable: executable, package: packagePath, detail: error.description)
        }
        guard built.succeeded else {
            throw .buildFailed(executable: executable, package: packagePath, detail: built.firstCompilerError)
        }
        // SwiftPM links `<scratch>/debug` to the debug products; asking it (`--show-bin-path`)
        // costs a second manifest load, seconds on every `codegen migrate` command.
        // Both paths are relative to the working directory, as for `swift build`.
        let scratch = scratchPath.map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? URL(fileURLWithPath: packagePath, isDirectory: true).appendingPathComponent(".build")
        let conventional = scratch.appendingPathComponent("debug").appendingPathComponent(executable).path
        if FileManager.default.isExecutableFile(atPath: conventional) {
            return conventional
        }
        guard let binPath = try? ChildProcess(executable: swift, arguments: ["build"] + swiftArguments + ["--show-bin-path"]).run(),
              binPath.succeeded,
              let folder = binPath.output.split(whereSeparator: \.isNewline).last.map(String.init) else {
            throw .buildFailed(executable: executable, package: packagePath, detail: "swift build --show-bin-path failed")
        }
        return folder + "/" + executable
    }

    /// Applies every migration to the database at `url` (given through `DATABASE_URL`, so the
    /// password never appears in a process listing).
    func applyAll(executablePath: String, url: String, sqlDirectory: URL?) throws(MigrationsSourceError) {
        let outcome: ChildProcess.Outcome
        let sql = sqlDirectory.map { ["--sql-directory", $0.path] } ?? []
        do {
            outcome = try ChildProcess(executable: executablePath, arguments: ["up", "--schema", trackingSchema] + sql,
                                       environment: ["DATABASE_URL": url]).run()
        } catch {
            throw .migrationsFailed(executable: executable, detail: error.description)
        }
        guard outcome.succeeded else {
            var detail = outcome.lastError
            if detail.hasSuffix("; nothing of it was kept") { detail = String(detail.dropLast("; nothing of it was kept".count)) }
            throw .migrationsFailed(executable: executable, detail: detail)
        }
    }
}
