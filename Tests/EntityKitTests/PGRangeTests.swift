import EntityKit
import Foundation
import Testing

/// A text bound, to exercise quoting with bounds holding the special characters.
private struct TextBound: PGRangeBound {
    let value: String
    init(_ value: String) { self.value = value }
    init(rangeBoundLiteral: String) { value = rangeBoundLiteral }
    var rangeBoundLiteral: String { value }
}

@Suite("PGRange")
struct PGRangeTests {
    // MARK: Parsing what PostgreSQL 15 prints

    @Test func parsesIntegerRanges() throws {
        let canonical = try PGRange<Int32>(postgresLiteral: "[1,6)")
        #expect(canonical.lower == 1 && canonical.upper == 6)
        #expect(canonical.lowerInclusive && !canonical.upperInclusive && !canonical.isEmpty)
        #expect(canonical == PGRange(1..<6))

        let upTo = try PGRange<Int32>(postgresLiteral: "(,11)")
        #expect(upTo.lower == nil && upTo.upper == 11 && !upTo.lowerInclusive && !upTo.upperInclusive)
        #expect(upTo.isLowerUnbounded && !upTo.isUpperUnbounded)

        let everything = try PGRange<Int64>(postgresLiteral: "(,)")
        #expect(everything == PGRange(lower: nil, upper: nil))
        #expect(everything.isLowerUnbounded && everything.isUpperUnbounded && !everything.isEmpty)

        #expect(try PGRange<Int64>(postgresLiteral: "[-9223372036854775808,10)")
            == PGRange(lower: .min, upper: 10))
        #expect(try PGRange<Int32>(postgresLiteral: "[1,)") == PGRange(1...))
    }

    @Test func parsesEmpty() throws {
        let empty = try PGRange<Int32>(postgresLiteral: "empty")
        #expect(empty == .empty && empty.isEmpty)
        #expect(empty.lower == nil && empty.upper == nil && !empty.isLowerUnbounded && !empty.isUpperUnbounded)
        // range_in also reads the key word in any case, with whitespace around it.
        #expect(try PGRange<Int32>(postgresLiteral: " EMPTY ") == .empty)
        #expect(try PGRange<PGDate>(postgresLiteral: "Empty") == .empty)
    }

    @Test func parsesQuotedTimestampBounds() throws {
        let month = try PGRange<PGTimestamp>(postgresLiteral: #"["2024-01-01 00:00:00+00","2024-02-01 00:00:00+00")"#)
        #expect(month.lower == PGTimestamp(year: 2024, month: 1, day: 1))
        #expect(month.upper == PGTimestamp(year: 2024, month: 2, day: 1))
        #expect(month.lowerInclusive && !month.upperInclusive)

        let offset = try PGRange<PGTimestamp>(postgresLiteral: #"["2024-01-15 16:00:00.123456+05:30",)"#)
        #expect(offset.lower == PGTimestamp(year: 2024, month: 1, day: 15, hour: 10, minute: 30, microsecond: 123_456))
        #expect(offset.upper == nil)

        // Printed with `timezone = 'America/New_York'`: local mean time before 1883, offsets in seconds.
        let bc = try PGRange<PGTimestamp>(postgresLiteral: #"["0044-03-15 07:03:58.5-04:56:02 BC",infinity)"#)
        #expect(bc == PGRange(lower: PGTimestamp(microsecondsSince2000: -64_464_465_599_500_000), upper: .infinity))
        let eastern = try PGRange<PGTimestamp>(postgresLiteral: #"[-infinity,"2024-01-15 05:30:00.123456-05"]"#)
        #expect(eastern == PGRange(lower: .negativeInfinity, upper: PGTimestamp(microsecondsSince2000: 758_629_800_123_456), upperInclusive: true))

        let local = try PGRange<PGLocalTimestamp>(postgresLiteral: #"("1999-12-31 23:59:59.999999","2000-01-01 00:00:00.000001"]"#)
        #expect(local.lower == PGLocalTimestamp(microsecondsSince2000: -1))
        #expect(local.upper == PGLocalTimestamp(microsecondsSince2000: 1))
        #expect(!local.lowerInclusive && local.upperInclusive)
    }

    @Test func parsesInfiniteBoundValues() throws {
        // `infinity` is a value of the subtype, not an absent bound: it may be inclusive.
        let open = try PGRange<PGTimestamp>(postgresLiteral: #"["2024-01-01 00:00:00+00",infinity)"#)
        #expect(open.upper == .infinity && !open.isUpperUnbounded)

        let allDates = try PGRange<PGDate>(postgresLiteral: "[-infinity,infinity]")
        #expect(allDates.lower == .negativeInfinity && allDates.upper == .infinity)
        #expect(allDates.lowerInclusive && allDates.upperInclusive)

        let allTimes = try PGRange<PGLocalTimestamp>(postgresLiteral: "[-infinity,infinity]")
        #expect(allTimes.lower == .negativeInfinity && allTimes.upper == .infinity)
    }

    @Test func parsesDatesAndNumerics() throws {
        let dates = try PGRange<PGDate>(postgresLiteral: #"["0044-03-15 BC",2024-01-02)"#)
        #expect(dates.lower == PGDate(year: -43, month: 3, day: 15))
        #expect(dates.upper == PGDate(year: 2024, month: 1, day: 2))

        let numbers = try PGRange<PGNumeric>(postgresLiteral: "[1.50,2.0]")
        #expect(numbers.lower?.postgresLiteral == "1.50" && numbers.upper?.postgresLiteral == "2.0")
        #expect(numbers.upperInclusive)

        let nan = try PGRange<PGNumeric>(postgresLiteral: "(NaN,)")
        #expect(nan.lower == .nan && nan.upper == nil && !nan.lowerInclusive)

        let doubles = try PGRange<Double>(postgresLiteral: "[-1.5,1e-05)")
        #expect(doubles.lower == -1.5 && doubles.upper == 0.00001)
        #expect(try PGRange<Double>(postgresLiteral: "[-Infinity,Infinity]") == PGRange(lower: -.infinity, upper: .infinity, upperInclusive: true))
    }

    @Test func readsEveryQuotingRangeInAccepts() throws {
        // Doubled quotes and backslashes inside quotes, backslash escapes outside, quotes
        // around part of a bound, the empty string.
        let quoted = try PGRange<TextBound>(postgresLiteral: #"["a""b","c\\d")"#)
        #expect(quoted.lower?.value == #"a"b"# && quoted.upper?.value == #"c\d"#)
        let escaped = try PGRange<TextBound>(postgresLiteral: #"[\,x,a\)b]"#)
        #expect(escaped.lower?.value == ",x" && escaped.upper?.value == "a)b")
        let partial = try PGRange<TextBound>(postgresLiteral: #"(a" ,b"c,"")"#)
        #expect(partial.lower?.value == "a ,bc" && partial.upper?.value == "")
        // Whitespace inside the brackets belongs to the bound; the subtype decides about it.
        #expect(try PGRange<Int32>(postgresLiteral: " [ 1, 5) ") == PGRange(1..<5))
        #expect(try PGRange<Int32>(postgresLiteral: #"["1",5)"#) == PGRange(1..<5))
    }

    // MARK: Formatting

    @Test func formats() throws {
        #expect(PGRange<Int32>(1..<5).postgresLiteral == "[1,5)")
        #expect(PGRange<Int32>(1...5).postgresLiteral == "[1,5]")
        #expect(PGRange<Int32>(..<10).postgresLiteral == "(,10)")
        #expect(PGRange<Int32>(...10).postgresLiteral == "(,10]")
        #expect(PGRange<Int64>(5...).postgresLiteral == "[5,)")
        #expect(PGRange<Int64>(lower: nil, upper: nil).postgresLiteral == "(,)")
        #expect(PGRange<Int64>.empty.postgresLiteral == "empty")
        #expect(PGRange<Int64>.empty.description == "empty")
        #expect(PGRange<PGNumeric>(lower: "1.50", lowerInclusive: false, upper: .nan, upperInclusive: true).postgresLiteral
            == "(1.50,NaN]")
        #expect(PGRange<Double>(lower: -0.5, upper: .infinity).postgresLiteral == "[-0.5,Infinity)")
        #expect(PGRange<Double>(lower: 1e-7, upper: 1e20).postgresLiteral == "[1e-07,1e+20)")
    }

    @Test func formatsDateAndTimestampBounds() throws {
        let month = PGRange(lower: PGTimestamp(year: 2024, month: 1, day: 1)!, upper: PGTimestamp(year: 2024, month: 2, day: 1)!)
        #expect(month.postgresLiteral == "[2024-01-01T00:00:00Z,2024-02-01T00:00:00Z)")
        let local = PGRange(lower: PGLocalTimestamp(microsecondsSince2000: 1), upper: .infinity, upperInclusive: true)
        #expect(local.postgresLiteral == "[2000-01-01T00:00:00.000001,infinity]")
        // A BC date has a space, so it is quoted.
        let ides = PGRange(lower: PGDate(year: -43, month: 3, day: 15)!, upper: nil)
        #expect(ides.postgresLiteral == #"["0044-03-15 BC",)"#)
    }

    @Test func quotesBoundsAsRangeOutDoes() {
        func literal(_ lower: String, _ upper: String) -> String {
            PGRange(lower: TextBound(lower), upper: TextBound(upper), upperInclusive: true).postgresLiteral
        }
        #expect(literal("a", "b") == "[a,b]")
        #expect(literal("", "x") == #"["",x]"#)
        #expect(literal("a b", "tab\there") == "[\"a b\",\"tab\there\"]")
        #expect(literal(#"say "hi""#, #"C:\dir"#) == #"["say ""hi""","C:\\dir"]"#)
        #expect(literal("a,b", "(x)") == #"["a,b","(x)"]"#)
        #expect(literal("[", "]") == #"["[","]"]"#)
        #expect(literal("naïve", "日本") == "[naïve,日本]")
    }

    // MARK: Round trips

    @Test func roundTrips() throws {
        let integers: [PGRange<Int32>] = [PGRange(1..<5), PGRange(1...5), PGRange(..<0), PGRange(Int32.min...Int32.max),
                                          PGRange(lower: nil, upper: nil), .empty,
                                          PGRange(lower: 3, lowerInclusive: false, upper: 9, upperInclusive: true)]
        for range in integers { #expect(try PGRange<Int32>(postgresLiteral: range.postgresLiteral) == range) }

        let timestamps: [PGRange<PGTimestamp>] = [
            PGRange(lower: PGTimestamp(microsecondsSince2000: -64_464_465_599_500_000), upper: .infinity),
            PGRange(lower: .negativeInfinity, upper: PGTimestamp(microsecondsSince2000: 758_629_800_123_456), upperInclusive: true),
        ]
        for range in timestamps { #expect(try PGRange<PGTimestamp>(postgresLiteral: range.postgresLiteral) == range) }

        let texts = [PGRange(lower: TextBound(#"a "quoted", \ (x) [y]"#), upper: TextBound("")), PGRange(lower: nil, upper: TextBound("\""))]
        for range in texts { #expect(try PGRange<TextBound>(postgresLiteral: range.postgresLiteral) == range) }

        let numerics = [PGRange<PGNumeric>(lower: "-0.000100", upper: "123456789012345678901234567890.5"),
                        PGRange<PGNumeric>(lower: .negativeInfinity, upper: .infinity, upperInclusive: true)]
        for range in numerics { #expect(try PGRange<PGNumeric>(postgresLiteral: range.postgresLiteral) == range) }

        let doubles = [PGRange<Double>(lower: 0.1, upper: 1.0 / 3.0), PGRange<Double>(lower: -.infinity, upper: .leastNonzeroMagnitude)]
        for range in doubles { #expect(try PGRange<Double>(postgresLiteral: range.postgresLiteral) == range) }
    }

    @Test func unboundedSidesAreNeverInclusive() throws {
        // The server drops the inclusive flag of an absent bound: `[,5]` is stored as `(,5]`.
        let range = PGRange<Int32>(lower: nil, lowerInclusive: true, upper: nil, upperInclusive: true)
        #expect(!range.lowerInclusive && !range.upperInclusive)
        #expect(range.postgresLiteral == "(,)")
        #expect(try PGRange<Int32>(postgresLiteral: "[,5]") == PGRange(...5))
    }

    // MARK: Invalid input

    @Test("rejects malformed literals", arguments: [
        "", "[1,5", "1,5)", "[1;5)", "[1,2,3)", "[1,5) x", "empty x", "emptyish", "{[1,5)}", #"["1,5)"#,
        "[a,5)", "[1,99999999999)", "[1,5\\", "[1.5,2)", "(,", "[",
    ])
    func rejects(literal: String) {
        #expect(throws: PGLiteralError.self) { try PGRange<Int32>(postgresLiteral: literal) }
    }

    @Test func rejectsInvalidBounds() {
        #expect(throws: PGLiteralError.self) { try PGRange<PGDate>(postgresLiteral: "[2023-02-29,)") }
        #expect(throws: PGLiteralError.self) { try PGRange<PGTimestamp>(postgresLiteral: "[yesterday,)") }
        #expect(throws: PGLiteralError.self) { try PGRange<PGNumeric>(postgresLiteral: "[1.2.3,)") }
        #expect(throws: PGLiteralError.self) { try PGRange<Double>(postgresLiteral: "[0x1p3,)") }
        #expect(throws: PGLiteralError.self) { try PGRange<Double>(postgresLiteral: "[1e400,)") }
        #expect(throws: PGLiteralError.self) { try Int64(rangeBoundLiteral: "9223372036854775808") }
        #expect(throws: PGLiteralError.self) { try Int32(rangeBoundLiteral: "") }
    }

    // MARK: Canonical form and membership

    @Test func canonicalisesDiscreteRangesAsTheServerDoes() throws {
        #expect(PGRange<Int32>(1...5).canonical == PGRange(1..<6))
        #expect(PGRange<Int32>(lower: 1, lowerInclusive: false, upper: 5).canonical == PGRange(2..<5))
        #expect(PGRange<Int32>(...10).canonical == PGRange(..<11))
        #expect(PGRange<Int32>(lower: 1, lowerInclusive: false, upper: 2).canonical == .empty)
        #expect(PGRange<Int32>(3..<3).canonical == .empty)
        #expect(PGRange<Int32>(3...3).canonical == PGRange(3..<4))
        #expect(PGRange<Int64>(lower: nil, upper: nil).canonical == PGRange(lower: nil, upper: nil))
        #expect(PGRange<Int32>.empty.canonical == .empty)
        // daterange leaves infinite bounds as they are.
        let dates = PGRange(lower: PGDate.negativeInfinity, upper: PGDate(year: 2024, month: 1, day: 15)!, upperInclusive: true)
        #expect(dates.canonical == PGRange(lower: .negativeInfinity, upper: PGDate(year: 2024, month: 1, day: 16)!))
        let toInfinity = PGRange(lower: PGDate(year: 2024, month: 1, day: 1)!, upper: PGDate.infinity, upperInclusive: true)
        #expect(toInfinity.canonical == toInfinity)
        // What the server printed for `'[1,5]'::int4range` and `'(1,2)'::int4range`.
        #expect(try PGRange<Int32>(postgresLiteral: "[1,5]").canonical == PGRange<Int32>(postgresLiteral: "[1,6)"))
        #expect(try PGRange<Int32>(postgresLiteral: "(1,2)").canonical == PGRange<Int32>(postgresLiteral: "empty"))
    }

    @Test func contains() {
        let range = PGRange<Int32>(lower: 1, lowerInclusive: false, upper: 5, upperInclusive: true)
        #expect(!range.contains(1) && range.contains(2) && range.contains(5) && !range.contains(6))
        #expect(PGRange<Int32>(..<0).contains(Int32.min) && !PGRange<Int32>(..<0).contains(0))
        #expect(!PGRange<Int32>.empty.contains(0))
        #expect(PGRange<Int32>(lower: nil, upper: nil).contains(42))
    }

    // MARK: Codable

    @Test func codable() throws {
        let values: [PGRange<Int32>] = [PGRange(1..<5), PGRange(...10), .empty]
        #expect(try jsonText(values) == #"["[1,5)","(,10]","empty"]"#)
        #expect(try codableRoundTrip(values) == values)
        let dates = PGRange(lower: PGDate(year: -43, month: 3, day: 15)!, upper: PGDate.infinity)
        #expect(try jsonText(dates) == #""[\"0044-03-15 BC\",infinity)""#)
        #expect(try codableRoundTrip(dates) == dates)
        #expect(throws: (any Error).self) { try decodeJSON(PGRange<Int32>.self, from: #""[1,5""#) }
        #expect(throws: (any Error).self) { try decodeJSON(PGRange<Int32>.self, from: "[1,5]") }
    }
}
