// The network address types' binary forms, as network.c, mac.c and mac8.c send them.

extension PGInet: BinaryColumnValue {
    static func isOwnType(_ oid: UInt32) -> Bool { oid == TypeOID.inet || oid == TypeOID.cidr }

    /// `inet_send` (for `cidr` too): `int8 family` (2 = IPv4, 3 = IPv6: PostgreSQL's own
    /// numbers, not the platform's `AF_*`), `int8 bits`, `int8 is_cidr`, `int8 nb` (the address
    /// length), then the address bytes.
    static func decodeBinary(_ cell: Cell) throws -> PGInet {
        var reader = BinaryReader(cell, "inet")
        let family = try reader.read(UInt8.self)
        let bits = try reader.read(UInt8.self)
        _ = try reader.read(UInt8.self)  // is_cidr: the column's type already says
        let length = try reader.read(UInt8.self)
        guard (family == 2 && length == 4) || (family == 3 && length == 16) else {
            throw reader.malformed("family \(family) with \(length) address bytes")
        }
        let address = try reader.take(Int(length))
        try reader.finish()
        guard let value = PGInet(address: Array(address), prefixLength: Int(bits)) else {
            throw reader.malformed("prefix length \(bits)")
        }
        return value
    }
}

extension PGMacAddress: BinaryColumnValue {
    static func isOwnType(_ oid: UInt32) -> Bool { oid == TypeOID.macaddr || oid == TypeOID.macaddr8 }

    /// `macaddr`: its 6 bytes; `macaddr8`: its 8 bytes. A domain over either is told apart by
    /// its length.
    static func decodeBinary(_ cell: Cell) throws -> PGMacAddress {
        let expected: Int
        switch cell.typeOID {
        case TypeOID.macaddr: expected = 6
        case TypeOID.macaddr8: expected = 8
        default: expected = cell.bytes.count == 8 ? 8 : 6
        }
        guard cell.bytes.count == expected, let value = PGMacAddress(bytes: Array(cell.bytes)) else {
            throw CellDecodingError.length(cell.bytes.count, expected: "\(expected)", for: expected == 6 ? "macaddr" : "macaddr8")
        }
        return value
    }
}
