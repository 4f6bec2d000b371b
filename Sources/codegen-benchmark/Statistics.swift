import Foundation

extension Duration {
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}

extension Array where Element == Double {
    var median: Double {
        guard !isEmpty else { return 0 }
        let sorted = sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}

/// Times a closure `runs` times after `warmUps` unmeasured runs; returns the median in ms.
func medianMilliseconds(runs: Int, warmUps: Int = 1, _ work: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    for _ in 0..<warmUps { try work() }
    var samples: [Double] = []
    for _ in 0..<runs {
        let start = clock.now
        try work()
        samples.append((clock.now - start).milliseconds)
    }
    return samples.median
}

func format(_ milliseconds: Double) -> String {
    milliseconds >= 10_000 ? String(format: "%.1f s", milliseconds / 1000) : String(format: "%.1f ms", milliseconds)
}
