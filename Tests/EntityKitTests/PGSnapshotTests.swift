import EntityKit
import Foundation
import Testing

@Suite("PGSnapshot")
struct PGSnapshotTests {
    @Test func literals() throws {
        let cases: [(String, PGSnapshot)] = [
            ("10:20:10,14,15", PGSnapshot(xmin: 10, xmax: 20, inProgress: [10, 14, 15])),
            ("10:20:", PGSnapshot(xmin: 10, xmax: 20)),
            ("10:10:", PGSnapshot(xmin: 10, xmax: 10)),
            ("18446744073709551615:18446744073709551615:", PGSnapshot(xmin: .max, xmax: .max)),
        ]
        for (printed, snapshot) in cases {
            #expect(try PGSnapshot(postgresLiteral: printed) == snapshot)
            #expect(snapshot.postgresLiteral == printed)
            #expect(snapshot.description == printed)
        }
    }

    @Test func inProgressIsSortedWithoutRepeats() throws {
        let snapshot = PGSnapshot(xmin: 10, xmax: 20, inProgress: [15, 10, 14, 10])
        #expect(snapshot.inProgress == [10, 14, 15])
        #expect(snapshot == PGSnapshot(xmin: 10, xmax: 20, inProgress: [10, 14, 15]))
        // `pg_snapshot_in` drops repeats too: `10:20:10,10,14` prints `10:20:10,14`.
        #expect(try PGSnapshot(postgresLiteral: "10:20:10,10,14").postgresLiteral == "10:20:10,14")
    }

    @Test func visibility() {
        let snapshot = PGSnapshot(xmin: 10, xmax: 20, inProgress: [12])
        #expect(snapshot.isVisible(9))
        #expect(snapshot.isVisible(11))
        #expect(!snapshot.isVisible(12))
        #expect(!snapshot.isVisible(20))
    }

    /// Other input `pg_snapshot_in` accepts (checked against PostgreSQL 15).
    @Test func readsOtherInputSpellings() throws {
        #expect(try PGSnapshot(postgresLiteral: " 10:20:").postgresLiteral == "10:20:")
        #expect(try PGSnapshot(postgresLiteral: "10:20: 11").postgresLiteral == "10:20:11")
        #expect(try PGSnapshot(postgresLiteral: "10:20:11,").postgresLiteral == "10:20:11")
    }

    @Test func rejectsInvalidLiterals() {
        for text in ["", "10:20:14,10", "0:20:", "10:20:20", "10:20", "20:10:", "10:20:9", "10:20:x", "10:20:11;12", "a:b:"] {
            #expect(throws: PGLiteralError.self, "\(text)") { try PGSnapshot(postgresLiteral: text) }
        }
    }

    /// `pg_snapshot_in` saturates numbers past `UInt64.max` (`18446744073709551616` reads as
    /// `18446744073709551615`); EntityKit rejects them.
    @Test func stricterThanPostgreSQL() {
        #expect(throws: PGLiteralError.self) { try PGSnapshot(postgresLiteral: "18446744073709551616:18446744073709551616:") }
    }

    @Test func codable() throws {
        let values = [PGSnapshot(xmin: 10, xmax: 20, inProgress: [10, 14, 15])]
        #expect(try jsonText(values) == #"["10:20:10,14,15"]"#)
        #expect(try codableRoundTrip(values) == values)
    }
}
