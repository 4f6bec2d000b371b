/// What an operation did.
public struct MigrationReport: Sendable, Equatable {
    /// The migrations applied, in order.
    public var applied: [String] = []
    /// The migrations rolled back, newest first.
    public var rolledBack: [String] = []
    /// What ``MigrationRunner/repair()`` changed in the tracking table, one line each.
    public var repaired: [String] = []
    /// Migrations applied out of order, when that was allowed.
    public var warnings: [String] = []
}

/// The state of one migration.
public struct MigrationStatus: Sendable, Equatable {
    /// Where a migration stands; raw values are what `migrate status` prints.
    public enum State: String, Sendable {
        /// Applied, and its `up` steps still match what ran.
        case applied
        /// In the code, not applied yet: the next `up` applies it.
        case pending
        /// Applied, but its `up` steps differ from what ran.
        case changedSinceApplied = "changed since applied"
        /// Applied, but no longer in the code.
        case missingFromCode = "missing from the code"
    }

    /// The migration's name (its version).
    public var name: String
    /// Its state.
    public var state: State
    /// When it was applied; nil when pending.
    public var appliedAt: PGTimestamp?
}
