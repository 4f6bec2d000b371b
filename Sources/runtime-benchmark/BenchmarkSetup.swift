import Foundation

/// Creates the benchmark's two databases on the server of `DATABASE_URL`: one with the
/// every-type table (Tests/Fixtures/round_trip.sql) and the benchmark tables
/// (Tests/Fixtures/benchmark.sql), filled server-side; one with the reference schema
/// (Schema/), for eager loading. Both are dropped and created again on every run.
enum BenchmarkSetup {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    static func prepare(server: String, rows: Int) throws -> (tables: String, reference: String) {
        let tables = replacingDatabase(in: server, with: "runtime_bench_tables")
        let reference = replacingDatabase(in: server, with: "runtime_bench_reference")
        for name in ["runtime_bench_tables", "runtime_bench_reference"] {
            try psql(server, ["-c", "DROP DATABASE IF EXISTS \(name) WITH (FORCE)", "-c", "CREATE DATABASE \(name)"])
        }
        try psql(tables, ["-f", path("Tests/Fixtures/round_trip.sql"), "-f", path("Tests/Fixtures/benchmark.sql"),
                          "-c", fill(rows: rows), "-c", "VACUUM ANALYZE"])
        try run("/usr/bin/env", ["bash", path("scripts/load-reference-schema"), reference])
        return (tables, reference)
    }

    /// `rows` rows in each benchmark table: every column filled, nullable ones NULL in some
    /// rows, text of realistic lengths.
    static func fill(rows: Int) -> String {
        """
        INSERT INTO bench_narrow
        SELECT g, gen_random_uuid(), 'Customer name ' || g, 'code-' || (g % 1000),
               CASE WHEN g % 2 = 0 THEN 'A note about row ' || g END, g % 100000,
               CASE WHEN g % 3 <> 0 THEN g / 7.0 END, g % 2 = 0,
               timestamptz '2025-01-01 00:00:00+00' + g * interval '1 minute',
               CASE WHEN g % 5 = 0 THEN timestamptz '2025-06-01 00:00:00+00' + g * interval '1 second' END
        FROM generate_series(1, \(rows)) g;
        INSERT INTO bench_wide
        SELECT g, gen_random_uuid(), 'Customer name ' || g, 'customer' || g || '@example.com',
               CASE WHEN g % 2 = 0 THEN 'Likes long walks and short queries; row ' || g END, 18 + g % 70,
               CASE WHEN g % 3 <> 0 THEN g / 7.0 END, g % 2 = 0,
               timestamptz '2025-01-01 00:00:00+00' + g * interval '1 minute',
               CASE WHEN g % 4 = 0 THEN timestamptz '2025-06-01 00:00:00+00' + g * interval '1 second' END,
               (g % 30000)::smallint, CASE WHEN g % 2 = 1 THEN g::bigint * 1000003 END, CASE WHEN g % 3 = 0 THEN (g % 50) / 10.0 END,
               CASE WHEN g % 2 = 0 THEN date '1970-01-01' + g % 20000 END,
               CASE WHEN g % 4 = 0 THEN decode(md5(g::text), 'hex') END,
               CASE WHEN g % 3 = 0 THEN ARRAY['swift', 'postgres', 'tag' || (g % 10)] END,
               g % 1000, CASE WHEN g % 5 = 0 THEN gen_random_uuid() END,
               CASE g % 3 WHEN 0 THEN 'active' WHEN 1 THEN 'invited' ELSE 'disabled' END,
               CASE WHEN g % 2 = 1 THEN timestamptz '2025-09-01 00:00:00+00' + g * interval '1 second' END
        FROM generate_series(1, \(rows)) g;
        """
    }

    static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    static func psql(_ url: String, _ arguments: [String]) throws {
        try run("/usr/bin/env", ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url] + arguments)
    }

    static func run(_ executable: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        // The allocation counter is for this process only.
        var environment = ProcessInfo.processInfo.environment
        environment["LD_PRELOAD"] = nil
        environment["DYLD_INSERT_LIBRARIES"] = nil
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchmarkError("\(arguments.prefix(2).joined(separator: " ")) … failed with status \(process.terminationStatus)")
        }
    }

    static func replacingDatabase(in url: String, with name: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.path = "/\(name)"
        return components.string ?? url
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
