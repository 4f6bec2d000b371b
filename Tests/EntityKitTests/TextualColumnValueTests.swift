@_spi(Generated) import EntityKit
import Foundation
import Testing

@Suite("\"char\", bit string, JSON, text search and hstore columns")
struct TextualColumnValueTests {
    @Test func readsSingleByteChars() throws {
        #expect(try decode(PGChar.self, hex: "41", oid: TypeOID.char) == PGChar(byte: 0x41))
        #expect(try decode(PGChar.self, hex: "00", oid: TypeOID.char) == PGChar(byte: 0))
        #expect(try decode(PGChar.self, hex: "", oid: TypeOID.char) == PGChar(byte: 0))
        #expect(try decode(PGChar.self, hex: "ff", oid: userTypeOID) == PGChar(byte: 0xFF))
        #expect(try decode(PGChar.self, text: #"\377"#) == PGChar(byte: 0xFF))
        #expect(literalText(PGChar(byte: 0xFF)) == #"\377"#)
        #expect(literalText(PGChar(byte: 0)) == "")
        #expect(throws: CellDecodingError.self) { try decode(PGChar.self, hex: "4142", oid: TypeOID.char) }
    }

    @Test func readsBitStrings() throws {
        #expect(literalText(try decode(PGBitString.self, hex: "00000008a5", oid: TypeOID.bit)) == "10100101")
        #expect(literalText(try decode(PGBitString.self, hex: "00000003a0", oid: TypeOID.varbit)) == "101")
        #expect(literalText(try decode(PGBitString.self, hex: "00000000", oid: TypeOID.varbit)) == "")
        #expect(literalText(try decode(PGBitString.self, hex: "00000003a0", oid: userTypeOID)) == "101")
        // Padding bits are cleared, so equal bit strings compare equal.
        #expect(try decode(PGBitString.self, hex: "00000003ff", oid: TypeOID.varbit) == PGBitString(bits: [true, true, true]))
        #expect(try decode(PGBitString.self, text: "10100101") == decode(PGBitString.self, hex: "00000008a5", oid: TypeOID.bit))
        for hex in ["00000009a5", "00000008a500", "ffffffff", "000000"] {
            #expect(throws: CellDecodingError.self, "\(hex)") { try decode(PGBitString.self, hex: hex, oid: TypeOID.varbit) }
        }
    }

    @Test func readsJSONTextExactly() throws {
        let json = try decode(PGJSON.self, hex: "20207b226222203a20317d2020", oid: TypeOID.json)
        #expect(json.postgresLiteral == #"  {"b" : 1}  "#)
        #expect(literalText(json) == #"  {"b" : 1}  "#)
        let jsonb = try decode(PGJSON.self, hex: "01227363616c617222", oid: TypeOID.jsonb)
        #expect(jsonb.postgresLiteral == #""scalar""#)
        // A domain's OID does not say json or jsonb: jsonb's version byte does.
        #expect(try decode(PGJSON.self, hex: "01227363616c617222", oid: userTypeOID) == jsonb)
        #expect(try decode(PGJSON.self, hex: "20207b226222203a20317d2020", oid: userTypeOID) == json)
        #expect(try decode(PGJSON.self, text: #"{"b": [1, 2.50]}"#).postgresLiteral == #"{"b": [1, 2.50]}"#)
        #expect(throws: CellDecodingError.self) { try decode(PGJSON.self, hex: "02227822", oid: TypeOID.jsonb) }
        #expect(throws: CellDecodingError.self) { try decode(PGJSON.self, hex: "", oid: TypeOID.jsonb) }
        #expect(throws: PGLiteralError.self) { try decode(PGJSON.self, text: "{") }
    }

    struct OrderDetails: JSONColumnValue, Equatable {
        var items: [String]
        var giftWrap: Bool
    }

    struct Measurement: JSONColumnValue {
        var value: Double
    }

    @Test func readsAndWritesCodableTypesAsJSON() throws {
        let details = OrderDetails(items: ["a", "b"], giftWrap: true)
        let text = #"{"items": ["a", "b"], "giftWrap": true}"#
        #expect(try decode(OrderDetails.self, hex: "01" + Array(text.utf8).map { String($0, radix: 16) }.joined(), oid: TypeOID.jsonb) == details)
        #expect(try decode(OrderDetails.self, text: text, oid: TypeOID.json) == details)
        #expect(try decode(OrderDetails.self, text: text) == details)
        #expect(try decode(OrderDetails.self, text: text, oid: userTypeOID) == details)
        #expect(throws: CellDecodingError.self) { try decode(OrderDetails.self, text: #"{"items": []}"#) }
        #expect(throws: CellDecodingError.self) { try decode(OrderDetails.self, hex: "0000002a", oid: TypeOID.int4) }
        // Sorted keys: the same value always writes the same statement.
        #expect(literalText(details) == #"{"giftWrap":true,"items":["a","b"]}"#)
        #expect(OrderDetails.accepts(typeOID: TypeOID.jsonb) && OrderDetails.accepts(typeOID: TypeOID.json))
        #expect(!OrderDetails.accepts(typeOID: TypeOID.int4))
        // A value JSON cannot hold is written as text the server rejects, naming the type.
        let unwritable = try #require(literalText(Measurement(value: .nan)))
        #expect(unwritable.hasPrefix("Measurement does not encode as JSON"))
        #expect((try? JSONSerialization.jsonObject(with: Data(unwritable.utf8), options: .fragmentsAllowed)) == nil)
    }

    @Test func readsTextSearchVectors() throws {
        let hex = "0000000461000001c00163617400000200034005697427730000010002c3bc7466000000"
        let vector = try decode(PGTSVector.self, hex: hex, oid: TypeOID.tsvector)
        let printed = #"'a':1A 'cat':3,5C 'it''s':2 'ütf'"#
        #expect(literalText(vector) == printed)
        #expect(try decode(PGTSVector.self, text: printed) == vector)
        #expect(try decode(PGTSVector.self, hex: hex, oid: userTypeOID) == vector)
        #expect(literalText(try decode(PGTSVector.self, hex: "00000000", oid: TypeOID.tsvector)) == "")
        for bad in ["0000000161", "00000001610000", "000000016100000100", "00000001610000010000", "0000000261000000", "000000006100"] {
            #expect(throws: CellDecodingError.self, "\(bad)") { try decode(PGTSVector.self, hex: bad, oid: TypeOID.tsvector) }
        }
    }

    @Test func readsTextSearchQueriesOnlyAsText() throws {
        let query = try decode(PGTSQuery.self, text: "'fat' & ( 'rat' | !'cat' )")
        #expect(literalText(query) == "'fat' & ( 'rat' | !'cat' )")
        #expect(throws: CellDecodingError.self) { try decode(PGTSQuery.self, hex: "00000001", oid: TypeOID.tsquery) }
        #expect(PGTSQuery.accepts(typeOID: TypeOID.text) && !PGTSQuery.accepts(typeOID: TypeOID.tsquery))
        #expect(!PGTSQuery.accepts(typeOID: userTypeOID))
    }

    @Test func readsHStores() throws {
        let printed = #""a"=>"1", "zz"=>"", "b c"=>NULL"#
        let store = try decode(PGHStore.self, text: printed)
        #expect(store == PGHStore(["a": "1", "b c": nil, "zz": ""]))
        #expect(literalText(store) == printed)
        // hstore_send's form, which arrives when the column is selected without the text cast.
        let sent = "0000000300000001610000000131000000027a7a0000000000000003622063ffffffff"
        #expect(try decode(PGHStore.self, hex: sent, oid: userTypeOID) == store)
        #expect(throws: CellDecodingError.self) { try decode(PGHStore.self, hex: "00000001000000016100", oid: userTypeOID) }
        #expect(throws: CellDecodingError.self) { try decode(PGHStore.self, hex: sent, oid: TypeOID.bytea) }
        #expect(PGHStore.accepts(typeOID: userTypeOID) && PGHStore.accepts(typeOID: TypeOID.text))
    }
}
