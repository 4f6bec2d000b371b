import Foundation
import MallocInterposerSwift

/// What one measured operation cost: nanoseconds per unit (a row, a statement) of every pass,
/// and allocations per unit counted over one more pass.
struct Figures {
    var nanosecondsPerUnit: [Double]
    var allocationsPerUnit: Double?

    var median: Double { nanosecondsPerUnit.median }
    var minimum: Double { nanosecondsPerUnit.min() ?? 0 }
}

/// Times closures and counts their allocations. Passes of the variants being compared are
/// interleaved (a, b, c, a, b, c, …), so a burst of load from other processes on a shared
/// machine falls on all of them alike.
enum Measure {
    /// True when malloc-interposer's library is preloaded (scripts/benchmark-runtime does it):
    /// without it the counters stay at zero and no allocation figure is printed.
    static let countsAllocations: Bool = {
        ProcessInfo.processInfo.environment["LD_PRELOAD"]?.contains("MallocInterposer") == true
    }()

    /// Runs every variant once unmeasured, then `passes` interleaved measured rounds, then one
    /// counted pass each. Each variant does `units` units of work per pass; `reset` runs,
    /// untimed and uncounted, before every run of a variant.
    static func compare(
        _ variants: [(String, () async throws -> Void)], units: Int, passes: Int, reset: () async throws -> Void = {}
    ) async throws -> [String: Figures] {
        for (_, work) in variants {
            try await reset()
            try await work()
        }
        var samples: [String: [Double]] = [:]
        let clock = ContinuousClock()
        for _ in 0..<passes {
            for (name, work) in variants {
                try await reset()
                let start = clock.now
                try await work()
                samples[name, default: []].append((clock.now - start).nanoseconds / Double(units))
            }
        }
        var result: [String: Figures] = [:]
        for (name, work) in variants {
            try await reset()
            result[name] = Figures(nanosecondsPerUnit: samples[name] ?? [], allocationsPerUnit: try await allocations(units: units, work))
        }
        return result
    }

    /// Allocations per unit of one run of `work`, or nil when allocations are not counted.
    static func allocations(units: Int, _ work: () async throws -> Void) async throws -> Double? {
        guard countsAllocations else { return nil }
        MallocInterposerSwift.initialize()
        MallocInterposerSwift.hook()
        try await work()
        MallocInterposerSwift.unhook()
        return Double(MallocInterposerSwift.getStatistics().mallocCount) / Double(units)
    }
}

/// Keeps a value alive as far as the optimizer knows, so the work that made it is not removed.
@inline(never) @_optimize(none)
func blackHole<T>(_ value: T) {}

extension Duration {
    var nanoseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1e9 + Double(attoseconds) / 1e9
    }
}

extension Array where Element == Double {
    var median: Double {
        guard !isEmpty else { return 0 }
        let sorted = sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
