import CoreMetrics

/// A connection pool's state as gauges, OpenTelemetry's names: `db.client.connection.count`
/// by `db.client.connection.state` (`idle`, `used`), `db.client.connection.pending_requests`
/// and `db.client.connection.max`, each with `db.client.connection.pool.name` (`primary` or
/// `replica`). Recorded whenever the pool's counts change.
struct PoolGauges: Sendable {
    static let countLabel = "db.client.connection.count"
    static let pendingLabel = "db.client.connection.pending_requests"
    static let maximumLabel = "db.client.connection.max"

    private let idle: Gauge
    private let used: Gauge
    private let pending: Gauge

    init(factory: any MetricsFactory, poolName: String, maximumConnections: Int) {
        let pool = ("db.client.connection.pool.name", poolName)
        idle = Gauge(label: Self.countLabel, dimensions: [pool, ("db.client.connection.state", "idle")], factory: factory)
        used = Gauge(label: Self.countLabel, dimensions: [pool, ("db.client.connection.state", "used")], factory: factory)
        pending = Gauge(label: Self.pendingLabel, dimensions: [pool], factory: factory)
        Gauge(label: Self.maximumLabel, dimensions: [pool], factory: factory).record(maximumConnections)
        record(open: 0, idle: 0, waiting: 0)
    }

    /// Records the pool's counts: connections open or opening, idle among them, calls waiting.
    func record(open: Int, idle idleCount: Int, waiting: Int) {
        idle.record(idleCount)
        used.record(open - idleCount)
        pending.record(waiting)
    }
}
