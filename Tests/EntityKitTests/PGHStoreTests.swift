import EntityKit
import Foundation
import Testing

@Suite("PGHStore")
struct PGHStoreTests {
    @Test func parsesWhatPostgreSQLPrints() throws {
        let simple = try PGHStore(postgresLiteral: #""a"=>"1", "b"=>NULL"#)
        #expect(simple.pairs == ["a": "1", "b": nil])
        #expect(simple["a"] == "1" && simple["b"] == .some(nil) && simple["c"] == nil)

        // `$$"k e y"=>"va\"l", "bb"=>"x\\y", "NULL"=>"NULL", "n"=>null, ""=>""$$::hstore`
        let tricky = try PGHStore(postgresLiteral: #"""=>"", "n"=>NULL, "bb"=>"x\\y", "NULL"=>"NULL", "k e y"=>"va\"l""#)
        #expect(tricky.pairs == ["": "", "n": nil, "bb": #"x\y"#, "NULL": "NULL", "k e y": #"va"l"#])

        #expect(try PGHStore(postgresLiteral: "").pairs.isEmpty)
        #expect(try PGHStore(postgresLiteral: #""b"=>"3", "z"=>"1", "aa"=>"2", "é"=>"4""#).pairs.count == 4)
    }

    @Test func readsOtherSpellingsHstoreInAccepts() throws {
        #expect(try PGHStore(postgresLiteral: " a => 1 , b=>2,") == ["a": "1", "b": "2"])
        #expect(try PGHStore(postgresLiteral: "a=>null, b=>NuLl, c=>\"null\"") == ["a": nil, "b": nil, "c": "null"])
        #expect(try PGHStore(postgresLiteral: #"a\ b=>c\,d, x=>y=>z"#) == ["a b": "c,d", "x": "y=>z"])
        #expect(try PGHStore(postgresLiteral: "a=>1,a=>2") == ["a": "1"])
        // A bare key runs to `=`: a second comma starts it.
        #expect(try PGHStore(postgresLiteral: "a=>1,,b=>2") == ["a": "1", ",b": "2"])
    }

    @Test func formatsExactlyAsPostgreSQLPrints() {
        #expect(PGHStore(["a": "1", "b": nil]).postgresLiteral == #""a"=>"1", "b"=>NULL"#)
        let tricky: PGHStore = ["k e y": #"va"l"#, "bb": #"x\y"#, "NULL": "NULL", "n": nil, "": ""]
        #expect(tricky.postgresLiteral == #"""=>"", "n"=>NULL, "bb"=>"x\\y", "NULL"=>"NULL", "k e y"=>"va\"l""#)
        // Keys by UTF-8 length, then bytes (é is two bytes).
        let ordered: PGHStore = ["z": "1", "aa": "2", "b": "3", "é": "4"]
        #expect(ordered.postgresLiteral == #""b"=>"3", "z"=>"1", "aa"=>"2", "é"=>"4""#)
        #expect(PGHStore([:]).postgresLiteral == "")
        #expect(PGHStore([:]).description == "")
    }

    @Test func roundTrips() throws {
        let values: [PGHStore] = [
            [:], ["a": "1"], ["": nil], ["NULL": "NULL", "null": nil],
            [#"\"#: #"""#, "comma, space": "=> arrow", "new\nline": "tab\t", "日本": "語"],
        ]
        for value in values { #expect(try PGHStore(postgresLiteral: value.postgresLiteral) == value) }
    }

    @Test("rejects malformed literals", arguments: [
        "a", "a=>", "a=1", "a=>1 b=>2", #""a"#, #""a"=>"1"#, "=>1", #"a=>1\"#, "a => > 1", "a=>1 x",
    ])
    func rejects(literal: String) {
        #expect(throws: PGLiteralError.self) { try PGHStore(postgresLiteral: literal) }
    }

    @Test func codable() throws {
        let value: PGHStore = ["a": "1", "b": nil]
        #expect(try jsonText(value) == #""\"a\"=>\"1\", \"b\"=>NULL""#)
        #expect(try codableRoundTrip(value) == value)
        #expect(throws: (any Error).self) { try decodeJSON(PGHStore.self, from: #""a=>""#) }
    }
}
