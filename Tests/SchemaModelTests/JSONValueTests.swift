import Foundation
@testable import SchemaModel
import Testing

/// Strings, numbers and every `Codable` shape, decoded exactly and as JSONDecoder decodes them.
@Suite("JSON values")
struct JSONValueTests {
    @Test func stringsDecodeEveryEscapeExactly() throws {
        let json = #"["a\"b\\c\/d\b\f\n\r\t", "\u0041\u00e9\u4E2D", "\ud83d\ude00x", "é中😀", "e\u0301", "\u0000", ""]"#
        let expected = ["a\"b\\c/d\u{8}\u{C}\n\r\t", "Aé中", "😀x", "é中😀", "e\u{301}", "\u{0}", ""]
        #expect(try JSONCoding.decode([String].self, from: Data(json.utf8)) == expected)
        #expect(try FoundationJSON.decode([String].self, from: Data(json.utf8)) == expected)
    }

    @Test func everyCharacterRoundTripsLikeFoundation() throws {
        var scalars: [Unicode.Scalar] = (0...0x2FF).compactMap(Unicode.Scalar.init)
        scalars += [0x2028, 0x2029, 0xFEFF, 0xFFFD, 0xFFFF, 0x1F600, 0x10FFFF].compactMap(Unicode.Scalar.init)
        let strings = scalars.map { String(Character($0)) } + [scalars.map { String(Character($0)) }.joined()]
        try expectSameCodingAsFoundation(strings)
        try expectSameCodingAsFoundation(Dictionary(uniqueKeysWithValues: strings.enumerated().map { ($1, $0) }))
    }

    @Test func integersAreExactAndRangeChecked() throws {
        #expect(try JSONCoding.decode([Int].self, from: Data("[0, -0, 42, 9223372036854775807, -9223372036854775808]".utf8)) == [0, 0, 42, .max, .min])
        #expect(try JSONCoding.decode([UInt64].self, from: Data("[18446744073709551615]".utf8)) == [.max])
        #expect(try JSONCoding.decode([Int8].self, from: Data("[-128, 127]".utf8)) == [-128, 127])
        #expect(try JSONCoding.decode([Int].self, from: Data("[1e2, 5.0, -2E0]".utf8)) == [100, 5, -2])
        for (json, type) in [("[9223372036854775808]", [Int].self as any Decodable.Type), ("[128]", [Int8].self), ("[-1]", [UInt].self),
                             ("[1.5]", [Int].self)] {
            let error = try #require(decodingError(type, json) as? DecodingError)
            guard case let .dataCorrupted(context) = error else { Issue.record("\(json): \(error)"); continue }
            #expect(context.debugDescription.contains("does not fit"))
            #expect(context.underlyingError as? JSONLocation == JSONLocation(line: 1, column: 2, offset: 1))
        }
    }

    @Test func floatingPointIsCorrectlyRoundedLikeFoundation() throws {
        let texts = ["0", "-0.0", "0.1", "0.30000000000000004", "1e-7", "123456789012345678901234567890", "1.7976931348623157e308",
                     "5e-324", "2.2250738585072014E-308", "4.9406564584124654e-324", "9007199254740993",
                     "1.00000000000000011102230246251565404236316680908203125"]
        let json = Data(("[" + texts.joined(separator: ",") + "]").utf8)
        let ours = try JSONCoding.decode([Double].self, from: json)
        #expect(ours.map(\.bitPattern) == (try FoundationJSON.decode([Double].self, from: json)).map(\.bitPattern))
        #expect(ours.map(\.bitPattern) == texts.map { Double($0)!.bitPattern })
        #expect(try JSONCoding.decode([Float].self, from: Data("[0.1, 3.4028235e38]".utf8)) == [0.1, .greatestFiniteMagnitude])
        #expect(decodingError([Double].self, "[1e400]") != nil)
        try expectSameCodingAsFoundation([0.1, -2.5, 1e300, .leastNonzeroMagnitude, 100, -0.0, 1 / 3] as [Double])
        try expectSameCodingAsFoundation([0.1, 16_777_216, 1e-10] as [Float])
        #expect(throws: EncodingError.self) { try JSONCoding.encode([Double.nan]) }
        #expect(throws: EncodingError.self) { try JSONCoding.encode(["x": Double.infinity]) }
    }

    /// A type no snapshot has today, with every kind of value a future field might bring.
    struct Everything: Codable, Equatable {
        var int = Int.min, int8 = Int8.min, int16 = Int16.max, int32 = Int32.min, int64 = Int64.max
        var uint = UInt.max, uint8 = UInt8.max, uint16 = UInt16.max, uint32 = UInt32.max, uint64 = UInt64.max
        var double = 2.5, float: Float = 0.5, flag = true, text = "t"
        var date = Date(timeIntervalSinceReferenceDate: 123.25)
        var data = Data([0, 1, 2, 250, 255])
        var url = URL(string: "https://example.com/a%20b?q=1#f")!
        var decimal = Decimal(string: "12345.6789")!
        var optional: String? = nil
        var optionalArray: [Int?] = [1, nil, 3]
        var nested: [[String]] = [[], ["a"], ["b", "c"]]
        var byString: [String: Int] = ["b": 2, "a": 1, "B": 3, "é": 4, "": 5]
        var byInt: [Int: String] = [10: "ten", 2: "two", -1: "minus one"]
        var empty: [String: [Int]] = [:]
        var set: Set<Int> = [3]
        var kind = RelationKind.materializedView
    }

    @Test func everyCodableShapeMatchesFoundation() throws {
        try expectSameCodingAsFoundation(Everything())
        try expectSameCodingAsFoundation([Everything(), Everything()])
        try expectSameCodingAsFoundation(["k": [Everything()]])
        try expectSameCodingAsFoundation([[Int]]())
        try expectSameCodingAsFoundation("top-level string")
        try expectSameCodingAsFoundation(42)
        try expectSameCodingAsFoundation([true, false])
        try expectSameCodingAsFoundation([String?.none, "x"])
    }

    /// Hand-written conformances use the parts synthesized ones do not: nested containers,
    /// explicit nulls, super coders, keys written twice.
    struct HandWritten: Codable, Equatable {
        var values: [Int]
        var inner: String

        enum CodingKeys: String, CodingKey { case values, inner, nothing, twice }
        enum InnerKeys: String, CodingKey { case name }

        init(values: [Int], inner: String) {
            self.values = values
            self.inner = inner
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            var list = try container.nestedUnkeyedContainer(forKey: .values)
            var values: [Int] = []
            while !list.isAtEnd { values.append(try list.decode(Int.self)) }
            self.values = values
            inner = try container.nestedContainer(keyedBy: InnerKeys.self, forKey: .inner).decode(String.self, forKey: .name)
            guard try container.decodeNil(forKey: .nothing), try container.decode(Int.self, forKey: .twice) == 2 else {
                throw DecodingError.dataCorruptedError(forKey: .nothing, in: container, debugDescription: "unexpected")
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            var list = container.nestedUnkeyedContainer(forKey: .values)
            var inner = container.nestedContainer(keyedBy: InnerKeys.self, forKey: .inner)
            for value in values { try list.encode(value) }  // interleaved with the other container
            try inner.encode(self.inner, forKey: .name)
            try container.encodeNil(forKey: .nothing)
            try container.encode(1, forKey: .twice)
            try container.encode(2, forKey: .twice)
        }
    }

    @Test func handWrittenConformancesMatchFoundation() throws {
        try expectSameCodingAsFoundation(HandWritten(values: [3, 1, 2], inner: "x"))
        try expectSameCodingAsFoundation(HandWritten(values: [], inner: ""))
    }

    @Test func duplicateKeysResolveLikeFoundation() throws {
        let json = Data(#"{"schema": "first", "name": "n", "schema": "second"}"#.utf8)
        let ours = try JSONCoding.decode(QualifiedName.self, from: json)
        #expect(ours == (try FoundationJSON.decode(QualifiedName.self, from: json)))
    }

    @Test func escapedAndUnicodeKeysAreFound() throws {
        let json = Data(#"{"sch\u0065ma": "s", "n\u0061me": "n"}"#.utf8)
        #expect(try JSONCoding.decode(QualifiedName.self, from: json) == QualifiedName(schema: "s", name: "n"))
        let unicode = Data(#"{"e\u0301": 1, "中": 2}"#.utf8)
        #expect(try JSONCoding.decode([String: Int].self, from: unicode) == (try FoundationJSON.decode([String: Int].self, from: unicode)))
    }

    @Test func unknownKeysAreIgnoredForNewerFields() throws {
        let json = Data(#"{"schema": "s", "name": "n", "addedLater": {"deep": [1, {"x": null}]}}"#.utf8)
        #expect(try JSONCoding.decode(QualifiedName.self, from: json) == QualifiedName(schema: "s", name: "n"))
    }
}
