import CatalogIntrospection
import EntityGenerator
import Foundation
import SchemaModel

// codegen-benchmark: introspection and generation at 100, 1,000 and 10,000 tables, against the
// floor of reading the catalog. Run it with `scripts/benchmark` (release build, throwaway server).
//
//   codegen-benchmark [--sizes 100,1000,10000] [--runs 5] [--no-compile] [--recreate]
//   codegen-benchmark --compile-only [--compile-baseline CHECKOUT] [--compile-runs 3]
//     (the debug compile time of the 1,000-table models; a baseline is another checkout of this
//     package with its codegen built in .build/debug, whose models compile against its EntityKit)
//   codegen-benchmark --snapshot FILE [--runs 5]    (snapshot JSON coding only, no database)

/// Progress goes to stderr, unbuffered; the report goes to stdout.
func progress(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

struct Options {
    var sizes = [100, 1_000, 10_000]
    var runs = 5
    var compile = true
    var recreate = false
    var snapshotFile: String?
    var compileOnly = false
    var compileRuns = 1
    var compileBaseline: URL?

    init(_ arguments: [String]) throws {
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--sizes":
                guard let list = remaining.popFirst() else { throw BenchmarkError("--sizes takes a list such as 100,1000") }
                sizes = list.split(separator: ",").compactMap { Int($0) }
            case "--runs":
                guard let text = remaining.popFirst(), let value = Int(text), value > 0 else { throw BenchmarkError("--runs takes a positive number") }
                runs = value
            case "--no-compile": compile = false
            case "--recreate": recreate = true
            case "--compile-only": compileOnly = true
            case "--compile-runs":
                guard let text = remaining.popFirst(), let value = Int(text), value > 0 else { throw BenchmarkError("--compile-runs takes a positive number") }
                compileRuns = value
            case "--compile-baseline":
                guard let path = remaining.popFirst() else { throw BenchmarkError("--compile-baseline takes another checkout of this package") }
                compileBaseline = URL(fileURLWithPath: path).standardizedFileURL
            case "--snapshot":
                guard let file = remaining.popFirst() else { throw BenchmarkError("--snapshot takes a snapshot file") }
                snapshotFile = file
            default: throw BenchmarkError("unknown argument \(argument)")
            }
        }
    }
}

do {
    let options = try Options(Array(CommandLine.arguments.dropFirst()))
    if let file = options.snapshotFile {
        try SnapshotCodingBenchmark.run(file: file, runs: options.runs)
        exit(0)
    }
    guard let server = ProcessInfo.processInfo.environment["DATABASE_URL"] else {
        throw BenchmarkError("set DATABASE_URL to a server where the benchmark may create databases, or run scripts/benchmark")
    }
    if options.compileOnly {
        let url = try BenchmarkDatabase.prepare(tables: 1_000, server: server, recreate: false)
        print(try CompileBenchmark(url: url, entities: 1_000, runs: options.compileRuns, baseline: options.compileBaseline).run())
        exit(0)
    }
    var rows: [SizeResult] = []
    for size in options.sizes {
        let url = try BenchmarkDatabase.prepare(tables: size, server: server, recreate: options.recreate)
        progress("measuring \(size) tables…")
        rows.append(try SizeBenchmark(tables: size, url: url, runs: options.runs).run())
    }
    Report.print(rows, runs: options.runs)
    if options.compile, options.sizes.contains(1_000) {
        let url = try BenchmarkDatabase.prepare(tables: 1_000, server: server, recreate: false)
        print("")
        print(try CompileBenchmark(url: url, entities: 1_000, runs: options.compileRuns, baseline: options.compileBaseline).run())
    }
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
