import EntityKitPostgres
import Foundation
import Logging
import PostgresNIO

// runtime-benchmark: the generated runtime against hand-written PostgresNIO code, on a throwaway
// server. Run it with `scripts/benchmark-runtime` (release build, allocation counting preloaded).
//
//   runtime-benchmark [--rows 10000,100000] [--passes 9] [--only decode,e2e,insert,eager,prepared,conformances,observability]

/// Progress goes to stderr, unbuffered; the report goes to stdout.
func progress(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

struct Options {
    var rows = [10_000, 100_000]
    var passes = 9
    var sections: Set<String> = ["decode", "e2e", "insert", "eager", "prepared", "conformances", "observability"]

    init(_ arguments: [String]) throws {
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--rows":
                guard let list = remaining.popFirst() else { throw BenchmarkError("--rows takes a list such as 10000,100000") }
                rows = list.split(separator: ",").compactMap { Int($0) }
            case "--passes":
                guard let text = remaining.popFirst(), let value = Int(text), value > 0 else { throw BenchmarkError("--passes takes a positive number") }
                passes = value
            case "--only":
                guard let list = remaining.popFirst() else { throw BenchmarkError("--only takes a list such as decode,insert") }
                sections = Set(list.split(separator: ",").map(String.init))
            default: throw BenchmarkError("unknown argument \(argument)")
            }
        }
    }
}

func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "unknown"
}

func main() async throws {
    let options = try Options(Array(CommandLine.arguments.dropFirst()))
    guard let server = ProcessInfo.processInfo.environment["DATABASE_URL"] else {
        throw BenchmarkError("set DATABASE_URL to a server where the benchmark may create databases, or run scripts/benchmark-runtime")
    }
    progress("creating the benchmark databases…")
    let urls = try BenchmarkSetup.prepare(server: server, rows: options.rows.max() ?? 10_000)
    let logger = Logger.entityKitSilent
    let connection = try await PostgresConnection.connect(
        configuration: try PostgresConnection.Configuration(connectionString: urls.tables), id: 1, logger: logger)
    let version = try await connection.query("SHOW server_version", logger: logger).collect().first?.decode(String.self) ?? "?"
    var report = RuntimeReport()
    report.header = [
        "",
        "runtime-benchmark: PostgreSQL \(version) on loopback, \(isRelease ? "release" : "DEBUG") build, \(ProcessInfo.processInfo.activeProcessorCount) cores",
        "load average at start: \(loadAverage())",
    ]
    if options.sections.contains("decode") {
        try await DecodeBenchmark(connection: connection, passes: options.passes).run(rows: options.rows, into: &report)
    }
    if options.sections.contains("e2e") {
        try await EndToEndBenchmark(connection: connection, passes: options.passes).run(rows: options.rows, into: &report)
    }
    if options.sections.contains("insert") {
        try await InsertBenchmark(connection: connection, passes: options.passes).run(into: &report)
    }
    if options.sections.contains("prepared") {
        try await PreparedBenchmark(url: urls.tables, connection: connection, passes: options.passes).run(into: &report)
    }
    if options.sections.contains("observability") {
        try await ObservabilityBenchmark(url: urls.tables, passes: options.passes).run(into: &report)
    }
    if options.sections.contains("conformances") {
        try await ConformanceBenchmark(connection: connection, passes: options.passes).run(rows: options.rows.min() ?? 10_000, into: &report)
    }
    try await connection.close()
    if options.sections.contains("eager") {
        let reference = try await PostgresConnection.connect(
            configuration: try PostgresConnection.Configuration(connectionString: urls.reference), id: 2, logger: logger)
        try await EagerLoadingBenchmark(connection: reference, passes: options.passes).run(into: &report)
        try await reference.close()
    }
    report.header.append("load average at end: \(loadAverage())")
    report.print(passes: options.passes)
    if !Measure.countsAllocations {
        print("\n(allocations not counted: run through scripts/benchmark-runtime, which preloads malloc-interposer)")
    }
}

let isRelease: Bool = {
    #if DEBUG
    false
    #else
    true
    #endif
}()

do {
    try await main()
} catch {
    FileHandle.standardError.write(Data("error: \(String(reflecting: error))\n".utf8))
    exit(1)
}
