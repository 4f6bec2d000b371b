import EntityKit
import Foundation
import Testing

@Suite("PGTSVector")
struct PGTSVectorTests {
    typealias Lexeme = PGTSVector.Lexeme
    typealias Position = PGTSVector.Position

    static func position(_ value: Int, _ weight: PGTSVector.Weight = .d) -> Position {
        Position(value, weight: weight)!
    }

    /// `$$'a':1A,2 'cat':3 'it''s' 'b\\s':4B,5C,6D$$::tsvector` as PostgreSQL 15 prints it.
    static let printed = #"'a':1A,2 'b\\s':4B,5C,6 'cat':3 'it''s'"#
    static let value = PGTSVector([
        Lexeme("a", positions: [position(1, .a), position(2)]),
        Lexeme(#"b\s"#, positions: [position(4, .b), position(5, .c), position(6)]),
        Lexeme("cat", positions: [position(3)]),
        Lexeme("it's"),
    ])

    @Test func parsesWhatPostgreSQLPrints() throws {
        let parsed = try PGTSVector(postgresLiteral: Self.printed)
        #expect(parsed == Self.value)
        #expect(parsed.lexemes.map(\.text) == ["a", #"b\s"#, "cat", "it's"])
        #expect(parsed.lexemes[1].positions.map(\.weight) == [.b, .c, .d])

        // to_tsvector('english', 'The fat cats ate the fat rats')
        let document = try PGTSVector(postgresLiteral: "'ate':4 'cat':3 'fat':2,6 'rat':7")
        #expect(document.lexemes.map(\.text) == ["ate", "cat", "fat", "rat"])
        #expect(document.lexemes[2].positions == [Self.position(2), Self.position(6)])

        #expect(try PGTSVector(postgresLiteral: #"'''' '\\'"#).lexemes.map(\.text) == ["'", "\\"])
        #expect(try PGTSVector(postgresLiteral: "'x y':1 'café':1,16383").lexemes.map(\.text) == ["café", "x y"])
        #expect(try PGTSVector(postgresLiteral: "").lexemes.isEmpty)
    }

    @Test func formatsExactlyAsPostgreSQLPrints() {
        #expect(Self.value.postgresLiteral == Self.printed)
        #expect(Self.value.description == Self.printed)
        #expect(PGTSVector([]).postgresLiteral == "")
        #expect(PGTSVector(words: ["'", "\\", "x y"]).postgresLiteral == #"'''' '\\' 'x y'"#)
        // setweight(to_tsvector('simple', 'a b a'), 'B')
        let weighted = PGTSVector([Lexeme("a", positions: [Self.position(1, .b), Self.position(3, .b)]),
                                   Lexeme("b", positions: [Self.position(2, .b)])])
        #expect(weighted.postgresLiteral == "'a':1B,3B 'b':2B")
    }

    @Test func normalisesAsTsvectorinDoes() throws {
        // `'a:3,1,3A,2B a:4 b'::tsvector` prints `'a':1,2B,3A,4 'b'`.
        let parsed = try PGTSVector(postgresLiteral: "a:3,1,3A,2B a:4 b")
        #expect(parsed.postgresLiteral == "'a':1,2B,3A,4 'b'")
        // `'A:1* b:2c'` prints `'A':1A 'b':2C`; positions above 16383 are stored as 16383.
        #expect(try PGTSVector(postgresLiteral: "A:1* b:2c").postgresLiteral == "'A':1A 'b':2C")
        #expect(try PGTSVector(postgresLiteral: "a:16384,20000").postgresLiteral == "'a':16383")
        // A bare word may start with a colon (`'a:1 :b:2'` prints `':b':2 'a':1`).
        #expect(try PGTSVector(postgresLiteral: "a:1 :b:2").postgresLiteral == "':b':2 'a':1")
        #expect(try PGTSVector(postgresLiteral: "'a'b").postgresLiteral == "'a' 'b'")
        // Sorted by UTF-8 bytes: upper case before lower case, é (0xC3 0xA9) after z.
        let sorted = PGTSVector(words: ["é", "z", "b", "B", "ab", "a"])
        #expect(sorted.lexemes.map(\.text) == ["B", "a", "ab", "b", "z", "é"])
        // A repeated lexeme merges its positions; one without positions takes the other's.
        let merged = PGTSVector([Lexeme("x"), Lexeme("x", positions: [Self.position(2)]), Lexeme("x", positions: [Self.position(1, .c)])])
        #expect(merged.lexemes == [Lexeme("x", positions: [Self.position(1, .c), Self.position(2)])])
        // At most 256 positions, as the server keeps.
        let many = PGTSVector([Lexeme("a", positions: (1...300).map { Self.position($0) })])
        #expect(many.lexemes[0].positions.count == 256 && many.lexemes[0].positions.last?.value == 256)
        #expect(Position(0) == nil && Position(-1) == nil && Position(99_999)?.value == 16_383)
    }

    @Test func keepsLexemesThatDifferOnlyInUnicodeNormalisation() {
        // The server compares bytes: precomposed and decomposed é are different lexemes.
        let vector = PGTSVector(words: ["\u{E9}", "e\u{301}"])
        #expect(vector.lexemes.count == 2)
        #expect(Array(vector.lexemes[0].text.utf8) == [0x65, 0xCC, 0x81])
    }

    @Test func roundTrips() throws {
        let values = [Self.value, PGTSVector([]), PGTSVector(words: [#"a'b\c"#, "  spaced  ", "日本語", ":colon", "comma,"]),
                      PGTSVector([Lexeme("w", positions: [Self.position(1, .a), Self.position(16_383, .b)])])]
        for value in values {
            #expect(try PGTSVector(postgresLiteral: value.postgresLiteral) == value)
        }
    }

    @Test("rejects malformed literals", arguments: [
        "'unterminated", "''", "a:", "a:x", "a:1,", "a:0", "a:1AB", "a\\", "a:1,,2", "a:1 'b", "\\",
    ])
    func rejects(literal: String) {
        #expect(throws: PGLiteralError.self) { try PGTSVector(postgresLiteral: literal) }
    }

    @Test func weights() {
        #expect(PGTSVector.Weight.allCases.sorted() == [.d, .c, .b, .a])
        #expect(PGTSVector.Weight.a.rawBits == 3 && PGTSVector.Weight(rawBits: 2) == .b)
    }

    @Test func codable() throws {
        #expect(try jsonText(Self.value) == #""'a':1A,2 'b\\\\s':4B,5C,6 'cat':3 'it''s'""#)
        #expect(try codableRoundTrip(Self.value) == Self.value)
        #expect(throws: (any Error).self) { try decodeJSON(PGTSVector.self, from: #""'open""#) }
    }
}
