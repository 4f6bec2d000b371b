import EntityKit
import Foundation
import Testing

@Suite("PGDate")
struct PGDateTests {
    /// Literal, days since 2000-01-01 and astronomical components, as PostgreSQL 15 computes them.
    static let knownDates: [(String, Int32, Int, Int, Int)] = [
        ("2000-01-01", 0, 2000, 1, 1),
        ("1999-12-31", -1, 1999, 12, 31),
        ("2024-01-15", 8780, 2024, 1, 15),
        ("1970-01-01", -10957, 1970, 1, 1),
        ("2000-02-29", 59, 2000, 2, 29),
        ("1900-03-01", -36465, 1900, 3, 1),
        ("0001-01-01", -730_119, 1, 1, 1),
        ("0001-12-31 BC", -730_120, 0, 12, 31),
        ("0044-03-15 BC", -746_117, -43, 3, 15),
        ("4713-11-24 BC", -2_451_179, -4712, 11, 24),
        ("4714-11-24 BC", -2_451_545, -4713, 11, 24),
        ("10000-01-01", 2_921_940, 10000, 1, 1),
        ("5874897-12-31", 2_145_031_948, 5_874_897, 12, 31),
    ]

    @Test("parses what PostgreSQL prints", arguments: knownDates)
    func parses(literal: String, days: Int32, year: Int, month: Int, day: Int) throws {
        let date = try PGDate(postgresLiteral: literal)
        #expect(date.daysSince2000 == days)
        let components = try #require(date.components)
        #expect(components.year == year && components.month == month && components.day == day)
        #expect(!date.isInfinite)
    }

    @Test("prints PostgreSQL's spelling", arguments: knownDates)
    func prints(literal: String, days: Int32, year: Int, month: Int, day: Int) throws {
        #expect(PGDate(daysSince2000: days).postgresLiteral == literal)
        #expect(PGDate(daysSince2000: days).description == literal)
        let fromComponents = try #require(PGDate(year: year, month: month, day: day))
        #expect(fromComponents.daysSince2000 == days)
    }

    @Test func bcYearsAreAstronomical() throws {
        let idesOfMarch = try #require(PGDate(year: -43, month: 3, day: 15))
        #expect(idesOfMarch.postgresLiteral == "0044-03-15 BC")
        #expect(try PGDate(postgresLiteral: "0044-03-15 BC") == idesOfMarch)
        #expect(try PGDate(postgresLiteral: "0044-03-15 bc") == idesOfMarch)
        #expect(try PGDate(postgresLiteral: "0001-01-01 BC").components?.year == 0)
    }

    @Test func infinities() throws {
        #expect(try PGDate(postgresLiteral: "infinity") == .infinity)
        #expect(try PGDate(postgresLiteral: "-infinity") == .negativeInfinity)
        #expect(try PGDate(postgresLiteral: "Infinity") == .infinity)
        #expect(PGDate.infinity.postgresLiteral == "infinity")
        #expect(PGDate.negativeInfinity.postgresLiteral == "-infinity")
        #expect(PGDate.infinity.daysSince2000 == .max)
        #expect(PGDate.negativeInfinity.daysSince2000 == .min)
        #expect(PGDate.infinity.isInfinite && PGDate.negativeInfinity.isInfinite)
        #expect(PGDate.infinity.components == nil)
    }

    @Test func leapDays() {
        #expect(PGDate(year: 2000, month: 2, day: 29)?.daysSince2000 == 59)
        #expect(PGDate(year: 2024, month: 2, day: 29) != nil)
        #expect(PGDate(year: 1900, month: 2, day: 29) == nil)
        #expect(PGDate(year: 2023, month: 2, day: 29) == nil)
        #expect(PGDate(year: 0, month: 2, day: 29) != nil)  // 1 BC was a leap year
        #expect(PGDate(year: -100, month: 2, day: 29) == nil)
        #expect(throws: PGLiteralError.self) { try PGDate(postgresLiteral: "1900-02-29") }
        #expect(throws: Never.self) { try PGDate(postgresLiteral: "2000-02-29") }
    }

    @Test("rejects invalid dates", arguments: [
        "", "2024", "2024-01", "2024-01-15x", "2024/01/15", "2024-13-01", "2024-00-10",
        "2024-04-31", "2024-02-30", "2024-01-00", "abcd-01-01", "infinityx", "- infinity",
        "0000-01-01", "0000-01-01 BC", "5874898-01-01", "4714-11-23 BC",
    ])
    func rejects(literal: String) {
        #expect(throws: PGLiteralError.self) { try PGDate(postgresLiteral: literal) }
    }

    @Test func componentInitializerRejectsOutOfRange() {
        #expect(PGDate(year: 2024, month: 13, day: 1) == nil)
        #expect(PGDate(year: 2024, month: 1, day: 32) == nil)
        #expect(PGDate(year: 5_874_898, month: 1, day: 1) == nil)
        #expect(PGDate(year: -4713, month: 11, day: 23) == nil)
    }

    @Test func ordering() throws {
        let dates = try ["infinity", "2024-01-15", "-infinity", "0044-03-15 BC", "2000-01-01"].map(PGDate.init(postgresLiteral:))
        #expect(dates.sorted().map(\.postgresLiteral) == ["-infinity", "0044-03-15 BC", "2000-01-01", "2024-01-15", "infinity"])
    }

    @Test func toDate() {
        #expect(PGDate(daysSince2000: 0).date() == Date(timeIntervalSince1970: 946_684_800))
        #expect(PGDate(daysSince2000: 8780).date() == Date(timeIntervalSince1970: 1_705_276_800))
        #expect(PGDate(daysSince2000: -10957).date() == Date(timeIntervalSince1970: 0))
        let plusOne = TimeZone(secondsFromGMT: 3600)!
        #expect(PGDate(daysSince2000: 0).date(in: plusOne) == Date(timeIntervalSince1970: 946_684_800 - 3600))
        #expect(PGDate.infinity.date() == Date(timeIntervalSince1970: .infinity))
        #expect(PGDate.negativeInfinity.date() == Date(timeIntervalSince1970: -.infinity))
    }

    @Test func fromDate() {
        #expect(PGDate(Date(timeIntervalSince1970: 946_684_800)).daysSince2000 == 0)
        #expect(PGDate(Date(timeIntervalSince1970: 946_684_800 + 86_399.999)).daysSince2000 == 0)
        #expect(PGDate(Date(timeIntervalSince1970: 946_684_799.5)).daysSince2000 == -1)
        #expect(PGDate(Date(timeIntervalSince1970: 0)).daysSince2000 == -10957)
        // 23:00 UTC on 1999-12-31 is already 2000-01-01 one hour east, and 1999-12-31 five hours west.
        let lateEvening = Date(timeIntervalSince1970: 946_684_800 - 3600)
        #expect(PGDate(lateEvening, in: TimeZone(secondsFromGMT: 3600)!).daysSince2000 == 0)
        #expect(PGDate(lateEvening, in: TimeZone(secondsFromGMT: -5 * 3600)!).daysSince2000 == -1)
        #expect(PGDate(Date(timeIntervalSince1970: .infinity)) == .infinity)
        #expect(PGDate(Date(timeIntervalSince1970: -.infinity)) == .negativeInfinity)
        #expect(PGDate(Date(timeIntervalSince1970: 1e300)) == .infinity)
    }

    @Test("Date round trip", arguments: [Int32(-746_117), -10957, -1, 0, 1, 59, 8780, 2_921_940])
    func dateRoundTrip(days: Int32) {
        let date = PGDate(daysSince2000: days)
        #expect(PGDate(date.date()) == date)
        let tokyo = TimeZone(secondsFromGMT: 9 * 3600)!
        #expect(PGDate(date.date(in: tokyo), in: tokyo) == date)
        #expect(PGDate(PGDate.infinity.date()) == .infinity)
        #expect(PGDate(PGDate.negativeInfinity.date()) == .negativeInfinity)
    }

    @Test func literalRoundTrip() throws {
        for days in stride(from: Int32(-2_451_545), through: 2_145_031_948, by: 9_876_543) + [2_145_031_948, .max, .min] {
            let date = PGDate(daysSince2000: days)
            #expect(try PGDate(postgresLiteral: date.postgresLiteral) == date, "\(date)")
        }
    }
}
