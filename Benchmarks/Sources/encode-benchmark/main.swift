// encode-benchmark: the JSON half of GET /users on its own, no server, no database. Encodes the
// same 100 users, with the same JSONEncoder the service uses (dates as ISO 8601), three ways:
//
//   generated   the generated `User` (`publicView`): EntityKit's one generic `Encodable`, which
//               goes through `write(to:)` and a keyed column writer (what stack (a) sends);
//   synthesized the same properties and types (`PGTimestamp`), with the compiler's synthesized
//               `Encodable`: what the generated path costs over a per-type conformance;
//   hand-written `Date` timestamps, synthesized `Encodable`: what stacks (b) and (c) send.
//
// Prints the median time per 100-user body of several passes, all three interleaved.
//   usage: swift run -c release --package-path Benchmarks encode-benchmark [passes]
import EntityKit
import Foundation
import HandWrittenJSON
import ServiceModels

let passes = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 9
let users = SampleUsers.make(count: 100)
let synthesized = users.map(SynthesizedUser.init)
let handWritten = users.map(PublicUser.init)

/// Hummingbird's default response encoder, as every stack's request context uses it.
func makeEncoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    return encoder
}

/// The median microseconds per body over `passes` passes of `bodies` bodies each.
func measure(_ name: String, bodies: Int = 200, _ encode: () throws -> Data) rethrows -> (String, Double) {
    var samples: [Double] = []
    for _ in 0..<passes {
        let start = ContinuousClock.now
        for _ in 0..<bodies { _ = try encode() }
        let elapsed = ContinuousClock.now - start
        samples.append(Double(elapsed.components.attoseconds) / 1e12 / Double(bodies) + Double(elapsed.components.seconds) * 1e6 / Double(bodies))
    }
    return (name, samples.sorted()[samples.count / 2])
}

// Each encoded once first: the same JSON, parsed, from all three (keys in any order).
let reference = try JSONSerialization.jsonObject(with: makeEncoder().encode(users)) as! NSArray
for other in [try makeEncoder().encode(synthesized), try makeEncoder().encode(handWritten)] {
    let parsed = try JSONSerialization.jsonObject(with: other) as! NSArray
    precondition(parsed == reference, "the three encodings differ")
}

var results: [String: [Double]] = [:]
for _ in 0..<3 {
    for (name, value) in [
        try measure("generated") { try makeEncoder().encode(users) },
        try measure("synthesized") { try makeEncoder().encode(synthesized) },
        try measure("hand-written") { try makeEncoder().encode(handWritten) },
    ] {
        results[name, default: []].append(value)
    }
}
let median = { (name: String) in results[name]!.sorted()[1] }
print("| 100 users as JSON | µs per body | against hand-written |")
print("|---|---:|---:|")
for name in ["generated", "synthesized", "hand-written"] {
    print("| \(name) | \(String(format: "%.0f", median(name))) | \(String(format: "%.2f", median(name) / median("hand-written")))× |")
}
