import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The file reads connection resolution makes (`.pgpass`, service files, certificates), behind
/// a protocol so that tests can run without touching the real home folder.
public protocol ConnectionFileSystem: Sendable {
    /// The file's bytes, or `nil` when it does not exist or cannot be read.
    func contents(ofFile path: String) -> Data?
    /// The facts libpq checks before trusting a file, or `nil` when nothing exists at `path`.
    func status(ofFile path: String) -> FileStatus?
}

/// What `stat` says about a file, as far as connection files care.
public struct FileStatus: Sendable, Equatable {
    /// True for a plain file (not a folder, device or socket).
    public var isRegularFile: Bool
    /// The permission bits, such as `0o600`.
    public var permissions: UInt16

    /// A status with the given facts.
    public init(isRegularFile: Bool, permissions: UInt16) {
        self.isRegularFile = isRegularFile
        self.permissions = permissions
    }
}

/// The machine's real file system.
public struct LocalFileSystem: ConnectionFileSystem {
    /// The real file system.
    public init() {}

    /// The file's bytes, read with `FileManager`.
    public func contents(ofFile path: String) -> Data? {
        FileManager.default.contents(atPath: path)
    }

    /// The file's type and permission bits, from `stat` (which follows symbolic links, as libpq's does).
    public func status(ofFile path: String) -> FileStatus? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let type = UInt32(info.st_mode) & UInt32(S_IFMT)
        return FileStatus(isRegularFile: type == UInt32(S_IFREG), permissions: UInt16(UInt32(info.st_mode) & 0o7777))
    }
}
