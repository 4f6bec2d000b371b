@_spi(Generated) import EntityKit
import Testing

@Suite("Array columns")
struct ArrayColumnValueTests {
    /// A binary array as `array_send` writes it, lower bounds 1.
    static func binaryArray(elementOID: UInt32, dimensions: [Int], elements: [[UInt8]?]) -> String {
        var bytes: [UInt8] = []
        func append<Integer: FixedWidthInteger>(_ value: Integer) {
            withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
        }
        append(Int32(dimensions.count))
        append(Int32(elements.contains { $0 == nil } ? 1 : 0))
        append(elementOID)
        for length in dimensions {
            append(Int32(length))
            append(Int32(1))
        }
        for element in elements {
            guard let element else { append(Int32(-1)); continue }
            append(Int32(element.count))
            bytes += element
        }
        return bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    static let integersWithNull = "000000010000000100000017000000040000000100000004000000010000000400000002ffffffff0000000400000004"
    static let matrix = "000000020000000000000017000000020000000100000002000000010000000400000001000000040000000200000004000000030000000400000004"
    static let empty = "000000000000000000000017"

    @Test func readsOneDimensionAndNullElements() throws {
        #expect(try decode([Int32?].self, hex: Self.integersWithNull, oid: 1007) == [1, 2, nil, 4])
        #expect(throws: CellDecodingError.self) { try decode([Int32].self, hex: Self.integersWithNull, oid: 1007) }
        let words = "0000000100000001000000190000000300000001000000016100000003622c63ffffffff"
        #expect(try decode([String?].self, hex: words, oid: 1009) == ["a", "b,c", nil])
        // Lower bounds other than 1 are dropped: Swift arrays start at 0.
        let fromZero = "000000010000000000000017000000020000000000000004000000070000000400000008"
        #expect(try decode([Int32].self, hex: fromZero, oid: 1007) == [7, 8])
    }

    @Test func readsEmptyArraysOfAnyDepth() throws {
        #expect(try decode([Int32].self, hex: Self.empty, oid: 1007) == [])
        #expect(try decode([[Int32?]].self, hex: Self.empty, oid: 1007) == [])
        #expect(try decode([Int32].self, text: "{}") == [])
    }

    @Test func readsOneSwiftLevelPerDimension() throws {
        #expect(try decode([[Int32]].self, hex: Self.matrix, oid: 1007) == [[1, 2], [3, 4]])
        #expect(try decode([[Int32?]]?.self, hex: Self.matrix, oid: 1007) == [[1, 2], [3, 4]])
        let row = Self.binaryArray(elementOID: TypeOID.int4, dimensions: [1, 3], elements: [[0, 0, 0, 1], [0, 0, 0, 2], [0, 0, 0, 3]])
        #expect(try decode([[Int32]].self, hex: row, oid: 1007) == [[1, 2, 3]])
        let cube = Self.binaryArray(elementOID: TypeOID.int2, dimensions: [2, 1, 2], elements: [[0, 1], [0, 2], [0, 3], nil])
        #expect(try decode([[[Int16?]]].self, hex: cube, oid: 1005) == [[[1, 2]], [[3, nil]]])
    }

    @Test func dimensionMismatchesAreErrors() {
        #expect(throws: CellDecodingError("the array has more dimensions than Int32 has levels")) {
            try decode([Int32].self, hex: Self.matrix, oid: 1007)
        }
        #expect(throws: CellDecodingError("the array has fewer dimensions than Array<Int32> has levels")) {
            try decode([[Int32]].self, hex: Self.integersWithNull, oid: 1007)
        }
        #expect(throws: CellDecodingError.self) { try decode([[[Int32]]].self, hex: Self.matrix, oid: 1007) }
    }

    @Test func rejectsMalformedArrays() {
        let malformed = [
            "0000000700000000000000170000000100000001",  // seven dimensions
            "000000010000000000000017ffffffff00000001",  // a negative length
            "0000000100000000000000170000000300000001000000040000000100000004",  // fewer elements than promised
            "00000001000000000000001700000001000000010000000800000001",  // an element past the end
            "0000000100000000000000177fffffff00000001",  // a count no value could hold
            "0000000100000000",  // a short header
        ]
        for hex in malformed {
            #expect(throws: CellDecodingError.self, "\(hex)") { try decode([Int32?].self, hex: hex, oid: 1007) }
        }
    }

    @Test func readsArraysSelectedAsTextArrays() throws {
        // `amounts::text[]`: the elements arrive as text and parse as their type.
        let amounts = Self.binaryArray(elementOID: TypeOID.text, dimensions: [3], elements: [Array("1.5".utf8), Array("NaN".utf8), nil])
        #expect(try decode([PGNumeric?].self, hex: amounts, oid: 1009).map { $0?.postgresLiteral } == ["1.5", "NaN", nil])
        let spans = Self.binaryArray(elementOID: TypeOID.text, dimensions: [1], elements: [Array("1 day".utf8)])
        #expect(try decode([PGInterval].self, hex: spans, oid: 1009) == [PGInterval(days: 1)])
    }

    @Test func readsArrayLiteralsInTextComposites() throws {
        #expect(try decode([[Int32]].self, text: "{{1,2},{3,4}}") == [[1, 2], [3, 4]])
        #expect(try decode([String?].self, text: #"{a,"b,c","d\"e","NULL",NULL,"","f\\g"}"#) == ["a", "b,c", "d\"e", "NULL", nil, "", "f\\g"])
        #expect(try decode([Int32].self, text: "[0:1]={7,8}") == [7, 8])
        #expect(try decode([String].self, text: "{ a , b c }") == ["a", "b c"])
        #expect(try decode([PGPoint?].self, text: #"{"(1,2)",NULL}"#) == [PGPoint(x: 1, y: 2), nil])
        for text in ["{1,2", "{{1},{2,3}}", "{{1},2}", "1,2", "{1}x", "{{},{}}", #"{"a}"#] {
            #expect(throws: CellDecodingError.self, "\(text)") { try decode([Int32?].self, text: text) }
        }
    }

    @Test func readsArraysOfDomainsAndEnumsAndComposites() throws {
        // A domain over integer: its OID is the database's, its elements int4's binary form.
        let counts = Self.binaryArray(elementOID: userTypeOID, dimensions: [2], elements: [[0, 0, 0, 1], nil])
        #expect(try decode([Int32?].self, hex: counts, oid: userTypeOID + 1) == [1, nil])
        // A domain over integer[]: each element is a whole array.
        let inner = hexBytes(Self.integersWithNull)
        let nested = Self.binaryArray(elementOID: userTypeOID, dimensions: [2], elements: [inner, nil])
        #expect(try decode([[Int32?]?].self, hex: nested, oid: userTypeOID + 1) == [[1, 2, nil, 4], nil])
        // Records: `array[row(7,'ab')]`.
        let records = "0000000100000000000008c900000001000000010000001a00000002000000170000000400000007000002c1000000026162"
        #expect(try decode([Pair].self, hex: records, oid: 2287) == [Pair(number: 7, text: "ab")])
    }

    struct Pair: PGComposite {
        static let schemaName = "public"
        static let typeName = "pair"
        static let attributeNames = ["number", "text"]
        var number: Int32?
        var text: String?

        init(number: Int32?, text: String?) {
            self.number = number
            self.text = text
        }

        init(row: inout some RowReader) throws {
            number = try row.next(Int32?.self)
            text = try row.next(String?.self)
        }

        func write(to writer: inout some RowWriter) {
            writer.write(number)
            writer.write(text)
        }
    }

    @Test func acceptsArrayTypesOfReadableElements() {
        #expect([Int32?].accepts(typeOID: 1007) && [Int32].accepts(typeOID: 1016) && [Int32].accepts(typeOID: 1009))
        #expect([[Int32?]].accepts(typeOID: 1007) && [[[Int32]]].accepts(typeOID: 1007))
        #expect([PGPoint].accepts(typeOID: 1017) && [UInt32].accepts(typeOID: 2210) && [PGRange<Int32>].accepts(typeOID: 3905))
        #expect([Pair].accepts(typeOID: 2287) && [Pair].accepts(typeOID: userTypeOID))
        #expect(![PGDate].accepts(typeOID: 1007) && ![[PGDate]].accepts(typeOID: 1007))
        #expect(![Int32].accepts(typeOID: TypeOID.int4) && ![Int32].accepts(typeOID: TypeOID.point))
    }

    @Test func literalsNestOneLevelPerDimension() {
        #expect([Int32?]([1, nil, 3]).sqlLiteral == .array([.text("1"), .null, .text("3")]))
        #expect(literalText([Int32?]([1, nil, 3])) == #"{"1",NULL,"3"}"#)
        #expect(literalText([[Int32]]([[1, 2], [3, 4]])) == #"{{"1","2"},{"3","4"}}"#)
        #expect(literalText([String]([#"a"b\c"#, "NULL"])) == #"{"a\"b\\c","NULL"}"#)
        #expect(literalText([Int32]()) == "{}")
        #expect(literalText([Pair(number: 1, text: nil)]) == #"{"(\"1\",)"}"#)
    }
}
