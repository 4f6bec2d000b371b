import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything outside the connection string that libpq consults: `PG*` variables, the home
/// folder (for `~/.pgpass`, `~/.pg_service.conf`, `~/.postgresql/root.crt`), the operating
/// system user (the default user name) and the files themselves.
///
/// ``current`` is the running process's; tests build their own so that nothing they do
/// depends on the machine.
public struct ConnectionEnvironment: Sendable {
    /// Environment variables, such as `PGHOST` and `PGPASSFILE`.
    public var variables: [String: String]
    /// The home folder: `HOME`, else the user database's entry (as libpq does).
    public var homeDirectory: String?
    /// The operating system user, libpq's default for `user`.
    public var userName: String?
    /// Where files are read.
    public var fileSystem: any ConnectionFileSystem
    /// Folders to look for the server's socket in when no host is given, in order. libpq uses
    /// the one folder it was built with (`/var/run/postgresql` on Debian and Ubuntu, `/tmp`
    /// elsewhere); the first folder here that holds the socket for the port is used, else the
    /// first folder.
    public var socketDirectories: [String]
    /// The folder of the system-wide `pg_service.conf` when `PGSYSCONFDIR` is not set.
    public var systemConfigurationDirectory: String

    /// An environment with the given parts; `homeDirectory` defaults to `variables["HOME"]`.
    public init(
        variables: [String: String],
        homeDirectory: String? = nil,
        userName: String? = nil,
        fileSystem: any ConnectionFileSystem = LocalFileSystem(),
        socketDirectories: [String] = ["/var/run/postgresql", "/tmp"],
        systemConfigurationDirectory: String = "/etc/postgresql-common"
    ) {
        self.variables = variables
        self.homeDirectory = homeDirectory ?? variables["HOME"].flatMap { $0.isEmpty ? nil : $0 }
        self.userName = userName
        self.fileSystem = fileSystem
        self.socketDirectories = socketDirectories
        self.systemConfigurationDirectory = systemConfigurationDirectory
    }

    /// The running process's environment, home folder, user and file system.
    public static var current: ConnectionEnvironment {
        let variables = ProcessInfo.processInfo.environment
        let account = Self.currentAccount()
        let home = variables["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? account.home
        return ConnectionEnvironment(variables: variables, homeDirectory: home, userName: account.name)
    }

    /// The value of a variable, `nil` when unset (an empty value is a value, as for `getenv`).
    public subscript(variable: String) -> String? {
        variables[variable]
    }

    /// `~/name` (such as `.postgresql/root.crt`), when there is a home folder.
    public func pathInHome(_ name: String) -> String? {
        homeDirectory.map { ($0.hasSuffix("/") ? $0 : $0 + "/") + name }
    }

    /// The effective user's name and home folder from the user database, as libpq finds them.
    private static func currentAccount() -> (name: String?, home: String?) {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(geteuid(), &entry, &buffer, buffer.count, &result) == 0, let found = result else {
            return (nil, nil)
        }
        return (found.pointee.pw_name.map { String(cString: $0) }, found.pointee.pw_dir.map { String(cString: $0) })
    }
}
