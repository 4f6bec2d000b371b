import Foundation

/// What an operation did.
public struct MigrationReport: Sendable, Equatable {
    /// The migrations applied, in order.
    public var applied: [String] = []
    /// The migrations rolled back, newest first.
    public var rolledBack: [String] = []
    /// What `repair` changed in the tracking table, one line each.
    public var repaired: [String] = []
    /// The migrations ``MigrationEngine/baseline(version:on:)`` recorded as applied without running them.
    public var baselined: [String] = []
    /// Migrations applied out of order, when that was allowed.
    public var warnings: [String] = []

    /// An empty report.
    public init() {}
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
    public var appliedAt: Date?

    /// A migration's state.
    public init(name: String, state: State, appliedAt: Date?) {
        self.name = name
        self.state = state
        self.appliedAt = appliedAt
    }
}

/// What `up --dry-run` shows: the migrations `up` would apply, with their statements.
public struct MigrationPlan: Sendable, Equatable {
    /// One migration `up` would apply.
    public struct Step: Sendable, Equatable {
        /// Its name.
        public var name: String
        /// Whether it would run in a transaction of its own.
        public var runsInTransaction: Bool
        /// Its statements, as they would be sent (code steps as a comment naming them).
        public var statements: [String]
    }

    /// The migrations, in the order they would apply.
    public var steps: [Step]
    /// Migrations that would apply out of order, when that was allowed.
    public var warnings: [String]

    /// The plan as a SQL script to read: each migration's statements under a comment naming it.
    public var script: String {
        guard !steps.isEmpty else { return "-- Nothing to apply.\n" }
        return steps.map { step in
            let header = "-- \(step.name)\(step.runsInTransaction ? "" : " (no transaction)")"
            let body = step.statements.map { $0.hasSuffix(";") || $0.hasPrefix("--") ? $0 : $0 + ";" }
            return ([header] + (step.runsInTransaction ? ["BEGIN;"] : []) + body + (step.runsInTransaction ? ["COMMIT;"] : [])).joined(separator: "\n")
        }.joined(separator: "\n\n") + "\n"
    }
}
