import Foundation
@testable import SchemaModel
import Testing

/// Malformed JSON and snapshots of the wrong shape: each error says what and where.
@Suite("Malformed input")
struct MalformedInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let json: [UInt8]
        let message: String
        let line: Int
        let column: Int

        init(_ json: String, _ message: String, line: Int = 1, column: Int) {
            self.init(Array(json.utf8), message, line: line, column: column)
        }

        init(_ json: [UInt8], _ message: String, line: Int = 1, column: Int) {
            self.json = json
            self.message = message
            self.line = line
            self.column = column
        }

        var testDescription: String { String(decoding: json.prefix(40), as: UTF8.self) }
    }

    static let cases: [Case] = [
        Case("", "unexpected end of the document; expected a value", column: 1),
        Case("   \n", "unexpected end of the document; expected a value", line: 2, column: 1),
        Case("{", "unexpected end of the document; expected a key string or '}'", column: 2),
        Case("{\"a\" 1}", "unexpected '1'; expected ':' after the key", column: 6),
        Case("{\"a\": 1,}", "unexpected '}'; expected a key string", column: 9),
        Case("{\n  \"a\": 1\n  \"b\": 2\n}", "unexpected '\"'; expected ',' or '}' in the object", line: 3, column: 3),
        Case("[1, 2,]", "unexpected ']'; expected a value", column: 7),
        Case("[1 2]", "unexpected '2'; expected ',' or ']' in the array", column: 4),
        Case("[01]", "a number cannot have a leading zero", column: 3),
        Case("[1.]", "unexpected ']'; expected a digit after the decimal point", column: 4),
        Case("[1e]", "unexpected ']'; expected a digit in the exponent", column: 4),
        Case("[-]", "unexpected ']'; expected a digit", column: 3),
        Case("[+1]", "unexpected '+'; expected a value", column: 2),
        Case("[tru]", "unexpected 't'; expected a value", column: 2),
        Case("[NaN]", "unexpected 'N'; expected a value", column: 2),
        Case("[\"abc", "unterminated string", column: 2),
        Case("[\"a\\x\"]", "unexpected 'x'; expected an escape character", column: 5),
        Case("[\"\\u12\"]", "\\u must be followed by four hex digits", column: 7),
        Case("[\"\\ud800\"]", "\\uD800 is a high surrogate without a low surrogate after it", column: 3),
        Case("[\"\\ud800\\u0041\"]", "\\uD800 is a high surrogate without a low surrogate after it", column: 3),
        Case("[\"\\udc00\"]", "\\uDC00 is a low surrogate without a high surrogate before it", column: 3),
        Case("[\"a\tb\"]", "a control character (U+0009) must be escaped in a string", column: 4),
        Case([0x5B, 0x22, 0xFF, 0x22, 0x5D], "invalid UTF-8 (byte 0xFF)", column: 3),
        Case([0x5B, 0x22, 0xC3, 0x22, 0x5D], "invalid UTF-8 (byte 0x22 after 0xC3)", column: 3),
        Case([0x5B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x5D], "invalid UTF-8 (byte 0xA0 after 0xED)", column: 3),  // an encoded surrogate
        Case([0x5B, 0x22, 0xC0, 0xAF, 0x22, 0x5D], "invalid UTF-8 (byte 0xC0)", column: 3),  // overlong
        Case("[\"é\", x]", "unexpected 'x'; expected a value", column: 7),  // columns count characters
        Case("{} {}", "unexpected '{'; expected the end of the document", column: 4),
        Case(String(repeating: "[", count: 513), "more than 512 nested arrays and objects", column: 513),
    ]

    @Test(arguments: cases)
    func syntaxErrorsSayWhatAndWhere(_ example: Case) throws {
        let error = try #require(decodingError([String: Int].self, Data(example.json)) as? JSONSyntaxError)
        #expect(error.message.hasPrefix(example.message), "\(error)")
        #expect(error.location.line == example.line && error.location.column == example.column, "\(error)")
    }

    @Test func syntaxErrorsReachUsersWithLineAndColumn() {
        let data = Data("{\n  \"formatVersion\" : 1,\n  \"schemas\" : [ , ]\n}\n".utf8)
        #expect {
            try SchemaSnapshot.decode(from: data)
        } throws: { error in
            "\(error)" == "the snapshot is not valid snapshot JSON (not JSON: unexpected ','; expected a value at line 3, column 17 (byte 41)): "
                + "regenerate it with `codegen snapshot`"
        }
    }

    @Test func wrongShapesNameThePathAndLine() throws {
        let wrongType = Data("""
            {
              "formatVersion" : 1,
              "relations" : [],
              "schemas" : [
                { "name" : 5 }
              ],
              "types" : []
            }
            """.utf8)
        #expect(throws: SchemaSnapshot.DecodingProblem.malformed("expected a string but found a number at .schemas[0].name (line 5, column 16)")) {
            try SchemaSnapshot.decode(from: wrongType)
        }
        let missing = Data(#"{"formatVersion": 1, "relations": [], "types": []}"#.utf8)
        #expect(throws: SchemaSnapshot.DecodingProblem.malformed("missing schemas at the top level (in the object at line 1, column 1)")) {
            try SchemaSnapshot.decode(from: missing)
        }
        #expect(throws: SchemaSnapshot.DecodingProblem.malformed("expected an object but found an array at the top level (line 1, column 1)")) {
            try SchemaSnapshot.decode(from: Data("[]".utf8))
        }
        let badEnum = Data(#"{"formatVersion": 1, "schemas": [], "types": [], "relations": [{"schema": "s", "name": "n", "kind": "tabel"}]}"#.utf8)
        #expect {
            try SchemaSnapshot.decode(from: badEnum)
        } throws: { error in
            "\(error)".contains("at .relations[0].kind")
        }
    }

    /// Errors inside columns (which the fast path hands to the synthesized conformance) and inside
    /// `[String]` (decoded without a container) still name the full path.
    @Test func errorsDeepInsideNameTheFullPath() {
        func snapshot(_ relation: String) -> Data {
            Data(#"{"formatVersion": 1, "schemas": [], "types": [], "relations": [\#(relation)]}"#.utf8)
        }
        let column = #"{"schema": "s", "name": "t", "kind": "table", "columns": [{"name": "a", "type": {"schema": "pg_catalog", "name": "text"}, "#
            + #""sqlType": "text", "isNullable": "yes", "dimensions": 0}], "#
            + #""uniqueConstraints": [], "foreignKeys": [], "checkConstraints": [], "indexes": [], "inheritsFrom": []}"#
        #expect(throws: SchemaSnapshot.DecodingProblem.malformed(
            "expected true or false but found a string at .relations[0].columns[0].isNullable (line 1, column 219)")) {
            try SchemaSnapshot.decode(from: snapshot(column))
        }
        let key = #"{"schema": "s", "name": "t", "kind": "table", "columns": [], "uniqueConstraints": [{"name": "u", "columns": ["a", 5]}], "#
            + #""foreignKeys": [], "checkConstraints": [], "indexes": [], "inheritsFrom": []}"#
        #expect(throws: SchemaSnapshot.DecodingProblem.malformed(
            "expected a string but found a number at .relations[0].uniqueConstraints[0].columns[1] (line 1, column 178)")) {
            try SchemaSnapshot.decode(from: snapshot(key))
        }
    }

    @Test func newerFormatsAreRefusedBeforeTheirShapeIsChecked() {
        let newer = Data(#"{"formatVersion": 2, "everything": "different"}"#.utf8)
        #expect(throws: SchemaSnapshot.DecodingProblem.newerFormat(found: 2, supported: SchemaSnapshot.currentFormatVersion)) {
            try SchemaSnapshot.decode(from: newer)
        }
        #expect {
            try SchemaSnapshot.decode(from: newer)
        } throws: { error in
            "\(error)" == "the snapshot has format version 2 but this codegen reads up to 1: update codegen, or regenerate the snapshot with this version"
        }
        // The current and older versions decode; a missing or mistyped version is malformed.
        #expect(throws: Never.self) { try SchemaSnapshot.decode(from: Data(#"{"formatVersion": 0, "schemas": [], "relations": [], "types": []}"#.utf8)) }
        #expect(throws: SchemaSnapshot.DecodingProblem.malformed("missing formatVersion at the top level (in the object at line 1, column 1)")) {
            try SchemaSnapshot.decode(from: Data("{}".utf8))
        }
        #expect {
            try SchemaSnapshot.decode(from: Data(#"{"formatVersion": "1", "schemas": [], "relations": [], "types": []}"#.utf8))
        } throws: { error in
            "\(error)".contains("expected a number (Int) but found a string at .formatVersion")
        }
    }
}
