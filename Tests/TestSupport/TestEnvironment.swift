import Foundation

/// Where the tests find their database server, the package and the shared public schemas.
public enum TestEnvironment {
    /// The package's root folder.
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// The server tests create their databases on: `DATABASE_URL`, which `scripts/test` points
    /// at a throwaway cluster.
    public static var serverURL: String? {
        ProcessInfo.processInfo.environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// True on CI, where a missing database is a failure rather than a reason to skip.
    public static var isCI: Bool {
        ProcessInfo.processInfo.environment["CI"] == "true"
    }

    /// Live tests run when there is a server, and always on CI (where they fail without one).
    public static var runsLiveTests: Bool { serverURL != nil || isCI }

    public static let liveTestsSkipReason = "no DATABASE_URL: run scripts/test, or set DATABASE_URL to a server where tests may create databases"

    /// `../shared/schemas`, the public sample schemas, when present.
    public static var sharedSchemas: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/schemas")
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("load").path) ? url : nil
    }

    public static var runsSharedSchemaTests: Bool { runsLiveTests && (sharedSchemas != nil || isCI) }

    public static let sharedSchemasSkipReason = "../shared/schemas is missing (or no DATABASE_URL): the public sample schemas are not available here"

    /// The names of every shared schema.
    public static var sharedSchemaNames: [String] {
        guard let folder = sharedSchemas,
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory) && isDirectory.boolValue
        }.sorted()
    }
}
