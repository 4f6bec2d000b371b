import CatalogIntrospection
import EntityGenerator
import Foundation

/// Where `--from-migrations` applies the migrations: an empty database that exists for one run.
public enum ShadowDatabase: Sendable, Equatable {
    /// A cluster of its own: initdb in a temporary folder, deleted at the end.
    case throwawayCluster
    /// A scratch database created on this server (a postgres:// URL; its database is only
    /// connected to for CREATE and DROP DATABASE) and dropped at the end.
    case server(url: String)

    /// An empty database, and how to remove it.
    final class Provisioned: @unchecked Sendable {
        /// postgres:// with the password: pass it to children through the environment only.
        let url: String
        private let release: @Sendable () -> Void
        private let token: InterruptCleanup.CleanupToken
        private let lock = NSLock()
        private var released = false

        init(url: String, release: @escaping @Sendable () -> Void) {
            self.url = url
            self.release = release
            // A signal must not leave the database (or cluster) behind.
            token = InterruptCleanup.onInterrupt(release)
        }

        deinit { remove() }

        /// Removes the database (or stops and deletes the cluster); safe to call twice.
        func remove() {
            lock.lock()
            defer { lock.unlock() }
            guard !released else { return }
            released = true
            InterruptCleanup.remove(token)
            release()
        }
    }

    /// Checks what can be checked before anything is built or started.
    func validate() throws(MigrationsSourceError) {
        if case let .server(url) = self { _ = try Self.server(url) }
    }

    private static func server(_ url: String) throws(MigrationsSourceError) -> (components: URLComponents, target: ConnectionTarget) {
        guard let components = URLComponents(string: url), let scheme = components.scheme,
              scheme == "postgres" || scheme == "postgresql", components.host != nil,
              let target = try? ConnectionTarget(connectionString: url, source: .argument) else {
            throw .shadowURLNotAURL
        }
        return (components, target)
    }

    /// Creates the empty database (starting a cluster first, for ``throwawayCluster``).
    func provision() throws(MigrationsSourceError) -> Provisioned {
        switch self {
        case .throwawayCluster:
            let cluster = try ThrowawayCluster.start()
            return Provisioned(url: cluster.url) { cluster.stop() }
        case let .server(url):
            let parsed = try Self.server(url)
            var components = parsed.components
            let server = parsed.target
            let name = "codegen_shadow_\(getpid())_\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
            do {
                try ServerCommands.execute("CREATE DATABASE \(ServerCommands.quoted(name)) TEMPLATE template0 ENCODING 'UTF8'", on: server)
            } catch {
                throw .shadowDatabaseFailed(server: server.displayName, problem: error)
            }
            components.path = "/" + name
            return Provisioned(url: components.string ?? url) {
                // FORCE (PostgreSQL 13+) ends connections a killed migration may have left.
                let drop = "DROP DATABASE IF EXISTS \(ServerCommands.quoted(name))"
                if (try? ServerCommands.execute(drop + " WITH (FORCE)", on: server)) == nil {
                    try? ServerCommands.execute(drop, on: server)
                }
            }
        }
    }
}
