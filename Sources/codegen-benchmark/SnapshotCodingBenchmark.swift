import Foundation
import SchemaModel

/// Snapshot JSON both ways, Foundation's coder against the snapshot's own (`encodedJSON()`,
/// `SchemaSnapshot.decode(from:)`), alternating in the same run so neither gets a warmer cache.
/// Every sample also checks that the two agree: same bytes out, same snapshot in.
enum SnapshotCodingBenchmark {
    static let encodeFoundation = "snapshot encode, JSONEncoder"
    static let encodeOurs = "snapshot encode, ours"
    static let decodeFoundation = "snapshot decode, JSONDecoder"
    static let decodeOurs = "snapshot decode, ours"
    static let stages = [encodeFoundation, encodeOurs, decodeFoundation, decodeOurs]

    /// Milliseconds for each stage of one sample.
    static func sample(_ snapshot: SchemaSnapshot) throws -> [String: Double] {
        let clock = ContinuousClock()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]

        let start = clock.now
        var foundationBytes = try encoder.encode(snapshot)
        let foundationEncoded = clock.now
        let ourBytes = try snapshot.encodedJSON()
        let oursEncoded = clock.now
        foundationBytes.append(0x0A)
        guard foundationBytes == ourBytes else { throw BenchmarkError("encodedJSON() and JSONEncoder wrote different bytes") }

        let decodeStart = clock.now
        let foundationSnapshot = try JSONDecoder().decode(SchemaSnapshot.self, from: ourBytes)
        let foundationDecoded = clock.now
        let ourSnapshot = try SchemaSnapshot.decode(from: ourBytes)
        let oursDecoded = clock.now
        guard foundationSnapshot == snapshot, ourSnapshot == snapshot else { throw BenchmarkError("a decoder did not give the snapshot back") }

        return [
            encodeFoundation: (foundationEncoded - start).milliseconds,
            encodeOurs: (oursEncoded - foundationEncoded).milliseconds,
            decodeFoundation: (foundationDecoded - decodeStart).milliseconds,
            decodeOurs: (oursDecoded - foundationDecoded).milliseconds,
        ]
    }

    /// `codegen-benchmark --snapshot FILE`: the coding rows alone for a snapshot file, no database.
    static func run(file: String, runs: Int) throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw BenchmarkError("cannot read \(file)") }
        let snapshot = try SchemaSnapshot.decode(from: data)
        var samples: [String: [Double]] = [:]
        for run in 0...runs {
            let sample = try sample(snapshot)
            guard run > 0 else { continue }
            for (stage, value) in sample { samples[stage, default: []].append(value) }
        }
        let columns = snapshot.relations.reduce(0) { $0 + $1.columns.count }
        print("")
        print("snapshot coding: \(file), \(Report.grouped(snapshot.relations.count)) relations, \(Report.grouped(columns)) columns, "
            + Report.megabytes(data.count) + ", median of \(runs) runs after a warm-up, \(Report.isRelease ? "release" : "DEBUG") build")
        for stage in stages {
            print(stage.padding(toLength: 30, withPad: " ", startingAt: 0) + format(samples[stage]?.median ?? 0))
        }
        print(speedups(samples.mapValues(\.median)))
    }

    /// `decode 6.1× faster, encode 4.0× faster`.
    static func speedups(_ stages: [String: Double]) -> String {
        func ratio(_ theirs: String, _ ours: String) -> Double {
            (stages[theirs] ?? 0) / max(stages[ours] ?? 0, .leastNonzeroMagnitude)
        }
        return String(format: "ours against Foundation: decode %.1f× faster, encode %.1f× faster",
                      ratio(decodeFoundation, decodeOurs), ratio(encodeFoundation, encodeOurs))
    }
}
