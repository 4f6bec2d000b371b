import EntityKit
import NIOCore

// Binary forms of bit strings, money, "char", pg_lsn, tid and snapshots, as PostgreSQL's send
// functions write them (varbit.c, cash.c, char.c, pg_lsn.c, tid.c, xid8funcs.c).

extension PGBitString: BinaryDecodableLiteral {
    /// `varbit_send` (for `bit` too): `int32 bit length`, then the bits packed eight to a
    /// byte, most significant first, the last byte padded with zero bits.
    static func decodeBinary(_ buffer: ByteBuffer, oid: UInt32) throws(ScalarProblem) -> PGBitString? {
        guard oid == TypeOID.bit || oid == TypeOID.varbit else { return nil }
        var reader = PGSendReader(buffer, oid == TypeOID.bit ? "bit" : "bit varying")
        let bitCount = try reader.integer(Int32.self)
        guard bitCount >= 0 else { throw reader.malformed }
        let bytes = try reader.bytes((Int(bitCount) + 7) / 8)
        try reader.finish()
        guard let value = PGBitString(bitCount: Int(bitCount), bytes: bytes) else { throw reader.malformed }
        return value
    }
}

extension PGMoney: BinaryDecodableLiteral {
    /// `int64` minor units, whatever `lc_monetary` is.
    static func decodeBinary(_ buffer: ByteBuffer, oid: UInt32) throws(ScalarProblem) -> PGMoney? {
        guard oid == TypeOID.money else { return nil }
        var reader = PGSendReader(buffer, "money")
        let value = PGMoney(minorUnits: try reader.integer(Int64.self))
        try reader.finish()
        return value
    }
}

extension PGChar: BinaryDecodableLiteral {
    /// One byte (`charsend` sends byte 0 as a zero byte); an empty value is read as 0 too.
    static func decodeBinary(_ buffer: ByteBuffer, oid: UInt32) throws(ScalarProblem) -> PGChar? {
        guard oid == TypeOID.char else { return nil }
        var reader = PGSendReader(buffer, "\"char\"")
        if buffer.readableBytes == 0 { return PGChar(byte: 0) }
        let value = PGChar(byte: try reader.integer(UInt8.self))
        try reader.finish()
        return value
    }
}

extension PGLSN: BinaryDecodableLiteral {
    /// `int64`, read as unsigned.
    static func decodeBinary(_ buffer: ByteBuffer, oid: UInt32) throws(ScalarProblem) -> PGLSN? {
        guard oid == TypeOID.pgLSN else { return nil }
        var reader = PGSendReader(buffer, "pg_lsn")
        let value = PGLSN(value: try reader.integer(UInt64.self))
        try reader.finish()
        return value
    }
}

extension PGTupleID: BinaryDecodableLiteral {
    /// `uint32 block`, `uint16 offset`.
    static func decodeBinary(_ buffer: ByteBuffer, oid: UInt32) throws(ScalarProblem) -> PGTupleID? {
        guard oid == TypeOID.tid else { return nil }
        var reader = PGSendReader(buffer, "tid")
        let block = try reader.integer(UInt32.self)
        let value = PGTupleID(block: block, offset: try reader.integer(UInt16.self))
        try reader.finish()
        return value
    }
}

extension PGSnapshot: BinaryDecodableLiteral {
    /// `int32 nxip`, `int64 xmin`, `int64 xmax`, then `nxip` × `int64` in-progress IDs (all
    /// read as unsigned).
    static func decodeBinary(_ buffer: ByteBuffer, oid: UInt32) throws(ScalarProblem) -> PGSnapshot? {
        guard oid == TypeOID.pgSnapshot || oid == TypeOID.txidSnapshot else { return nil }
        var reader = PGSendReader(buffer, oid == TypeOID.pgSnapshot ? "pg_snapshot" : "txid_snapshot")
        let count = try reader.integer(Int32.self)
        let xmin = try reader.integer(UInt64.self)
        let xmax = try reader.integer(UInt64.self)
        guard count >= 0, reader.buffer.readableBytes == Int(count) * 8 else { throw reader.malformed }
        var inProgress: [UInt64] = []
        inProgress.reserveCapacity(Int(count))
        for _ in 0..<count { inProgress.append(try reader.integer(UInt64.self)) }
        return PGSnapshot(xmin: xmin, xmax: xmax, inProgress: inProgress)
    }
}
