import EntityKit
import Foundation
import NIOCore

/// Binary values labelled with a user-defined OID.
///
/// A domain's values travel in its base type's binary form, but arrays of a domain and composite
/// attributes of a domain type label each value with the domain's own OID, which differs per
/// database. Such values are decoded as the built-in types the Swift type can hold, in turn.
enum DomainElements {
    /// OIDs below this are built in (`FirstNormalObjectId`).
    static let firstUserOID: UInt32 = 16384

    /// The built-in OIDs a value of `type` can arrive as, most likely first.
    static func candidates(for type: Any.Type) -> [UInt32]? {
        table[ObjectIdentifier(type)]
    }

    private static let table: [ObjectIdentifier: [UInt32]] = [
        ObjectIdentifier(Bool.self): [TypeOID.bool],
        ObjectIdentifier(Int16.self): [TypeOID.int2],
        ObjectIdentifier(Int32.self): [TypeOID.int4],
        ObjectIdentifier(Int64.self): [TypeOID.int8],
        ObjectIdentifier(Int.self): [TypeOID.int8, TypeOID.int4, TypeOID.int2],
        ObjectIdentifier(UInt32.self): [TypeOID.oid],
        ObjectIdentifier(UInt64.self): [5069],
        ObjectIdentifier(Float.self): [TypeOID.float4],
        ObjectIdentifier(Double.self): [TypeOID.float8],
        ObjectIdentifier(UUID.self): [TypeOID.uuid],
        ObjectIdentifier(Data.self): [TypeOID.bytea],
        ObjectIdentifier(Date.self): [TypeOID.timestamptz],
        ObjectIdentifier(Decimal.self): [TypeOID.numeric],
        ObjectIdentifier(PGNumeric.self): [TypeOID.numeric],
        ObjectIdentifier(PGDate.self): [TypeOID.date],
        ObjectIdentifier(PGTime.self): [TypeOID.time],
        ObjectIdentifier(PGTimeWithTimeZone.self): [TypeOID.timetz],
        ObjectIdentifier(PGTimestamp.self): [TypeOID.timestamptz],
        ObjectIdentifier(PGLocalTimestamp.self): [TypeOID.timestamp],
        ObjectIdentifier(PGInterval.self): [TypeOID.interval],
        ObjectIdentifier(PGMoney.self): [TypeOID.money],
        ObjectIdentifier(PGChar.self): [TypeOID.char],
        ObjectIdentifier(PGPoint.self): [TypeOID.point],
        ObjectIdentifier(PGLine.self): [TypeOID.line],
        ObjectIdentifier(PGLineSegment.self): [TypeOID.lseg],
        ObjectIdentifier(PGBox.self): [TypeOID.box],
        ObjectIdentifier(PGPath.self): [TypeOID.path],
        ObjectIdentifier(PGPolygon.self): [TypeOID.polygon],
        ObjectIdentifier(PGCircle.self): [TypeOID.circle],
        ObjectIdentifier(PGInet.self): [TypeOID.inet],
        ObjectIdentifier(PGMacAddress.self): [TypeOID.macaddr, TypeOID.macaddr8],
        ObjectIdentifier(PGBitString.self): [TypeOID.varbit],
        ObjectIdentifier(PGLSN.self): [TypeOID.pgLSN],
        ObjectIdentifier(PGTupleID.self): [TypeOID.tid],
        ObjectIdentifier(PGSnapshot.self): [TypeOID.pgSnapshot],
        ObjectIdentifier(PGTSVector.self): [3614],
    ]

    /// For `PGJSON`: `jsonb` starts with its version byte (1), which JSON text never does.
    static func jsonCandidate(_ buffer: ByteBuffer) -> UInt32 {
        buffer.getInteger(at: buffer.readerIndex, as: UInt8.self) == 1 ? TypeOID.jsonb : TypeOID.json
    }
}
