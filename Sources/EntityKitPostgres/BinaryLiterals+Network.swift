import EntityKit
import NIOCore

// Binary forms of the network address types, as PostgreSQL's send functions write them
// (network.c, mac.c, mac8.c).

extension PGInet: BinaryDecodableLiteral {
    /// `inet_send` (for `cidr` too): `int8 family` (2 = IPv4, 3 = IPv6, PostgreSQL's own
    /// numbers), `int8 bits`, `int8 is_cidr`, `int8 nb` (address length), `nb` address bytes.
    static func decodeBinary(_ buffer: ByteBuffer, oid: UInt32) throws(ScalarProblem) -> PGInet? {
        guard oid == TypeOID.inet || oid == TypeOID.cidr else { return nil }
        var reader = PGSendReader(buffer, oid == TypeOID.cidr ? "cidr" : "inet")
        let family = try reader.integer(UInt8.self)
        let bits = try reader.integer(UInt8.self)
        _ = try reader.integer(UInt8.self)  // is_cidr: the OID already tells
        let length = try reader.integer(UInt8.self)
        guard (family == 2 && length == 4) || (family == 3 && length == 16) else { throw reader.malformed }
        let address = try reader.bytes(Int(length))
        try reader.finish()
        guard let value = PGInet(address: address, prefixLength: Int(bits)) else { throw reader.malformed }
        return value
    }
}

extension PGMacAddress: BinaryDecodableLiteral {
    /// `macaddr`: 6 bytes; `macaddr8`: 8 bytes.
    static func decodeBinary(_ buffer: ByteBuffer, oid: UInt32) throws(ScalarProblem) -> PGMacAddress? {
        let expected: Int
        switch oid {
        case TypeOID.macaddr: expected = 6
        case TypeOID.macaddr8: expected = 8
        default: return nil
        }
        var reader = PGSendReader(buffer, oid == TypeOID.macaddr ? "macaddr" : "macaddr8")
        let bytes = try reader.bytes(expected)
        try reader.finish()
        guard let value = PGMacAddress(bytes: bytes) else { throw reader.malformed }
        return value
    }
}
