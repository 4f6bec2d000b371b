/// A PostgreSQL `tsvector`: a sorted list of distinct lexemes, each with its positions in the
/// document and their weights.
///
/// Values are kept in the form the server stores: ``init(_:)`` sorts lexemes by their UTF-8
/// bytes, merges repeated lexemes, sorts their positions and keeps each position once (with the
/// highest weight given), as `tsvectorin` does, so equal vectors compare equal here too.
public struct PGTSVector: Hashable, Sendable, Codable, PGLiteralConvertible, CustomStringConvertible {
    /// A position's weight; `D` is the default and is not printed.
    public enum Weight: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
        /// The lowest weight, the default; not printed.
        case d = "D"
        /// Weight `C`.
        case c = "C"
        /// Weight `B`.
        case b = "B"
        /// The highest weight, `A` (say, a title).
        case a = "A"

        /// The two bits the server stores: 3 for `A` down to 0 for `D`.
        public var rawBits: UInt16 {
            switch self {
            case .a: 3
            case .b: 2
            case .c: 1
            case .d: 0
            }
        }

        /// The weight stored in the two low bits of `rawBits` (the rest is ignored).
        public init(rawBits: UInt16) {
            switch rawBits & 3 {
            case 3: self = .a
            case 2: self = .b
            case 1: self = .c
            default: self = .d
            }
        }

        public static func < (lhs: Weight, rhs: Weight) -> Bool { lhs.rawBits < rhs.rawBits }
    }

    /// A word position (1...16383) and its weight.
    public struct Position: Hashable, Sendable {
        /// The largest position the server stores; larger ones are stored as this.
        public static let maximum = 16_383

        /// The word's position in the document, 1...16383.
        public let value: Int
        /// The position's weight.
        public let weight: Weight

        /// Nil for positions below 1, which the server rejects; positions above 16383 become
        /// 16383, as the server stores them.
        public init?(_ value: Int, weight: Weight = .d) {
            guard value >= 1 else { return nil }
            self.value = min(value, Self.maximum)
            self.weight = weight
        }

        /// `3A`, `5`: the number, then the weight unless it is `D`.
        var text: String { weight == .d ? String(value) : "\(value)\(weight.rawValue)" }
    }

    /// A lexeme and its positions (none when the vector was made without them).
    public struct Lexeme: Hashable, Sendable {
        /// The normalized word.
        public let text: String
        /// Where the word occurs; empty when the vector has no positions.
        public let positions: [Position]

        /// A lexeme; ``PGTSVector/init(_:)`` sorts and merges positions as the server does.
        public init(_ text: String, positions: [Position] = []) {
            self.text = text
            self.positions = positions
        }
    }

    /// The most positions the server keeps for one lexeme.
    public static let maximumPositionsPerLexeme = 256

    /// Distinct lexemes in the server's order (by UTF-8 bytes).
    public let lexemes: [Lexeme]

    /// The vector `tsvectorin` would make of these lexemes: sorted by UTF-8 bytes, repeated
    /// lexemes merged, positions sorted, each kept once with its highest weight, at most 256.
    public init(_ lexemes: [Lexeme]) {
        let sorted = lexemes.enumerated().sorted { left, right in
            let order = Self.compare(left.element.text, right.element.text)
            return order != 0 ? order < 0 : left.offset < right.offset
        }.map(\.element)
        var merged: [Lexeme] = []
        var pending: (text: String, positions: [Position])?
        for lexeme in sorted {
            if let current = pending, current.text.utf8.elementsEqual(lexeme.text.utf8) {
                pending?.positions += lexeme.positions
            } else {
                if let current = pending { merged.append(Lexeme(current.text, positions: Self.uniquePositions(current.positions))) }
                pending = (lexeme.text, lexeme.positions)
            }
        }
        if let current = pending { merged.append(Lexeme(current.text, positions: Self.uniquePositions(current.positions))) }
        self.lexemes = merged
    }

    /// Lexemes without positions.
    public init(words: [String]) {
        self.init(words.map { Lexeme($0) })
    }

    /// Orders texts as `tsCompareString`: by UTF-8 bytes, a prefix first.
    private static func compare(_ left: String, _ right: String) -> Int {
        if left.utf8.elementsEqual(right.utf8) { return 0 }
        return left.utf8.lexicographicallyPrecedes(right.utf8) ? -1 : 1
    }

    /// Positions sorted, each once with its highest weight, at most 256, ending at 16383 (as
    /// `uniquePos` keeps them).
    private static func uniquePositions(_ positions: [Position]) -> [Position] {
        guard positions.count > 1 else { return positions }
        let sorted = positions.enumerated().sorted { left, right in
            left.element.value != right.element.value ? left.element.value < right.element.value : left.offset < right.offset
        }.map(\.element)
        var result: [Position] = [sorted[0]]
        for position in sorted.dropFirst() {
            let last = result[result.count - 1]
            if position.value != last.value {
                result.append(position)
                if result.count >= maximumPositionsPerLexeme || position.value == Position.maximum { break }
            } else if position.weight > last.weight {
                result[result.count - 1] = Position(last.value, weight: position.weight)!
            }
        }
        return result
    }

    /// `'a':1A,2 'cat':3 'it''s'`, exactly as PostgreSQL prints it: each lexeme in single
    /// quotes with `'` and `\` doubled, then `:` and its positions, separated by spaces.
    public var postgresLiteral: String {
        lexemes.map { lexeme in
            var text = "'"
            for scalar in lexeme.text.unicodeScalars {
                if scalar == "'" || scalar == "\\" { text.unicodeScalars.append(scalar) }
                text.unicodeScalars.append(scalar)
            }
            text += "'"
            if !lexeme.positions.isEmpty {
                text += ":" + lexeme.positions.map(\.text).joined(separator: ",")
            }
            return text
        }.joined(separator: " ")
    }

    public var description: String { postgresLiteral }

    /// Reads `tsvectorin`'s syntax: lexemes quoted (`'it''s'`, `'a\'b'`) or bare (`cat`, with
    /// `\` escapes), each optionally followed by `:` and positions (`1A,2,3b`; `*` is `A`), separated
    /// by whitespace.
    public init(postgresLiteral literal: String) throws {
        let bytes = Array(literal.utf8)
        var index = 0
        var lexemes: [Lexeme] = []
        func fail() -> PGLiteralError { PGLiteralError("tsvector", literal) }
        while true {
            while index < bytes.count, RangeLiteralText.isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count else { break }
            var word: [UInt8] = []
            if bytes[index] == UInt8(ascii: "'") {
                index += 1
                while true {
                    guard index < bytes.count else { throw fail() }
                    let byte = bytes[index]
                    index += 1
                    if byte == UInt8(ascii: "\\") {
                        guard index < bytes.count else { throw fail() }
                        word.append(bytes[index])
                        index += 1
                    } else if byte == UInt8(ascii: "'") {
                        guard index < bytes.count, bytes[index] == UInt8(ascii: "'") else { break }
                        word.append(byte)
                        index += 1
                    } else {
                        word.append(byte)
                    }
                }
            } else {
                // The first character is part of the word even when it is a colon.
                while index < bytes.count, !RangeLiteralText.isSpace(bytes[index]), word.isEmpty || bytes[index] != UInt8(ascii: ":") {
                    if bytes[index] == UInt8(ascii: "\\") {
                        index += 1
                        guard index < bytes.count else { throw fail() }
                    }
                    word.append(bytes[index])
                    index += 1
                }
            }
            guard !word.isEmpty else { throw fail() }
            var positions: [Position] = []
            if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
                index += 1
                repeat {
                    if !positions.isEmpty { index += 1 }  // the comma
                    var value = 0
                    var digits = 0
                    while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                        value = min(value * 10 + Int(bytes[index] - UInt8(ascii: "0")), 1_000_000)
                        digits += 1
                        index += 1
                    }
                    guard digits > 0 else { throw fail() }
                    var weight = Weight.d
                    if index < bytes.count, let letter = Self.weight(bytes[index]) {
                        weight = letter
                        index += 1
                    }
                    guard let position = Position(value, weight: weight) else { throw fail() }
                    positions.append(position)
                } while index < bytes.count && bytes[index] == UInt8(ascii: ",")
                guard index == bytes.count || RangeLiteralText.isSpace(bytes[index]) else { throw fail() }
            }
            // After a closing quote the next word may follow without a space (`'a'b`), as in tsvectorin.
            lexemes.append(Lexeme(String(decoding: word, as: UTF8.self), positions: positions))
        }
        self.init(lexemes)
    }

    /// The weight a letter after a position names (`*` is `A`, as `tsvectorin` reads it).
    private static func weight(_ byte: UInt8) -> Weight? {
        switch byte {
        case UInt8(ascii: "A"), UInt8(ascii: "a"), UInt8(ascii: "*"): .a
        case UInt8(ascii: "B"), UInt8(ascii: "b"): .b
        case UInt8(ascii: "C"), UInt8(ascii: "c"): .c
        case UInt8(ascii: "D"), UInt8(ascii: "d"): .d
        default: nil
        }
    }
}
