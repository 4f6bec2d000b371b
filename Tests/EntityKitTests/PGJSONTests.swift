import EntityKit
import Foundation
import Testing

@Suite("PGJSON")
struct PGJSONTests {
    struct Item: Codable, Equatable {
        let name: String
        let count: Int
        let tags: [String]
    }

    @Test("keeps the text exactly", arguments: [
        #"{"b":1, "a":2,  "a":3}"#,
        "  [1, 2]  ",
        "{\n  \"nested\": {\"z\": [true, false, null]},\n  \"a\": \"\\u00e9\"\n}",
        #""text""#, "42", "-0.5e-3", "null", "true", "[]", "{}",
        "12345678901234567890123456789012345678901234567890",
        #"{"emoji":"🐘","escaped":"\"\\\/\b\f\n\r\t\u00E9\uabcd"}"#,
        // PostgreSQL's `json` accepts these; `JSONSerialization` would not.
        "1e400", "-1E+400", #""\ud800""#, #""\udc00\ud800""#, #""\u0000""#, "[-0, 0.5e-3, 1E+2]",
        "\n[1]\t\r",
    ])
    func keepsText(text: String) throws {
        let json = try PGJSON(postgresLiteral: text)
        #expect(json.postgresLiteral == text)
        #expect(json.description == text)
    }

    @Test("rejects invalid JSON", arguments: [
        "", " ", "{", "}", "[1,]", "{\"a\":1,}", "[,1]", "[1,,2]", "{'a':1}", "{\"a\":1}x", "{\"a\" 1}", "{1:2}",
        "NaN", "Infinity", "undefined", "{a:1}", "[1 2]", "[1]]", "\"unterminated", "tru", "nul", "True",
        "[01]", "[1.]", "[.5]", "[+1]", "[-]", "[1e]", "[0x10]", #"["\x"]"#, #"["\u12"]"#, #""\U00e9""#,
        "[\"\t\"]", "\u{FEFF}[1]", "\u{00A0}[1]", "\u{0C}[1]", "/* c */ 1",
    ])
    func rejects(text: String) {
        #expect(throws: PGLiteralError.self) { try PGJSON(postgresLiteral: text) }
    }

    @Test func largeValues() throws {
        let digits = "1" + String(repeating: "0", count: 400)  // what jsonb prints for 1e400
        #expect(try PGJSON(postgresLiteral: digits).postgresLiteral == digits)
        let nested = String(repeating: "[", count: 3000) + String(repeating: "]", count: 3000)
        #expect(try PGJSON(postgresLiteral: nested).postgresLiteral == nested)
        #expect(throws: PGLiteralError.self) { try PGJSON(postgresLiteral: String(repeating: "[", count: 5000)) }
    }

    @Test func equalityIsTextual() throws {
        #expect(try PGJSON(postgresLiteral: #"{"a":1}"#) != PGJSON(postgresLiteral: #"{"a": 1}"#))
        #expect(PGJSON(unchecked: "[1]") == (try PGJSON(postgresLiteral: "[1]")))
        #expect(PGJSON(unchecked: "not json").postgresLiteral == "not json")
    }

    @Test func decodesIntoATypeAndEncodesOne() throws {
        let json = try PGJSON(postgresLiteral: #"{"tags": ["x", "y"], "count": 2, "name": "widget"}"#)
        #expect(try json.decode(Item.self) == Item(name: "widget", count: 2, tags: ["x", "y"]))
        let inferred: Item = try json.decode()
        #expect(inferred.count == 2)
        #expect(throws: DecodingError.self) { try json.decode([Int].self) }

        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let encoded = try PGJSON(encoding: Item(name: "widget", count: 2, tags: ["x"]), using: encoder)
        #expect(encoded.postgresLiteral == #"{"count":2,"name":"widget","tags":["x"]}"#)
        #expect(try encoded.decode(Item.self) == Item(name: "widget", count: 2, tags: ["x"]))
        #expect(try PGJSON(encoding: [1, 2, 3]).postgresLiteral == "[1,2,3]")
    }

    struct Row: Codable, Equatable {
        let payload: PGJSON
    }

    @Test func codableEmbedsTheJSONValue() throws {
        let row = Row(payload: try PGJSON(postgresLiteral: #"{ "b": [1, 2.5, "x", null, true], "a": {} }"#))
        #expect(try jsonText(row) == #"{"payload":{"a":{},"b":[1,2.5,"x",null,true]}}"#)
        #expect(try jsonText(try PGJSON(postgresLiteral: #""a/b""#)) == #""a/b""#)
        #expect(try jsonText(try PGJSON(postgresLiteral: "null")) == "null")
    }

    @Test func decodingTakesAnyJSONValue() throws {
        let row = try decodeJSON(Row.self, from: #"{"payload": {"b": 1, "a": [true, null, "s/t"]}}"#)
        #expect(row.payload.postgresLiteral == #"{"a":[true,null,"s/t"],"b":1}"#)
        #expect(try decodeJSON(PGJSON.self, from: "  42 ").postgresLiteral == "42")
        #expect(try decodeJSON(PGJSON.self, from: #""text""#).postgresLiteral == #""text""#)
        #expect(try decodeJSON(PGJSON.self, from: "[1,false,0,1.5]").postgresLiteral == "[1,false,0,1.5]")
    }

    @Test func codableRoundTripKeepsTheValue() throws {
        let original = try PGJSON(postgresLiteral: #"{"z": [1, -2, 3.25, "é"], "a": {"n": null, "t": true}}"#)
        let decoded = try codableRoundTrip(original)
        #expect(try decoded.decode(JSONValue.self) == original.decode(JSONValue.self))
        // After one trip the text is canonical (sorted keys, no whitespace) and stays put.
        #expect(decoded.postgresLiteral == #"{"a":{"n":null,"t":true},"z":[1,-2,3.25,"é"]}"#)
        #expect(try codableRoundTrip(decoded) == decoded)
    }

    @Test func duplicateKeys() throws {
        // The text keeps both keys; the embedded value can hold only one of them.
        let json = try PGJSON(postgresLiteral: #"{"a":1,"a":2}"#)
        #expect(json.postgresLiteral == #"{"a":1,"a":2}"#)
        let embedded = try jsonText(json)
        #expect(embedded == #"{"a":1}"# || embedded == #"{"a":2}"#)
    }

    @Test func valuesJSONValueCannotHoldFailToEncode() throws {
        // `1e400` is valid JSON but no `Double`: encoding reports an error instead of changing the value.
        let json = try PGJSON(postgresLiteral: "[1e400]")
        #expect(throws: (any Error).self) { try jsonText(json) }
    }
}

@Suite("JSONValue")
struct JSONValueTests {
    @Test func decodesEveryKind() throws {
        let value = try decodeJSON(JSONValue.self, from: #"[null, true, false, 0, 1, -7, 1.5, "s", [], {"k": [1]}]"#)
        #expect(value == .array([
            .null, .bool(true), .bool(false), .integer(0), .integer(1), .integer(-7), .number(1.5), .string("s"),
            .array([]), .object(["k": .array([.integer(1)])]),
        ]))
        #expect(try decodeJSON(JSONValue.self, from: "9223372036854775807") == .integer(.max))
        #expect(try decodeJSON(JSONValue.self, from: "1e300") == .number(1e300))
    }

    @Test func encodesEveryKind() throws {
        let value = JSONValue.object([
            "null": .null, "bool": .bool(false), "int": .integer(-3), "double": .number(0.25),
            "string": .string("x"), "array": .array([.integer(1), .string("2")]),
        ])
        #expect(try jsonText(value) == #"{"array":[1,"2"],"bool":false,"double":0.25,"int":-3,"null":null,"string":"x"}"#)
        #expect(try codableRoundTrip(value) == value)
    }
}
