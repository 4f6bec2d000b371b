import CatalogIntrospection
import EntityGenerator
import Foundation
import SchemaModel

// codegen-benchmark: introspection and generation at 100, 1,000 and 10,000 tables, against the
// floor of reading the catalog. Run it with `scripts/benchmark` (release build, throwaway server).
//
//   codegen-benchmark [--sizes 100,1000,10000] [--runs 5] [--no-compile] [--recreate]
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
        print(try CompileBenchmark(url: url, entities: 1_000).run())
    }
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
