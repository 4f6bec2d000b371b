import Foundation
import PostgresConnectionInfo

/// Files for hermetic tests: path → (contents, permissions).
struct InMemoryFileSystem: ConnectionFileSystem {
    var files: [String: (contents: String, permissions: UInt16)] = [:]
    var folders: Set<String> = []

    func contents(ofFile path: String) -> Data? {
        files[path].map { Data($0.contents.utf8) }
    }

    func status(ofFile path: String) -> FileStatus? {
        if let file = files[path] { return FileStatus(isRegularFile: true, permissions: file.permissions) }
        if folders.contains(path) { return FileStatus(isRegularFile: false, permissions: 0o700) }
        return nil
    }
}

extension ConnectionEnvironment {
    /// An environment that sees only `variables` and `files`, for user `alice` with home `/home/alice`.
    static func hermetic(_ variables: [String: String] = [:], files: [String: (String, UInt16)] = [:], folders: Set<String> = []) -> ConnectionEnvironment {
        var fileSystem = InMemoryFileSystem()
        for (path, file) in files { fileSystem.files[path] = (file.0, file.1) }
        fileSystem.folders = folders
        return ConnectionEnvironment(
            variables: ["HOME": "/home/alice"].merging(variables) { _, new in new },
            userName: "alice",
            fileSystem: fileSystem,
            socketDirectories: ["/var/run/postgresql", "/tmp"],
            systemConfigurationDirectory: "/etc/postgresql-common")
    }
}
