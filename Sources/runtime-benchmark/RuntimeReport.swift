import Foundation

/// The figures of one run, printed as tables with the goals and whether each is met.
struct RuntimeReport {
    enum Section: String, CaseIterable {
        case decode = "Decode-only (the same rows, collected once): ns per row"
        case endToEnd = "End to end (query, iterate, decode; one connection): ns per row"
        case insert = "Insert with RETURNING (one connection): ns per row"
        case eager = "Eager loading against N+1: ms per load of every parent's children"
        case prepared = "Fixed shapes, unnamed against prepared: µs per operation"
        case conformances = "Entity Codable and Hashable, generic (EntityKit) against synthesized: ns per row"
        case observability = "Observability, find by key on a DatabaseClient with nothing reported (off) and with each part on: µs per operation"

        /// What a figure is divided by to print.
        var divisor: Double {
            switch self {
            case .decode, .endToEnd, .insert, .conformances: 1
            case .eager: 1_000_000
            case .prepared, .observability: 1_000
            }
        }
    }

    static let handWritten = "(a) hand-written"
    static let generated = "(b) generated"
    static let codable = "(c) Decodable by name"
    static let rowDecode = "(d) row.decode(E.self)"
    static let chunksInTransaction = "(c) VALUES chunks in a transaction"
    static let eager = "load(_:for:)"
    static let nPlusOne = "N+1 related(_:of:)"
    static let unnamed = "unnamed"
    static let prepared = "prepared"
    static let synthesized = "synthesized"
    static let genericConformance = "EntityKit (generic)"

    /// The goals: the generated path against hand-written code, median against median.
    static let goals: [(Section, String, Double, variant: String)] = [
        (.decode, "decode-only (b)/(a) ≤ 1.2", 1.2, generated),
        (.decode, "row.decode(E.self) (d)/(a) ≤ 1.5", 1.5, rowDecode),
        (.endToEnd, "end to end (b)/(a) ≤ 1.3", 1.3, generated),
        (.insert, "insert-many (b)/(a) ≤ 1.3", 1.3, generated),
    ]

    struct Entry {
        var section: Section
        var subject: String
        var figures: [String: Figures]
        var notes: [String: String] = [:]
    }

    var entries: [Entry] = []
    var header: [String] = []

    mutating func add(section: Section, subject: String, figures: [String: Figures]) {
        entries.append(Entry(section: section, subject: subject, figures: figures))
    }

    mutating func addEager(figures: [String: Figures], statements: [String: Int], subject: String) {
        entries.append(Entry(section: .eager, subject: subject, figures: figures,
                             notes: statements.mapValues { "\(Self.grouped($0)) statements" }))
    }

    func print(passes: Int) {
        for line in header { Swift.print(line) }
        Swift.print("Figures: median / min of \(passes) passes (interleaved), then allocations per unit counted over one more pass.")
        for section in Section.allCases {
            let rows = entries.filter { $0.section == section }
            guard !rows.isEmpty else { continue }
            let variants = Self.order(rows.flatMap { Array($0.figures.keys) })
            Swift.print("")
            Swift.print(section.rawValue)
            var table: [[String]] = [[""] + variants]
            if variants.contains(Self.handWritten) && variants.contains(Self.generated) { table[0].append("(b)/(a) median, min") }
            if variants.contains(Self.handWritten) && variants.contains(Self.rowDecode) { table[0].append("(d)/(a) median, min") }
            if variants.contains(Self.handWritten) && variants.contains(Self.chunksInTransaction) { table[0].append("(c)/(a) median, min") }
            if variants.contains(Self.unnamed) && variants.contains(Self.prepared) { table[0].append("prepared/unnamed") }
            if variants.contains(Self.handWritten) && variants.contains(Self.prepared) { table[0].append("prepared/(a)") }
            if variants.contains(Self.eager) && variants.contains(Self.nPlusOne) { table[0].append("N+1/eager") }
            if variants.contains(Self.synthesized) && variants.contains(Self.genericConformance) { table[0].append("generic/synthesized") }
            if variants.contains(ObservabilityBenchmark.off) && variants.contains(ObservabilityBenchmark.on) { table[0].append("on/off") }
            for row in rows {
                var line = [row.subject]
                for variant in variants {
                    guard let figures = row.figures[variant] else { line.append("—"); continue }
                    var cell = Self.number(figures.median / section.divisor) + " / " + Self.number(figures.minimum / section.divisor)
                    if let allocations = figures.allocationsPerUnit { cell += ", " + Self.number(allocations) + " allocs" }
                    if let note = row.notes[variant] { cell += ", " + note }
                    line.append(cell)
                }
                if let ratio = row.ratio(Self.generated, Self.handWritten) { line.append(ratio) }
                if let ratio = row.ratio(Self.rowDecode, Self.handWritten) { line.append(ratio) }
                if let ratio = row.ratio(Self.chunksInTransaction, Self.handWritten) { line.append(ratio) }
                if let ratio = row.ratio(Self.prepared, Self.unnamed) { line.append(ratio) }
                if variants.contains(Self.handWritten) && variants.contains(Self.prepared) { line.append(row.ratio(Self.prepared, Self.handWritten) ?? "—") }
                if let ratio = row.ratio(Self.nPlusOne, Self.eager) { line.append(ratio) }
                if let ratio = row.ratio(Self.genericConformance, Self.synthesized) { line.append(ratio) }
                if let ratio = row.ratio(ObservabilityBenchmark.on, ObservabilityBenchmark.off) { line.append(ratio) }
                table.append(line)
            }
            Self.printTable(table)
        }
        Swift.print("")
        Swift.print("Goals (median against median)")
        for (section, name, limit, variant) in Self.goals {
            let ratios = entries.filter { $0.section == section }.compactMap { entry -> (String, Double)? in
                guard let b = entry.figures[variant], let a = entry.figures[Self.handWritten] else { return nil }
                return (entry.subject, b.median / a.median)
            }
            guard let worst = ratios.max(by: { $0.1 < $1.1 }) else { continue }
            Swift.print(String(format: "  %@: worst %.2f× (%@) — %@", name, worst.1, worst.0, worst.1 <= limit ? "met" : "NOT met"))
        }
    }

    static func order(_ names: [String]) -> [String] {
        let known = [handWritten, generated, codable, rowDecode, chunksInTransaction, eager, nPlusOne, eager + ", unnamed", nPlusOne + ", unnamed",
                     unnamed, prepared, synthesized, genericConformance, ObservabilityBenchmark.off, ObservabilityBenchmark.on]
        let present = Set(names)
        return known.filter(present.contains) + present.subtracting(known).sorted()
    }

    static func printTable(_ table: [[String]]) {
        let widths = (0..<(table.map(\.count).max() ?? 0)).map { column in table.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        for line in table {
            var text = ""
            for (column, cell) in line.enumerated() {
                if column == 0 {
                    text += cell.padding(toLength: widths[0], withPad: " ", startingAt: 0)
                } else {
                    text += "  " + String(repeating: " ", count: widths[column] - cell.count) + cell
                }
            }
            Swift.print("  " + text)
        }
    }

    static func number(_ value: Double) -> String {
        switch value {
        case 100...: String(format: "%.0f", value)
        case 10...: String(format: "%.1f", value)
        default: String(format: "%.2f", value)
        }
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
}

extension RuntimeReport.Entry {
    /// `numerator`/`denominator`, medians and minimums, when both were measured.
    func ratio(_ numerator: String, _ denominator: String) -> String? {
        guard let top = figures[numerator], let bottom = figures[denominator] else { return nil }
        return String(format: "%.2f×, %.2f×", top.median / bottom.median, top.minimum / bottom.minimum)
    }
}
