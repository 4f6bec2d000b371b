import EntityKit
@testable import EntityKitPostgres
import NIOCore
import Testing

/// Binary forms of ranges, multiranges and tsvector. Every byte string below is what PostgreSQL
/// 15 returned for `range_send(…)`, `multirange_send(…)` or `tsvectorsend(…)` of the value in
/// the comment.
@Suite("Binary ranges")
struct BinaryRangeTests {
    static func bytes(_ hex: String) -> ByteBuffer {
        var buffer = ByteBuffer()
        var digits = hex.utf8.makeIterator()
        while let high = digits.next(), let low = digits.next() {
            buffer.writeInteger(UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)!)
        }
        return buffer
    }

    static func decode<Value>(_ type: Value.Type, _ hex: String, oid: UInt32) throws -> Value? {
        try ScalarDecoding.decode(type, from: .binary(bytes(hex), oid: oid))
    }

    static func date(_ year: Int, _ month: Int, _ day: Int) -> PGDate { PGDate(year: year, month: month, day: day)! }
    static func instant(_ year: Int, _ month: Int, _ day: Int) -> PGTimestamp { PGTimestamp(year: year, month: month, day: day)! }

    // MARK: Ranges

    @Test func int4range() throws {
        // '[1,5)', '[-5,2147483647)', '(,10]' (stored as '(,11)'), '[1,)', '(,)', 'empty'
        #expect(try PGRange<Int32>.decodeBinary(Self.bytes("0200000004000000010000000400000005"), oid: 3904) == PGRange(1..<5))
        #expect(try Self.decode(PGRange<Int32>.self, "0200000004fffffffb000000047fffffff", oid: 3904) == PGRange(-5..<Int32.max))
        #expect(try Self.decode(PGRange<Int32>.self, "08000000040000000b", oid: 3904) == PGRange(..<11))
        #expect(try Self.decode(PGRange<Int32>.self, "120000000400000001", oid: 3904) == PGRange(1...))
        #expect(try Self.decode(PGRange<Int32>.self, "18", oid: 3904) == PGRange(lower: nil, upper: nil))
        #expect(try Self.decode(PGRange<Int32>.self, "01", oid: 3904) == .empty)
    }

    @Test func int8range() throws {
        // '[1,5)', '[-9223372036854775808,10)', 'empty'
        #expect(try Self.decode(PGRange<Int64>.self, "02000000080000000000000001000000080000000000000005", oid: 3926) == PGRange(1..<5))
        #expect(try Self.decode(PGRange<Int64>.self, "0200000008800000000000000000000008000000000000000a", oid: 3926)
            == PGRange(Int64.min..<10))
        #expect(try Self.decode(PGRange<Int64>.self, "01", oid: 3926) == .empty)
    }

    @Test func numrange() throws {
        // '[1.5,2.25)', '(-1.5,NaN]', '(,0.001]', '[1.50,Infinity)'
        #expect(try Self.decode(PGRange<PGNumeric>.self, "020000000c0002000000000001000113880000000c0002000000000002000209c4", oid: 3906)
            == PGRange(lower: "1.5", upper: "2.25"))
        #expect(try Self.decode(PGRange<PGNumeric>.self, "040000000c0002000040000001000113880000000800000000c0000000", oid: 3906)
            == PGRange(lower: "-1.5", lowerInclusive: false, upper: .nan, upperInclusive: true))
        #expect(try Self.decode(PGRange<PGNumeric>.self, "0c0000000a0001ffff00000003000a", oid: 3906)
            == PGRange(lower: nil, upper: "0.001", upperInclusive: true))
        #expect(try Self.decode(PGRange<PGNumeric>.self, "020000000c0002000000000002000113880000000800000000d0000020", oid: 3906)
            == PGRange(lower: "1.50", upper: .infinity))
    }

    @Test func daterange() throws {
        // '[2024-01-01,2024-02-01)', '[-infinity,2024-01-15]' (stored as '[-infinity,2024-01-16)'), '[2000-01-01,)'
        #expect(try Self.decode(PGRange<PGDate>.self, "02000000040000223e000000040000225d", oid: 3912)
            == PGRange(lower: Self.date(2024, 1, 1), upper: Self.date(2024, 2, 1)))
        #expect(try Self.decode(PGRange<PGDate>.self, "020000000480000000000000040000224d", oid: 3912)
            == PGRange(lower: .negativeInfinity, upper: Self.date(2024, 1, 16)))
        #expect(try Self.decode(PGRange<PGDate>.self, "120000000400000000", oid: 3912) == PGRange(lower: Self.date(2000, 1, 1), upper: nil))
    }

    @Test func tsrange() throws {
        // '[2024-01-01 00:00:00,2024-02-01 00:00:00)'
        #expect(try Self.decode(PGRange<PGLocalTimestamp>.self, "02000000080002b0d5d4e94000000000080002b34571fde000", oid: 3908)
            == PGRange(lower: PGLocalTimestamp(year: 2024, month: 1, day: 1)!, upper: PGLocalTimestamp(year: 2024, month: 2, day: 1)!))
        // '("1999-12-31 23:59:59.999999","2000-01-01 00:00:00.000001"]'
        #expect(try Self.decode(PGRange<PGLocalTimestamp>.self, "0400000008ffffffffffffffff000000080000000000000001", oid: 3908)
            == PGRange(lower: PGLocalTimestamp(microsecondsSince2000: -1), lowerInclusive: false,
                       upper: PGLocalTimestamp(microsecondsSince2000: 1), upperInclusive: true))
        // '[-infinity,infinity]': infinite values, not absent bounds.
        #expect(try Self.decode(PGRange<PGLocalTimestamp>.self, "06000000088000000000000000000000087fffffffffffffff", oid: 3908)
            == PGRange(lower: .negativeInfinity, upper: .infinity, upperInclusive: true))
    }

    @Test func tstzrange() throws {
        // '["2024-01-01 00:00:00+00","2024-02-01 00:00:00+00")'
        #expect(try Self.decode(PGRange<PGTimestamp>.self, "02000000080002b0d5d4e94000000000080002b34571fde000", oid: 3910)
            == PGRange(lower: Self.instant(2024, 1, 1), upper: Self.instant(2024, 2, 1)))
        // '["2024-01-01 00:00:00+00",infinity]'
        #expect(try Self.decode(PGRange<PGTimestamp>.self, "06000000080002b0d5d4e94000000000087fffffffffffffff", oid: 3910)
            == PGRange(lower: Self.instant(2024, 1, 1), upper: .infinity, upperInclusive: true))
        // '(,"2000-01-01 00:00:00+00"]'
        #expect(try Self.decode(PGRange<PGTimestamp>.self, "0c000000080000000000000000", oid: 3910)
            == PGRange(lower: nil, upper: PGTimestamp(microsecondsSince2000: 0), upperInclusive: true))
    }

    @Test func rangesFallBackToTextAndRejectOtherTypes() throws {
        #expect(try ScalarDecoding.decode(PGRange<Int32>.self, from: .text("[1,6)")) == PGRange(1..<6))
        #expect(try ScalarDecoding.decode(PGRange<PGTimestamp>.self, from: .text(#"["2024-01-01 00:00:00+00",)"#))
            == PGRange(lower: Self.instant(2024, 1, 1), upper: nil))
        // Not a built-in range type: nil, so the caller reads the text form.
        #expect(try PGRange<Int32>.decodeBinary(Self.bytes("01"), oid: 16_400) == nil)
        #expect(try PGRange<Int32>.decodeBinary(Self.bytes("00000001"), oid: TypeOID.int4) == nil)
        #expect(try PGMultirange<Int32>.decodeBinary(Self.bytes("0200000004000000010000000400000005"), oid: 3904) == nil)
        // A user-defined range arriving as text (its binary bytes are the text).
        #expect(try ScalarDecoding.decode(PGRange<Double>.self, from: .binary(ByteBuffer(string: "[1.5,2.5)"), oid: 16_400))
            == PGRange(lower: 1.5, upper: 2.5))
    }

    @Test func malformedRangesThrow() {
        #expect(throws: ScalarProblem.self) { try PGRange<Int32>.decodeBinary(Self.bytes(""), oid: 3904) }
        #expect(throws: ScalarProblem.self) { try PGRange<Int32>.decodeBinary(Self.bytes("02000000040000000100"), oid: 3904) }
        #expect(throws: ScalarProblem.self) { try PGRange<Int32>.decodeBinary(Self.bytes("0200000004000000010000000400000005ff"), oid: 3904) }
        #expect(throws: ScalarProblem.self) { try PGRange<Int32>.decodeBinary(Self.bytes("02ffffffff"), oid: 3904) }
        // Bounds of another type than the range's subtype.
        #expect(throws: ScalarProblem.self) {
            try PGRange<PGDate>.decodeBinary(Self.bytes("0200000004000000010000000400000005"), oid: 3904)
        }
        #expect(throws: ScalarProblem.self) {
            try PGRange<Double>.decodeBinary(Self.bytes("020000000c0002000000000001000113880000000c0002000000000002000209c4"), oid: 3906)
        }
    }

    // MARK: Multiranges

    @Test func int4AndInt8Multiranges() throws {
        // '{[1,3),[5,7)}'::int4multirange, '{}'
        #expect(try Self.decode(PGMultirange<Int32>.self,
                                "00000002000000110200000004000000010000000400000003000000110200000004000000050000000400000007", oid: 4451)
            == [PGRange(1..<3), PGRange(5..<7)])
        #expect(try Self.decode(PGMultirange<Int32>.self, "00000000", oid: 4451) == [])
        // '{[1,3),[5,)}'::int8multirange
        #expect(try Self.decode(PGMultirange<Int64>.self,
                                "0000000200000019020000000800000000000000010000000800000000000000030000000d12000000080000000000000005", oid: 4536)
            == [PGRange(1..<3), PGRange(5...)])
    }

    @Test func numAndDateMultiranges() throws {
        // '{[1.5,2), (3,4]}'::nummultirange
        let numbers = try Self.decode(
            PGMultirange<PGNumeric>.self,
            "000000020000001f020000000c0002000000000001000113880000000a000100000000000000020000001d040000000a000100000000000000030000000a00010000000000000004",
            oid: 4532)
        #expect(numbers == [PGRange(lower: "1.5", upper: "2"), PGRange(lower: "3", lowerInclusive: false, upper: "4", upperInclusive: true)])
        // '{[2024-01-01,2024-01-05),[2024-02-01,infinity]}'::datemultirange
        #expect(try Self.decode(PGMultirange<PGDate>.self,
                                "000000020000001102000000040000223e00000004000022420000001106000000040000225d000000047fffffff", oid: 4535)
            == [PGRange(lower: Self.date(2024, 1, 1), upper: Self.date(2024, 1, 5)),
                PGRange(lower: Self.date(2024, 2, 1), upper: .infinity, upperInclusive: true)])
    }

    @Test func timestampMultiranges() throws {
        // '{["2024-01-01 00:00:00","2024-01-02 00:00:00")}'::tsmultirange
        #expect(try Self.decode(PGMultirange<PGLocalTimestamp>.self,
                                "000000010000001902000000080002b0d5d4e94000000000080002b0e9f2c0a000", oid: 4533)
            == [PGRange(lower: PGLocalTimestamp(year: 2024, month: 1, day: 1)!, upper: PGLocalTimestamp(year: 2024, month: 1, day: 2)!)])
        // '{(,"2024-01-01 00:00:00+00"),["2024-06-01 00:00:00+00",)}'::tstzmultirange, '{}'
        #expect(try Self.decode(PGMultirange<PGTimestamp>.self,
                                "000000020000000d08000000080002b0d5d4e940000000000d12000000080002bcc78cca4000", oid: 4534)
            == [PGRange(lower: nil, upper: Self.instant(2024, 1, 1)), PGRange(lower: Self.instant(2024, 6, 1), upper: nil)])
        #expect(try Self.decode(PGMultirange<PGTimestamp>.self, "00000000", oid: 4534) == [])
    }

    @Test func multirangesFallBackToTextAndRejectMalformedBytes() throws {
        #expect(try ScalarDecoding.decode(PGMultirange<Int32>.self, from: .text("{[1,3),[5,7)}")) == [PGRange(1..<3), PGRange(5..<7)])
        #expect(try PGMultirange<Int32>.decodeBinary(Self.bytes("00000000"), oid: 16_401) == nil)
        #expect(throws: ScalarProblem.self) { try PGMultirange<Int32>.decodeBinary(Self.bytes("000000"), oid: 4451) }
        #expect(throws: ScalarProblem.self) { try PGMultirange<Int32>.decodeBinary(Self.bytes("00000001"), oid: 4451) }
        #expect(throws: ScalarProblem.self) { try PGMultirange<Int32>.decodeBinary(Self.bytes("000000010000000201"), oid: 4451) }
        #expect(throws: ScalarProblem.self) { try PGMultirange<Int32>.decodeBinary(Self.bytes("0000000000"), oid: 4451) }
    }

    // MARK: tsvector

    @Test func tsvector() throws {
        // $$'a':1A,2 'cat':3 'it''s' 'b\\s':4B,5C,6D$$, printed as 'a':1A,2 'b\\s':4B,5C,6 'cat':3 'it''s'
        let vector = try #require(try PGTSVector.decodeBinary(
            Self.bytes("0000000461000002c0010002625c73000003800440050006636174000001000369742773000000"), oid: 3614))
        #expect(vector.postgresLiteral == #"'a':1A,2 'b\\s':4B,5C,6 'cat':3 'it''s'"#)
        #expect(vector.lexemes.map(\.text) == ["a", #"b\s"#, "cat", "it's"])
        #expect(vector.lexemes[0].positions == [PGTSVector.Position(1, weight: .a)!, PGTSVector.Position(2)!])
        #expect(vector.lexemes[1].positions.map(\.weight) == [.b, .c, .d])
        #expect(vector.lexemes[3].positions.isEmpty)

        // $$'café':1,16383D 'x':2C$$ and ''
        let accented = try Self.decode(PGTSVector.self, "00000002636166c3a900000200013fff780000014002", oid: 3614)
        #expect(accented?.postgresLiteral == "'café':1,16383 'x':2C")
        #expect(try Self.decode(PGTSVector.self, "00000000", oid: 3614) == PGTSVector([]))

        #expect(try ScalarDecoding.decode(PGTSVector.self, from: .text("'fat':2,6 'rat':7")) == PGTSVector(postgresLiteral: "'fat':2,6 'rat':7"))
        #expect(try PGTSVector.decodeBinary(Self.bytes("00000000"), oid: 3615) == nil)
    }

    @Test func malformedTSVectorsThrow() {
        for hex in ["", "00000001", "0000000161", "000000016100", "00000001610000020001", "000000016100000000ff", "00000001610000010000"] {
            #expect(throws: ScalarProblem.self) { try PGTSVector.decodeBinary(Self.bytes(hex), oid: 3614) }
        }
    }
}
