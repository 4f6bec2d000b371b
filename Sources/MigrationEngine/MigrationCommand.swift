import Foundation

/// One `migrate` command, performed and printed the same way by the scaffolded `migrate`
/// executable (PostgresNIO) and by `codegen migrate` on SQL migrations (libpq): reports on
/// standard output, warnings and errors on standard error, and the exit status.
public enum MigrationCommand: Sendable, Equatable {
    /// Apply pending migrations; with `dryRun`, print their SQL and touch nothing.
    case up(count: Int?, allowOutOfOrder: Bool, dryRun: Bool)
    /// Roll back the last `count`.
    case down(count: Int)
    /// List migrations; with `check`, exit 1 when any is not applied as in the code.
    case status(check: Bool)
    /// Accept edited and removed applied migrations after a review.
    case repair
    /// Record migrations up to a version as applied without running them.
    case baseline(version: String)
    /// Empty the schema, then apply everything.
    case fresh
    /// Roll back everything, then apply everything.
    case refresh
    /// Roll back everything and drop the tracking table.
    case reset

    /// Performs the command and returns the process exit status: 0, or 1 after printing one
    /// line that says what failed and what to do.
    public func perform(with engine: MigrationEngine, on session: any MigrationSession) async -> Int32 {
        do {
            switch self {
            case let .up(count, allowOutOfOrder, true):
                let plan = try await engine.plan(count: count, allowOutOfOrder: allowOutOfOrder, on: session)
                for warning in plan.warnings { Self.printError("warning: \(warning)") }
                Swift.print(plan.script, terminator: "")
            case let .up(count, allowOutOfOrder, false):
                Self.print(try await engine.up(count: count, allowOutOfOrder: allowOutOfOrder, on: session))
            case let .down(count):
                Self.print(try await engine.down(count: count, on: session))
            case let .status(check):
                let statuses = try await engine.status(on: session)
                Self.print(statuses)
                let unapplied = statuses.filter { $0.state != .applied }
                // For CI: anything pending, edited or missing fails the check.
                if check && !unapplied.isEmpty {
                    Self.printError("status --check: \(unapplied.count) migration\(unapplied.count == 1 ? " is" : "s are") not applied as in the code")
                    return 1
                }
            case .repair:
                Self.print(try await engine.repair(on: session))
            case let .baseline(version):
                Self.print(try await engine.baseline(version: version, on: session))
            case .fresh:
                Self.print(try await engine.fresh(on: session))
            case .refresh:
                Self.print(try await engine.refresh(on: session))
            case .reset:
                Self.print(try await engine.reset(on: session))
            }
            return 0
        } catch let error as MigrationError {
            Self.printError(error.description)
            return 1
        } catch {
            Self.printError(session.failure(of: error).message)
            return 1
        }
    }

    static func print(_ report: MigrationReport) {
        for warning in report.warnings { printError("warning: \(warning)") }
        for name in report.rolledBack { Swift.print("Rolled back \(name)") }
        for name in report.applied { Swift.print("Applied \(name)") }
        for line in report.repaired { Swift.print("Repaired \(line)") }
        for name in report.baselined { Swift.print("Recorded \(name) as applied (baseline)") }
        if report.applied.isEmpty && report.rolledBack.isEmpty && report.repaired.isEmpty && report.baselined.isEmpty {
            Swift.print("Nothing to do.")
        }
    }

    static func print(_ statuses: [MigrationStatus]) {
        if statuses.isEmpty { Swift.print("No migrations.") }
        for status in statuses {
            let when = status.appliedAt.map { "  applied \($0.formatted(.iso8601))" } ?? ""
            Swift.print("\(status.state.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0))\(status.name)\(when)")
        }
        for status in statuses where status.state == .changedSinceApplied || status.state == .missingFromCode {
            printError("warning: \(status.name) is \(status.state.rawValue)")
        }
    }

    /// Writes `line` to standard error, prefixed `error: ` unless it is a warning.
    public static func printError(_ line: String) {
        FileHandle.standardError.write(Data("\(line.hasPrefix("warning:") ? "" : "error: ")\(line)\n".utf8))
    }
}
