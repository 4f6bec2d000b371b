import EntityKitPostgres
import Logging
import Testing

/// `Observability.bootstrapped()` in a process that bootstrapped no metrics or tracing backend
/// (no test does): the no-op defaults are left out, so statements build no spans and record no
/// metrics that go nowhere, while statement lines stay on.
@Suite("Observability defaults")
struct ObservabilityDefaultsTests {
    @Test func bootstrappedLeavesOutBackendsThatAreStillNoOps() {
        let observability = Observability.bootstrapped(statementLogLevel: .info)
        #expect(observability.metrics == nil)
        #expect(observability.tracer == nil)
        #expect(observability.statementLogLevel == .info)
        #expect(observability.slowStatementThreshold == .seconds(1))
    }
}
