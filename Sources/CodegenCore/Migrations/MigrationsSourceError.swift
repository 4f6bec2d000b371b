import CatalogIntrospection

/// Why `--from-migrations` could not produce a schema. Cases carry facts; `description` is one
/// line that says what to do, naming no flag (the command line words flags itself).
public enum MigrationsSourceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No folder with initdb, pg_ctl and postgres.
    case noServerBinaries(searched: String)
    /// Running as root, PostgreSQL needs another user to run as.
    case rootWithoutPostgresUser
    /// A step of starting the throwaway cluster failed.
    case clusterFailed(step: String, detail: String)
    /// The shadow server's URL is not a postgres:// URL.
    case shadowURLNotAURL
    /// Creating the scratch database on the shadow server failed.
    case shadowDatabaseFailed(server: String, problem: IntrospectionError)
    /// `swift build` of the migrations executable failed.
    case buildFailed(executable: String, package: String, detail: String)
    /// The migrations executable ran and failed: `detail` is its own error line, which names
    /// the failing migration.
    case migrationsFailed(executable: String, detail: String)
    /// A SQL migrations folder holds a file the engine cannot use: `detail` names it.
    case sqlMigrationsInvalid(String)
    /// Applying a folder's SQL migrations failed: `detail` names the migration, file and line.
    case sqlMigrationsFailed(folder: String, detail: String)

    public var description: String {
        switch self {
        case let .noServerBinaries(searched):
            return "no PostgreSQL server programs (initdb, pg_ctl, postgres) found in \(searched): "
                + "install the PostgreSQL server (apt-get install postgresql, brew install postgresql), "
                + "or use an existing server for the scratch database"
        case .rootWithoutPostgresUser:
            return "running as root, but PostgreSQL refuses to run as root and there is no postgres user (with runuser) to run it as: "
                + "create one (useradd --system postgres), run codegen as another user, "
                + "or use an existing server for the scratch database"
        case let .clusterFailed(step, detail):
            return "cannot start a throwaway PostgreSQL (\(step): \(detail)): "
                + "check the PostgreSQL installation, or use an existing server for the scratch database"
        case .shadowURLNotAURL:
            return "the shadow database server must be a postgres://USER:PASSWORD@HOST:PORT/DATABASE URL, "
                + "because the migrations executable connects with PostgresNIO"
        case let .shadowDatabaseFailed(server, problem):
            return "cannot create a scratch database on \(server): \(problem)"
        case let .buildFailed(executable, package, detail):
            return "the migrations executable \(executable) in \(package) does not build (\(detail)): fix it, or name the right executable"
        case let .migrationsFailed(executable, detail):
            return "applying the migrations with \(executable) failed: \(detail); nothing was written"
        case let .sqlMigrationsInvalid(detail):
            return "\(detail); nothing was written"
        case let .sqlMigrationsFailed(folder, detail):
            return "applying the SQL migrations in \(folder) failed: \(detail); nothing was written"
        }
    }
}
