// Binary forms of `"char"` and the bit strings, as char.c and varbit.c send them.

extension PGChar: BinaryColumnValue {
    static func isOwnType(_ oid: UInt32) -> Bool { oid == TypeOID.char }

    /// One byte. `charsend` sends byte 0 as one zero byte; an empty value is read as 0 too.
    static func decodeBinary(_ cell: Cell) throws -> PGChar {
        switch cell.bytes.count {
        case 0: return PGChar(byte: 0)
        case 1: return PGChar(byte: cell.bytes[0])
        default: throw CellDecodingError.length(cell.bytes.count, expected: "1", for: "\"char\"")
        }
    }
}

extension PGBitString: BinaryColumnValue {
    static func isOwnType(_ oid: UInt32) -> Bool { oid == TypeOID.bit || oid == TypeOID.varbit }

    /// `varbit_send` (for `bit` too): `int32` bit count, then the bits packed eight to a byte,
    /// most significant first, the last byte padded with zero bits.
    static func decodeBinary(_ cell: Cell) throws -> PGBitString {
        var reader = BinaryReader(cell, "bit varying")
        let bitCount = try reader.read(Int32.self)
        guard bitCount >= 0 else { throw reader.malformed("a negative bit count") }
        let bytes = try reader.take((Int(bitCount) + 7) / 8)
        try reader.finish()
        guard let value = PGBitString(bitCount: Int(bitCount), bytes: Array(bytes)) else {
            throw reader.malformed("\(bitCount) bits")
        }
        return value
    }
}
