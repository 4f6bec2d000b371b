// `hstore`, an extension type: the generator selects it as text, so its literal is the usual
// form. Its OID differs per database, so a cell of a user-defined type is its binary form
// (hstore_send), which a query without the cast returns.

extension PGHStore: BinaryColumnValue {
    static func isOwnType(_ oid: UInt32) -> Bool { false }

    /// `int32` pair count, then per pair `int32` key length and key, `int32` value length (-1
    /// for NULL) and value, as UTF-8.
    static func decodeBinary(_ cell: Cell) throws -> PGHStore {
        var reader = BinaryReader(cell, "hstore")
        let count = try reader.read(Int32.self)
        guard count >= 0 else { throw reader.malformed("a negative pair count") }
        var pairs: [String: String?] = [:]
        // Each pair takes at least 8 bytes: a corrupt count cannot reserve more than the value holds.
        pairs.reserveCapacity(min(Int(count), reader.remaining / 8))
        for _ in 0..<count {
            let key = String(decoding: try reader.lengthPrefixed(), as: UTF8.self)
            let valueLength = try reader.read(Int32.self)
            let value = valueLength < 0 ? nil : String(decoding: try reader.take(Int(valueLength)), as: UTF8.self)
            // A repeated key keeps its first value, as the text form does.
            if pairs[key] == nil { pairs[key] = .some(value) }
        }
        try reader.finish()
        return PGHStore(pairs)
    }
}
