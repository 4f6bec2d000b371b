import Foundation

/// A database holding the synthetic schema of a given size, created once and reused.
enum BenchmarkDatabase {
    static let version = "codegen benchmark schema v1"

    static func prepare(tables: Int, server: String, recreate: Bool) throws -> String {
        let name = "codegen_bench_\(tables)"
        let admin = try SQLSession(server)
        let marker = "\(version), \(tables) tables"
        let existing = try admin.execute("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '\(name)'")
        let url = replacingDatabase(in: server, with: name)
        if existing == marker, !recreate { return url }
        try admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        try admin.execute("CREATE DATABASE \(name)")
        let clock = ContinuousClock()
        let start = clock.now
        let session = try SQLSession(url)
        for batch in SyntheticSchema.batches(tables: tables) {
            try session.execute("BEGIN; \(batch) COMMIT;")
        }
        try admin.execute("COMMENT ON DATABASE \(name) IS '\(marker)'")
        progress("created \(tables) tables in \(format((clock.now - start).milliseconds))")
        return url
    }

    static func replacingDatabase(in url: String, with name: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.path = "/\(name)"
        return components.string ?? url
    }
}
