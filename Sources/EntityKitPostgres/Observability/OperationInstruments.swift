import CoreMetrics
import Foundation

/// A client's metrics per operation, made once per operation and table and reused:
/// `db.client.operation.duration` (a timer, OpenTelemetry's histogram of that name) and
/// `db.client.operation.errors` (a counter), dimensioned by `db.system.name`,
/// `db.operation.name`, `db.collection.name` and, for errors, `error.type`.
final class OperationInstruments: @unchecked Sendable {
    static let durationLabel = "db.client.operation.duration"
    static let errorsLabel = "db.client.operation.errors"

    private struct Key: Hashable {
        let operation: String
        let table: String?
        let errorType: String?
    }

    private let factory: any MetricsFactory
    private let lock = NSLock()
    private var timers: [Key: CoreMetrics.Timer] = [:]
    private var counters: [Key: Counter] = [:]

    init(factory: any MetricsFactory) {
        self.factory = factory
    }

    /// Records one statement's duration, and its failure if it failed.
    func record(_ summary: StatementSummary, duration: Duration, failure: ErrorLabels?) {
        let nanoseconds = duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
        timer(summary).recordNanoseconds(nanoseconds)
        if let failure { errorCounter(summary, type: failure.type).increment() }
    }

    private func timer(_ summary: StatementSummary) -> CoreMetrics.Timer {
        let key = Key(operation: summary.operation, table: summary.table, errorType: nil)
        return lock.withLock {
            if let timer = timers[key] { return timer }
            let timer = CoreMetrics.Timer(
                label: Self.durationLabel, dimensions: Self.dimensions(key), preferredDisplayUnit: .seconds, factory: factory)
            timers[key] = timer
            return timer
        }
    }

    private func errorCounter(_ summary: StatementSummary, type: String) -> Counter {
        let key = Key(operation: summary.operation, table: summary.table, errorType: type)
        return lock.withLock {
            if let counter = counters[key] { return counter }
            let counter = Counter(label: Self.errorsLabel, dimensions: Self.dimensions(key), factory: factory)
            counters[key] = counter
            return counter
        }
    }

    private static func dimensions(_ key: Key) -> [(String, String)] {
        var dimensions = [("db.system.name", "postgresql"), ("db.operation.name", key.operation)]
        if let table = key.table { dimensions.append(("db.collection.name", table)) }
        if let errorType = key.errorType { dimensions.append(("error.type", errorType)) }
        return dimensions
    }
}
