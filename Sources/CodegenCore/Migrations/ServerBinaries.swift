import Foundation

/// The PostgreSQL server programs a throwaway cluster needs (`initdb`, `pg_ctl`, `postgres`),
/// found where installations put them.
struct ServerBinaries: Sendable {
    let folder: String

    var initdb: String { folder + "/initdb" }
    var pgCtl: String { folder + "/pg_ctl" }

    /// Places searched, in order, for messages.
    static let searchedPlaces = "pg_config --bindir, /usr/lib/postgresql/*/bin, Homebrew's postgresql@* and PATH"

    /// The first folder that holds all three: `pg_config --bindir`, then Debian's
    /// `/usr/lib/postgresql/VERSION/bin` (newest version first), then Homebrew's, then PATH.
    static func find() -> ServerBinaries? {
        candidates().lazy.map(ServerBinaries.init).first(where: \.isComplete)
    }

    var isComplete: Bool {
        [initdb, pgCtl, folder + "/postgres"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private static func candidates() -> [String] {
        var folders: [String] = []
        if let pgConfig = ChildProcess.which("pg_config"),
           let outcome = try? ChildProcess(executable: pgConfig, arguments: ["--bindir"]).run(), outcome.succeeded {
            folders.append(outcome.output.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let debian = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: debian)) ?? [])
            .sorted { $0.compare($1, options: .numeric) == .orderedDescending }
        folders += versions.map { "\(debian)/\($0)/bin" }
        for prefix in ["/opt/homebrew/opt", "/usr/local/opt"] {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: prefix)) ?? [])
                .filter { $0.hasPrefix("postgresql") }
                .sorted { $0.compare($1, options: .numeric) == .orderedDescending }
            folders += names.map { "\(prefix)/\($0)/bin" }
        }
        if let initdb = ChildProcess.which("initdb") {
            folders.append(URL(fileURLWithPath: initdb).resolvingSymlinksInPath().deletingLastPathComponent().path)
        }
        return folders
    }
}
