// Binary forms of the system types, as pg_lsn.c, tid.c and xid8funcs.c send them.

extension PGLSN: BinaryColumnValue {
    static func isOwnType(_ oid: UInt32) -> Bool { oid == TypeOID.pgLSN }

    /// A 64-bit integer, read as unsigned.
    static func decodeBinary(_ cell: Cell) throws -> PGLSN {
        PGLSN(value: try cell.integer(UInt64.self, "pg_lsn"))
    }
}

extension PGTupleID: BinaryColumnValue {
    static func isOwnType(_ oid: UInt32) -> Bool { oid == TypeOID.tid }

    /// `uint32 block`, `uint16 offset`.
    static func decodeBinary(_ cell: Cell) throws -> PGTupleID {
        var reader = BinaryReader(cell, "tid")
        let block = try reader.read(UInt32.self)
        let value = PGTupleID(block: block, offset: try reader.read(UInt16.self))
        try reader.finish()
        return value
    }
}

extension PGSnapshot: BinaryColumnValue {
    static func isOwnType(_ oid: UInt32) -> Bool { oid == TypeOID.pgSnapshot || oid == TypeOID.txidSnapshot }

    /// `int32 nxip`, `int64 xmin`, `int64 xmax`, then `nxip` in-progress IDs of 64 bits (all
    /// read as unsigned); `txid_snapshot` sends the same.
    static func decodeBinary(_ cell: Cell) throws -> PGSnapshot {
        var reader = BinaryReader(cell, "pg_snapshot")
        let count = try reader.read(Int32.self)
        let xmin = try reader.read(UInt64.self)
        let xmax = try reader.read(UInt64.self)
        guard count >= 0, reader.remaining == Int(count) * 8 else {
            throw reader.malformed("\(count) transaction IDs do not fill the remaining \(reader.remaining) bytes")
        }
        var inProgress: [UInt64] = []
        inProgress.reserveCapacity(Int(count))
        for _ in 0..<count { inProgress.append(try reader.read(UInt64.self)) }
        return PGSnapshot(xmin: xmin, xmax: xmax, inProgress: inProgress)
    }
}
