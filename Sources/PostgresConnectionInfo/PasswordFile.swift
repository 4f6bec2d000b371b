import Foundation

/// The password file (`~/.pgpass`, or `passfile` / `PGPASSFILE`), read as libpq reads it.
///
/// Each line is `hostname:port:database:username:password`. A field that is exactly `*`
/// matches anything; `\:` and `\\` escape a colon and a backslash. Lines starting with `#`
/// are comments. The first matching line wins. `localhost` matches a connection with no host
/// or through the default socket folder. The file is ignored, with a warning, unless it is a
/// plain file without group or world permissions (`chmod 0600`).
public enum PasswordFile {
    /// The outcome of a lookup.
    public enum Lookup: Sendable, Equatable {
        /// A line matched; its password.
        case found(String)
        /// The file does not exist, or no line matched.
        case notFound
        /// The file exists but libpq would not trust it; the text says why and what to do.
        case ignored(warning: String)
    }

    /// Looks up the password for one host.
    ///
    /// - Parameters:
    ///   - host: the host as given (a name, an address or a socket folder); `localhost` when empty.
    ///   - port: the port as given; `5432` when empty.
    public static func lookup(host: String, port: String, database: String, user: String, file path: String, fileSystem: any ConnectionFileSystem) -> Lookup {
        guard !database.isEmpty, !user.isEmpty, let status = fileSystem.status(ofFile: path) else { return .notFound }
        guard status.isRegularFile else {
            return .ignored(warning: "password file \"\(path)\" is not a plain file: it is ignored")
        }
        guard status.permissions & 0o077 == 0 else {
            return .ignored(warning: "password file \"\(path)\" has group or world access and is ignored: run chmod 0600 \(path)")
        }
        guard let data = fileSystem.contents(ofFile: path) else { return .notFound }
        return lookup(host: host, port: port, database: database, user: user, in: Array(data))
    }

    /// Looks up the password in the file's bytes (no permission check).
    static func lookup(host: String, port: String, database: String, user: String, in contents: [UInt8]) -> Lookup {
        let host = host.isEmpty ? "localhost" : host
        let port = port.isEmpty ? "5432" : port
        let tokens = [host, port, database, user].map { Array($0.utf8) }
        for var line in contents.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            guard line.first != UInt8(ascii: "#") else { continue }
            while let last = line.last, last == UInt8(ascii: "\r") || last == UInt8(ascii: "\n") {
                line.removeLast()
            }
            guard !line.isEmpty else { continue }
            var rest: ArraySlice<UInt8>? = line
            for token in tokens {
                rest = rest.flatMap { matchField($0, token) }
            }
            if let passwordField = rest {
                return .found(unescapedPassword(passwordField))
            }
        }
        return .notFound
    }

    /// If the field at the start of `line` matches `token`, the rest of the line after its colon.
    private static func matchField(_ line: ArraySlice<UInt8>, _ token: [UInt8]) -> ArraySlice<UInt8>? {
        let colon = UInt8(ascii: ":")
        let backslash = UInt8(ascii: "\\")
        if line.starts(with: [UInt8(ascii: "*"), colon]) {
            return line.dropFirst(2)
        }
        var index = line.startIndex
        var tokenIndex = 0
        while index < line.endIndex {
            var escaped = false
            if line[index] == backslash {
                index += 1
                escaped = true
                guard index < line.endIndex else { return nil }
            }
            if line[index] == colon, !escaped, tokenIndex == token.count {
                return line[(index + 1)...]
            }
            guard tokenIndex < token.count, line[index] == token[tokenIndex] else { return nil }
            index += 1
            tokenIndex += 1
        }
        return nil
    }

    /// The password field up to its first unescaped colon, with escapes removed.
    private static func unescapedPassword(_ field: ArraySlice<UInt8>) -> String {
        var output: [UInt8] = []
        var index = field.startIndex
        while index < field.endIndex, field[index] != UInt8(ascii: ":") {
            if field[index] == UInt8(ascii: "\\"), index + 1 < field.endIndex {
                index += 1
            }
            output.append(field[index])
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }
}
