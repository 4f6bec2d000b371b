// The full-text search types: `tsvector` in its binary form (tsvector.c's tsvectorsend);
// `tsquery` as text, because its binary form is a tree of operators that EntityKit does not
// read (its columns are selected with a cast to text).

extension PGTSVector: BinaryColumnValue {
    static func isOwnType(_ oid: UInt32) -> Bool { oid == TypeOID.tsvector }

    /// `int32` lexeme count, then per lexeme its UTF-8 text ending in a zero byte, `uint16`
    /// position count and that many `uint16` positions: weight in the top two bits (3 is `A`),
    /// position in the low fourteen.
    static func decodeBinary(_ cell: Cell) throws -> PGTSVector {
        var reader = BinaryReader(cell, "tsvector")
        let count = try reader.read(Int32.self)
        guard count >= 0 else { throw reader.malformed("a negative lexeme count") }
        var lexemes: [Lexeme] = []
        // Each lexeme takes at least 3 bytes: a corrupt count cannot reserve more than the value holds.
        lexemes.reserveCapacity(min(Int(count), reader.remaining / 3))
        for _ in 0..<count {
            guard let length = reader.rest.firstIndex(of: 0) else { throw reader.malformed("an unterminated lexeme") }
            let text = String(decoding: try reader.take(length), as: UTF8.self)
            _ = try reader.read(UInt8.self)
            let positionCount = try reader.read(UInt16.self)
            var positions: [Position] = []
            positions.reserveCapacity(Int(positionCount))
            for _ in 0..<positionCount {
                let raw = try reader.read(UInt16.self)
                guard let position = Position(Int(raw & 0x3FFF), weight: Weight(rawBits: raw >> 14)) else {
                    throw reader.malformed("position \(raw & 0x3FFF)")
                }
                positions.append(position)
            }
            lexemes.append(Lexeme(text, positions: positions))
        }
        try reader.finish()
        // The initializer orders and merges as the server does; values it sent already are.
        return PGTSVector(lexemes)
    }
}

extension PGTSQuery: TextColumnValue {}
