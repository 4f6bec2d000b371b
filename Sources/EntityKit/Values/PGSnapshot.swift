/// A PostgreSQL `pg_snapshot` or `txid_snapshot`: which transactions a snapshot sees, printed
/// `xmin:xmax:xip1,xip2,…` (`10:20:10,14,15`).
///
/// Transactions before `xmin` are visible, those from `xmax` on are not, and in between all but
/// those `inProgress` are. The server keeps the in-progress list sorted without duplicates, and
/// so does the initializer, so that equal snapshots compare equal. The server requires
/// `1 ≤ xmin ≤ xmax` and every in-progress ID in `xmin..<xmax`; other values have no literal it
/// accepts.
public struct PGSnapshot: Hashable, Sendable, Codable, PGLiteralConvertible, CustomStringConvertible {
    /// The earliest transaction still active: every earlier one is visible.
    public let xmin: UInt64
    /// The first transaction not yet assigned: it and every later one are invisible.
    public let xmax: UInt64
    /// Transaction IDs in progress when the snapshot was taken, ascending, without duplicates.
    public let inProgress: [UInt64]

    /// A snapshot; `inProgress` is sorted and deduplicated, as the server stores it.
    public init(xmin: UInt64, xmax: UInt64, inProgress: [UInt64] = []) {
        self.xmin = xmin
        self.xmax = xmax
        var sorted = inProgress.sorted()
        var index = 1
        while index < sorted.count {
            if sorted[index] == sorted[index - 1] { sorted.remove(at: index) } else { index += 1 }
        }
        self.inProgress = sorted
    }

    /// Whether transaction `xid` had committed as seen by this snapshot (if it committed at all).
    public func isVisible(_ xid: UInt64) -> Bool {
        if xid < xmin { return true }
        if xid >= xmax { return false }
        return !inProgress.contains(xid)
    }

    /// `10:20:10,14,15`, or `10:20:` with nothing in progress.
    public var postgresLiteral: String {
        "\(xmin):\(xmax):" + inProgress.map(String.init).joined(separator: ",")
    }

    public var description: String { postgresLiteral }

    /// Reads `xmin:xmax:` and a comma-separated list, as `pg_snapshot_in` does: it requires
    /// `1 ≤ xmin ≤ xmax` and ascending in-progress IDs in `xmin..<xmax` (repeats are dropped).
    public init(postgresLiteral literal: String) throws {
        var scanner = LiteralScanner(literal)
        func number() -> UInt64? {
            PGFloatText.skipWhitespace(&scanner)
            _ = scanner.consume(UInt8(ascii: "+"))
            var value: UInt64 = 0
            var digits = 0
            while let byte = scanner.peek, PGFloatText.isDigit(byte) {
                let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = shifted.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
                guard !overflow, !overflow2 else { return nil }
                value = sum
                digits += 1
                scanner.position += 1
            }
            return digits > 0 ? value : nil
        }
        guard let xmin = number(), scanner.consume(UInt8(ascii: ":")), let xmax = number(),
              scanner.consume(UInt8(ascii: ":")), xmin >= 1, xmax >= xmin else {
            throw PGLiteralError("pg_snapshot", literal)
        }
        var inProgress: [UInt64] = []
        while !scanner.isAtEnd {
            guard let xid = number(), xid >= xmin, xid < xmax, xid >= (inProgress.last ?? 0) else {
                throw PGLiteralError("pg_snapshot", literal)
            }
            if xid != inProgress.last { inProgress.append(xid) }
            guard scanner.consume(UInt8(ascii: ",")) || scanner.isAtEnd else { throw PGLiteralError("pg_snapshot", literal) }
        }
        self.init(xmin: xmin, xmax: xmax, inProgress: inProgress)
    }
}
