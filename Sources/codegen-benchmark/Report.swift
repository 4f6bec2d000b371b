import CatalogIntrospection
import Foundation

/// Prints the results as a table, then the goals and whether they are met.
enum Report {
    static func print(_ rows: [SizeResult], runs: Int) {
        guard let first = rows.first else { return }
        Swift.print("")
        Swift.print("codegen-benchmark: median of \(runs) runs after a warm-up, PostgreSQL \(first.serverVersion), \(isRelease ? "release" : "DEBUG") build")
        Swift.print("")
        var lines: [(String, [String])] = [("", rows.map { "\(grouped($0.tables)) tables" })]
        lines.append(("columns", rows.map { grouped($0.columns) }))
        lines.append(("statements per run", rows.map { "\($0.statements - 2) + 2" }))
        lines.append(("snapshot size", rows.map { megabytes($0.snapshotBytes) }))
        for stage in SizeBenchmark.stageOrder {
            lines.append((stage, rows.map { format($0.stages[stage] ?? 0) }))
        }
        lines.append(("end to end / floor", rows.map { String(format: "%.2f×", ratio($0)) }))
        lines.append(("end to end per column", rows.map { String(format: "%.1f µs", ($0.stages["end to end"] ?? 0) * 1000 / Double(max(1, $0.columns))) }))
        lines.append(("CLI run, nothing changed", rows.map { format($0.cliMilliseconds) }))
        lines.append(("CLI peak resident size", rows.map { String(format: "%.0f MB", $0.cliPeakMegabytes) }))
        lines.append(("files written, first run", rows.map { grouped($0.filesFirstRun) }))
        lines.append(("files written, later runs", rows.map { grouped($0.filesWrittenLater) }))
        let labelWidth = lines.map(\.0.count).max() ?? 0
        let columnWidth = max(14, lines.flatMap(\.1).map(\.count).max() ?? 0) + 2
        for (label, values) in lines {
            let padded = label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
            Swift.print(padded + values.map { String(repeating: " ", count: max(0, columnWidth - $0.count)) + $0 }.joined())
        }

        Swift.print("")
        Swift.print("Goals")
        let statements = Set(rows.map(\.statements))
        Swift.print("  catalog queries constant: \(statements.count == 1 ? "met" : "NOT met") "
            + "(\(CatalogReader.catalogQueryCount) queries + BEGIN/COMMIT at every size)")
        for row in rows where row.tables >= 1_000 {
            let value = ratio(row)
            Swift.print(String(format: "  end to end ≤ 1.5× floor at %@ tables: %.2f× — %@", grouped(row.tables), value,
                               value <= 1.5 ? "met" : "NOT met"))
        }
        if rows.count >= 2, let small = rows.dropFirst(rows.count - 2).first, let large = rows.last {
            let perColumn = { (row: SizeResult) in (row.stages["end to end"] ?? 0) / Double(max(1, row.columns)) }
            let growth = perColumn(large) / max(perColumn(small), .leastNonzeroMagnitude)
            Swift.print(String(format: "  linear in columns: cost per column grows %.2f× from %@ to %@ tables — %@",
                               growth, grouped(small.tables), grouped(large.tables), growth < 1.5 ? "met" : "NOT met"))
        }
        if let largest = rows.max(by: { $0.tables < $1.tables }) {
            Swift.print(String(format: "  peak resident size at %@ tables: %.0f MB — %@", grouped(largest.tables), largest.cliPeakMegabytes,
                               largest.cliPeakMegabytes < 500 ? "under 500 MB, met" : "NOT under 500 MB"))
        }
        for row in rows {
            Swift.print("  snapshot coding at \(grouped(row.tables)) tables: \(SnapshotCodingBenchmark.speedups(row.stages))")
        }
        if let largest = rows.max(by: { $0.tables < $1.tables }), largest.tables >= 10_000 {
            let decode = largest.stages[SnapshotCodingBenchmark.decodeOurs] ?? 0
            Swift.print(String(format: "  snapshot decode under 500 ms at %@ tables: %.0f ms — %@", grouped(largest.tables), decode,
                               decode < 500 ? "met" : "NOT met"))
        }
        let later = rows.reduce(0) { $0 + $1.filesWrittenLater }
        Swift.print("  a second run with nothing changed writes no file: \(later == 0 ? "met" : "NOT met (\(later) files)")")
    }

    static func ratio(_ row: SizeResult) -> Double {
        (row.stages["end to end"] ?? 0) / max(row.stages["floor (catalog only)"] ?? 1, .leastNonzeroMagnitude)
    }

    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes >= 1_000_000 ? String(format: "%.1f MB", Double(bytes) / 1_000_000) : String(format: "%.0f kB", Double(bytes) / 1_000)
    }

    static var isRelease: Bool {
        #if DEBUG
        false
        #else
        true
        #endif
    }
}
