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

    /// The PostgreSQL versions the project supports and tests against; 15 is the reference.
    public static let matrixVersions = [15, 16, 17, 18]

    /// The server of one version of the matrix: `DATABASE_URL_<version>`, which `scripts/test`
    /// (through `scripts/with-postgres-matrix`) points at a throwaway cluster of that version.
    public static func serverURL(version: Int) -> String? {
        ProcessInfo.processInfo.environment["DATABASE_URL_\(version)"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Cross-version tests run when every version has a server, and always on CI.
    public static var runsVersionMatrixTests: Bool {
        matrixVersions.allSatisfy { serverURL(version: $0) != nil } || isCI
    }

    public static let versionMatrixSkipReason = "no DATABASE_URL_15 … DATABASE_URL_18: run scripts/test, or scripts/with-postgres-matrix swift test"

    /// PostgreSQL 18 tests run when there is a PostgreSQL 18 server, and always on CI.
    public static var runsPostgres18Tests: Bool { serverURL(version: 18) != nil || isCI }

    public static let postgres18SkipReason = "no DATABASE_URL_18: run scripts/test, or PG_MATRIX=\"15 18\" scripts/with-postgres-matrix swift test"

    /// True on CI, where a missing database is a failure rather than a reason to skip.
    public static var isCI: Bool {
        ProcessInfo.processInfo.environment["CI"] == "true"
    }

    /// Live tests run when there is a server, and always on CI (where they fail without one).
    public static var runsLiveTests: Bool { serverURL != nil || isCI }

    public static let liveTestsSkipReason = "no DATABASE_URL: run scripts/test, or set DATABASE_URL to a server where tests may create databases"

    /// Tests that run programs (swiftc type-checks, `codegen`, `swift build` of consumer
    /// packages, libpq probes) run in the full lane: with a server (`scripts/test` sets one), on
    /// CI, or with `TEST_LANE=full`. A plain `swift test` is the fast lane: server-free,
    /// process-free tests only.
    public static var runsProcessTests: Bool {
        serverURL != nil || isCI || ProcessInfo.processInfo.environment["TEST_LANE"] == "full"
    }

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
