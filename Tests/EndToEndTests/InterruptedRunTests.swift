@testable import EntityGenerator
import Foundation
import SchemaModel
import Testing
import TestSupport

/// `codegen entity` killed (SIGKILL, SIGINT) at many points of a large run: the folder holds the
/// previous or the new complete output — or, only while a commit was cut short, a mix that the
/// guard file stops the compiler on — and the next run leaves exactly the new output and no
/// staging. No database: both schemas are snapshots.
@Suite("Interrupted runs", .serialized,
       .enabled(if: TestEnvironment.runsProcessTests, "fast lane: runs codegen; run scripts/test or TEST_LANE=full swift test"))
struct InterruptedRunTests {
    static let tables = 1_000
    private let manager = FileManager.default

    /// The schema before (`revision` 0) and after (1): every table gains a column, one in ten
    /// is dropped and as many are added, so a run adds, modifies and removes files.
    static func snapshot(revision: Int) -> SchemaSnapshot {
        func builtin(_ name: String) -> QualifiedName { QualifiedName(schema: "pg_catalog", name: name) }
        let indices = revision == 0 ? Array(1...tables) : (1...tables + tables / 10).filter { $0 % 10 != 3 }
        let relations = indices.map { index -> Relation in
            let name = String(format: "t%05d", index)
            var columns = [
                Column(name: "id", type: builtin("int8"), sqlType: "bigint", isNullable: false),
                Column(name: "title", type: builtin("text"), sqlType: "text", isNullable: false),
                Column(name: "created_at", type: builtin("timestamptz"), sqlType: "timestamp with time zone", isNullable: true),
            ]
            if revision == 1 { columns.append(Column(name: "note", type: builtin("text"), sqlType: "text", isNullable: true)) }
            return Relation(schema: "public", name: name, kind: .table, comment: "Table \(index).", columns: columns,
                            primaryKey: KeyConstraint(name: "\(name)_pkey", columns: ["id"]))
        }
        let types = ["int8", "text", "timestamptz"].map { TypeDefinition(schema: "pg_catalog", name: $0, kind: .base, category: "X") }
        return SchemaSnapshot(schemas: [Namespace(name: "public")], relations: relations, types: types)
    }

    private struct Fixture {
        let root: URL
        let snapshots: [URL]
        let outputs: [[String: Data]]
    }

    private func makeFixture() throws -> Fixture {
        let root = manager.temporaryDirectory.appendingPathComponent("codegen-interrupt-\(UUID().uuidString)")
        try manager.createDirectory(at: root, withIntermediateDirectories: true)
        var snapshots: [URL] = []
        var outputs: [[String: Data]] = []
        for revision in 0...1 {
            let file = root.appendingPathComponent("r\(revision).snapshot.json")
            try Self.snapshot(revision: revision).encodedJSON().write(to: file)
            let folder = root.appendingPathComponent("reference\(revision)")
            let result = try Shell.run(Shell.codegenExecutable, ["entity", "--snapshot", file.path, "-o", folder.path])
            try #require(result.status == 0, "\(result.output)")
            snapshots.append(file)
            outputs.append(try files(in: folder))
        }
        return Fixture(root: root, snapshots: snapshots, outputs: outputs)
    }

    /// Every entry of `folder`, hidden ones included, by name.
    private func files(in folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try manager.contentsOfDirectory(atPath: folder.path) {
            result[name] = manager.contents(atPath: folder.appendingPathComponent(name).path) ?? Data()
        }
        return result
    }

    private func reset(_ work: URL, to output: [String: Data]) throws {
        try? manager.removeItem(at: work)
        try manager.createDirectory(at: work, withIntermediateDirectories: true)
        for (name, data) in output { try data.write(to: work.appendingPathComponent(name)) }
    }

    private enum KillPoint {
        case after(Duration)
        /// As soon as the run's journal exists: inside its commit.
        case atCommitPoint
    }

    /// Starts the new-schema run over the old output, delivers `signal` at `point`, and returns
    /// the exit status and whether the run had finished before the signal.
    private func interruptedRun(_ fixture: Fixture, work: URL, signal: Int32, at point: KillPoint) throws -> (status: Int32, finishedFirst: Bool) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Shell.codegenExecutable)
        process.arguments = ["entity", "--snapshot", fixture.snapshots[1].path, "-o", work.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let journal = work.appendingPathComponent("\(FileTransaction.stagingPrefix)\(process.processIdentifier)/journal").path
        let start = ContinuousClock.now
        switch point {
        case let .after(delay):
            while process.isRunning && ContinuousClock.now - start < delay { usleep(500) }
        case .atCommitPoint:
            while process.isRunning && access(journal, F_OK) != 0 && ContinuousClock.now - start < .seconds(120) { usleep(100) }
        }
        let finishedFirst = !process.isRunning
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        return (process.terminationStatus, finishedFirst)
    }

    private enum Observed: String {
        case previous, new, guardedMix = "mix behind the guard"
    }

    /// What a reader sees right after the run died, and that the next run sets it right.
    private func checkAfterInterrupt(_ fixture: Fixture, work: URL, strict: Bool, label: String) throws -> Observed {
        let all = try files(in: work)
        let visible = all.filter { !$0.key.hasPrefix(".") }
        let observed: Observed
        if visible == fixture.outputs[0] {
            observed = .previous
        } else if visible == fixture.outputs[1] {
            observed = .new
        } else {
            observed = .guardedMix
            #expect(visible[InterruptedCommitGuard.fileName] != nil, "\(label): old and new files mixed without the guard")
            #expect(FileTransaction.hasInterruptedCommit(in: work), "\(label): a mix with no journal to finish it")
        }
        if strict {
            #expect(observed != .guardedMix, "\(label): SIGINT must let the commit finish")
            #expect(all.keys.filter { $0.hasPrefix(".") }.isEmpty, "\(label): SIGINT left \(all.keys.filter { $0.hasPrefix(".") })")
        }
        // Whatever state it was in, looking at the folder the way every run does first leaves a
        // complete output and no staging...
        try FileTransaction(root: work).discard()
        let recovered = try files(in: work)
        #expect(recovered == fixture.outputs[0] || recovered == fixture.outputs[1], "\(label): not a complete output after recovery")
        // ...and the next run leaves the new output, nothing else.
        let rerun = try Shell.run(Shell.codegenExecutable, ["entity", "--snapshot", fixture.snapshots[1].path, "-o", work.path])
        #expect(rerun.status == 0, "\(rerun.output)")
        #expect(try files(in: work) == fixture.outputs[1], "\(label): the next run did not leave exactly the new output")
        return observed
    }

    @Test func killedRunsLeaveAWholeOutputAndNoLitter() throws {
        let fixture = try makeFixture()
        defer { try? manager.removeItem(at: fixture.root) }
        #expect(fixture.outputs[0] != fixture.outputs[1])
        let work = fixture.root.appendingPathComponent("Models")

        // How long the run takes here, to spread the kills over it.
        try reset(work, to: fixture.outputs[0])
        let start = ContinuousClock.now
        let full = try Shell.run(Shell.codegenExecutable, ["entity", "--snapshot", fixture.snapshots[1].path, "-o", work.path])
        let runTime = ContinuousClock.now - start
        try #require(full.status == 0, "\(full.output)")
        #expect(full.standardOutput.contains("added \(Self.tables / 10 - Self.tables / 100)"))

        var tally: [String: Int] = [:]
        var points: [(Int32, KillPoint)] = (1...8).map { (SIGKILL, .after(runTime * (Double($0) / 8.0))) }
        points += [(SIGKILL, .atCommitPoint), (SIGKILL, .atCommitPoint), (SIGKILL, .atCommitPoint)]
        points += (1...3).map { (SIGINT, .after(runTime * (Double($0) / 3.5))) }
        points += [(SIGINT, .atCommitPoint), (SIGTERM, .atCommitPoint)]
        var journalsLeftBySIGKILLAtCommit = 0
        for (index, (signal, point)) in points.enumerated() {
            try reset(work, to: fixture.outputs[0])
            let run = try interruptedRun(fixture, work: work, signal: signal, at: point)
            let label = "kill \(index + 1) (signal \(signal), \(point))"
            if case .atCommitPoint = point, signal == SIGKILL, FileTransaction.hasInterruptedCommit(in: work) {
                journalsLeftBySIGKILLAtCommit += 1
            }
            // A handled signal ends the run with 128 + signal. One that arrives while the run is
            // already past its commit and on its way out may find nothing left to interrupt: the
            // process exits 0, and then it must have left the complete new output.
            let outranSignal = signal != SIGKILL && !run.finishedFirst && run.status == 0
            if signal != SIGKILL && !run.finishedFirst && !outranSignal {
                #expect(run.status == 128 + signal, "\(label): exit status \(run.status)")
            }
            let observed = try checkAfterInterrupt(fixture, work: work, strict: signal != SIGKILL, label: label)
            if outranSignal {
                #expect(observed == .new, "\(label): exited 0 without the new output")
            }
            let outcome = run.finishedFirst ? "finished first" : outranSignal ? "finished as signalled" : observed.rawValue
            tally["signal \(signal): \(outcome)", default: 0] += 1
        }
        print("interrupted runs over \(Self.tables) tables (a run takes \(runTime)): "
            + tally.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", "))
        #expect(journalsLeftBySIGKILLAtCommit > 0, "no SIGKILL landed inside a commit: the test did not exercise recovery")
    }
}
