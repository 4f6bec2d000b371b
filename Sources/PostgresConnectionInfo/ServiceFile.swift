import Foundation

/// Connection service files (`pg_service.conf`), read as libpq reads them:
///
/// ```
/// # comment
/// [myservice]
/// host=db.internal
/// dbname=app
/// ```
///
/// Lines are trimmed; `#` starts a comment line; `keyword=value` has no spaces around `=`
/// (the value keeps everything after it). A group ends at the next `[`. Unknown keywords and
/// `service=` inside a group are errors. LDAP lookups (`ldap://…` lines) are not supported.
///
/// The files searched are `PGSERVICEFILE` (or `~/.pg_service.conf` when it exists), then
/// `pg_service.conf` in `PGSYSCONFDIR` (or the system folder); the first that defines the
/// service wins.
enum ServiceFile {
    /// The settings of `service`, or an error when no file defines it.
    static func settings(of service: String, environment: ConnectionEnvironment, knownKeywords: Set<String>) throws(ConnectionInfoError) -> [String: String] {
        if let explicit = environment["PGSERVICEFILE"] {
            if let found = try group(service, inFile: explicit, mustExist: true, environment: environment, knownKeywords: knownKeywords) {
                return found
            }
        } else if let personal = environment.pathInHome(".pg_service.conf"), environment.fileSystem.status(ofFile: personal) != nil {
            if let found = try group(service, inFile: personal, mustExist: true, environment: environment, knownKeywords: knownKeywords) {
                return found
            }
        }
        let systemFolder = environment["PGSYSCONFDIR"] ?? environment.systemConfigurationDirectory
        let systemFile = systemFolder + "/pg_service.conf"
        if environment.fileSystem.status(ofFile: systemFile) != nil,
           let found = try group(service, inFile: systemFile, mustExist: true, environment: environment, knownKeywords: knownKeywords) {
            return found
        }
        throw .serviceNotFound(service)
    }

    /// The keyword=value lines of `[service]` in `path`, or `nil` when the file has no such group.
    static func group(
        _ service: String, inFile path: String, mustExist: Bool, environment: ConnectionEnvironment, knownKeywords: Set<String>
    ) throws(ConnectionInfoError) -> [String: String]? {
        guard let data = environment.fileSystem.contents(ofFile: path) else {
            throw .serviceFileUnreadable(path: path)
        }
        return try group(service, in: String(decoding: data, as: UTF8.self), path: path, knownKeywords: knownKeywords)
    }

    static func group(_ service: String, in text: String, path: String, knownKeywords: Set<String>) throws(ConnectionInfoError) -> [String: String]? {
        var settings: [String: String]?
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                // The group being read ends at the next group header.
                if settings != nil { break }
                // libpq compares the name and then looks for "]": "[name]" and "[name] # x" match.
                let afterBracket = line.dropFirst()
                if afterBracket.hasPrefix(service), afterBracket.dropFirst(service.count).first == "]" {
                    settings = [:]
                }
                continue
            }
            guard settings != nil else { continue }
            guard let equals = line.firstIndex(of: "=") else { throw .serviceFileSyntax(path: path, line: lineNumber) }
            let keyword = String(line[..<equals])
            let value = String(line[line.index(after: equals)...])
            if keyword == "service" { throw .nestedService(path: path, line: lineNumber) }
            guard knownKeywords.contains(keyword) else { throw .serviceFileSyntax(path: path, line: lineNumber) }
            // The first setting of a keyword in the group wins, as in libpq.
            if settings?[keyword] == nil { settings?[keyword] = value }
        }
        return settings
    }
}
