import EntityKit
import Foundation
import Testing

@Suite("PGMultirange")
struct PGMultirangeTests {
    @Test func parsesWhatPostgreSQLPrints() throws {
        let integers = try PGMultirange<Int32>(postgresLiteral: "{[1,3),[5,7)}")
        #expect(integers.ranges == [PGRange(1..<3), PGRange(5..<7)])
        #expect(integers == [PGRange(1..<3), PGRange(5..<7)])

        let none = try PGMultirange<PGDate>(postgresLiteral: "{}")
        #expect(none.ranges.isEmpty && none.isEmpty)

        let dates = try PGMultirange<PGDate>(postgresLiteral: "{[2024-01-01,2024-01-05),[2024-02-01,infinity]}")
        #expect(dates.ranges == [
            PGRange(lower: PGDate(year: 2024, month: 1, day: 1)!, upper: PGDate(year: 2024, month: 1, day: 5)!),
            PGRange(lower: PGDate(year: 2024, month: 2, day: 1)!, upper: .infinity, upperInclusive: true),
        ])

        let instants = try PGMultirange<PGTimestamp>(
            postgresLiteral: #"{(,"2024-01-01 00:00:00+00"),["2024-06-01 00:00:00+00",)}"#)
        #expect(instants.ranges == [
            PGRange(lower: nil, upper: PGTimestamp(year: 2024, month: 1, day: 1)!),
            PGRange(lower: PGTimestamp(year: 2024, month: 6, day: 1)!, upper: nil),
        ])

        let numbers = try PGMultirange<PGNumeric>(postgresLiteral: "{[1.5,2),(3,4]}")
        #expect(numbers.ranges.map(\.postgresLiteral) == ["[1.5,2)", "(3,4]"])
    }

    @Test func readsOtherSpellingsMultirangeInAccepts() throws {
        #expect(try PGMultirange<Int32>(postgresLiteral: " { [1,2) , [3,4) } ") == [PGRange(1..<2), PGRange(3..<4)])
        #expect(try PGMultirange<Int32>(postgresLiteral: "{ }") == [])
        #expect(try PGMultirange<Int32>(postgresLiteral: "{[1,3), empty, EMPTY}") == [PGRange(1..<3), .empty, .empty])
        // A quoted bound may hold the characters that end a range.
        let local = try PGMultirange<PGLocalTimestamp>(postgresLiteral: #"{["2024-01-01 00:00:00","2024-01-02 00:00:00")}"#)
        #expect(local.ranges == [PGRange(lower: PGLocalTimestamp(year: 2024, month: 1, day: 1)!,
                                         upper: PGLocalTimestamp(year: 2024, month: 1, day: 2)!)])
    }

    @Test func formats() {
        #expect(PGMultirange<Int32>([PGRange(1..<3), PGRange(5..<7)]).postgresLiteral == "{[1,3),[5,7)}")
        #expect(PGMultirange<Int32>([]).postgresLiteral == "{}")
        #expect(PGMultirange<Int64>([PGRange(...0), PGRange(10...)]).description == "{(,0],[10,)}")
        #expect(PGMultirange<Int32>([.empty]).postgresLiteral == "{empty}")
        let bc = PGMultirange([PGRange(lower: PGDate(year: -43, month: 3, day: 15)!, upper: nil)])
        #expect(bc.postgresLiteral == #"{["0044-03-15 BC",)}"#)
    }

    @Test func roundTrips() throws {
        let values: [PGMultirange<Int32>] = [[], [PGRange(1..<3)], [PGRange(..<0), PGRange(5...7), PGRange(10...)], [.empty]]
        for value in values { #expect(try PGMultirange<Int32>(postgresLiteral: value.postgresLiteral) == value) }
        let instants: PGMultirange<PGTimestamp> = [
            PGRange(lower: .negativeInfinity, upper: PGTimestamp(microsecondsSince2000: -64_464_465_599_500_000)),
            PGRange(lower: PGTimestamp(microsecondsSince2000: 758_629_800_123_456), upper: .infinity, upperInclusive: true),
        ]
        #expect(try PGMultirange<PGTimestamp>(postgresLiteral: instants.postgresLiteral) == instants)
    }

    @Test func membership() {
        let value: PGMultirange<Int32> = [PGRange(1..<3), PGRange(5..<7)]
        #expect(value.contains(1) && value.contains(6) && !value.contains(3) && !value.contains(7))
        #expect(!value.isEmpty && PGMultirange<Int32>([.empty]).isEmpty)
    }

    @Test("rejects malformed literals", arguments: [
        "", "[1,3)", "{[1,3)", "{[1,3),}", "{,}", "{[1,3)} x", "{[1,3) [5,7)}", "{[a,3)}", "{(1,3]", "{}}", "{ empty x}",
    ])
    func rejects(literal: String) {
        #expect(throws: PGLiteralError.self) { try PGMultirange<Int32>(postgresLiteral: literal) }
    }

    @Test func codable() throws {
        let value: PGMultirange<Int32> = [PGRange(1..<3), PGRange(5...)]
        #expect(try jsonText(value) == #""{[1,3),[5,)}""#)
        #expect(try codableRoundTrip(value) == value)
        #expect(try codableRoundTrip(PGMultirange<PGDate>([])) == [])
        #expect(throws: (any Error).self) { try decodeJSON(PGMultirange<Int32>.self, from: #""{[1,3)""#) }
    }
}
