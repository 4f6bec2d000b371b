// The catalog facts the value decoders need beyond the constants in Cell.swift: the object
// identifier types, which array type holds which element type, and the subtypes of the built-in
// ranges. All are fixed by PostgreSQL (pg_type.dat), the same in every database.

extension TypeOID {
    /// A function's OID, printed as its name.
    public static let regproc: UInt32 = 24
    /// A function's OID, printed as its name and argument types.
    public static let regprocedure: UInt32 = 2202
    /// An operator's OID, printed as its name.
    public static let regoper: UInt32 = 2203
    /// An operator's OID, printed as its name and argument types.
    public static let regoperator: UInt32 = 2204
    /// A relation's OID, printed as its name.
    public static let regclass: UInt32 = 2205
    /// A type's OID, printed as its name.
    public static let regtype: UInt32 = 2206
    /// A text search configuration's OID, printed as its name.
    public static let regconfig: UInt32 = 3734
    /// A text search dictionary's OID, printed as its name.
    public static let regdictionary: UInt32 = 3769
    /// A schema's OID, printed as its name.
    public static let regnamespace: UInt32 = 4089
    /// A role's OID, printed as its name.
    public static let regrole: UInt32 = 4096
    /// A collation's OID, printed as its name.
    public static let regcollation: UInt32 = 4191

    /// `oid`, `xid`, `cid` and the `reg*` types: 4-byte unsigned integers on the wire.
    static func isObjectIdentifier(_ oid: UInt32) -> Bool {
        switch oid {
        case TypeOID.oid, xid, cid, regproc, regprocedure, regoper, regoperator, regclass, regtype, regconfig,
             regdictionary, regnamespace, regrole, regcollation:
            return true
        default:
            return false
        }
    }

    /// The element type of a built-in array type (`int4[]` → `int4`); nil for other types.
    /// One array type serves every number of dimensions.
    static func arrayElement(of oid: UInt32) -> UInt32? {
        switch oid {
        case 1000: bool
        case 1001: bytea
        case 1002: char
        case 1003: name
        case 1005: int2
        case 1006: int2  // int2vector
        case 1007: int4
        case 1008: regproc
        case 1009: text
        case 1010: tid
        case 1011: xid
        case 1012: cid
        case 1013: TypeOID.oid  // oidvector
        case 1014: bpchar
        case 1015: varchar
        case 1016: int8
        case 1017: point
        case 1018: lseg
        case 1019: path
        case 1020: box
        case 1021: float4
        case 1022: float8
        case 1027: polygon
        case 1028: TypeOID.oid
        case 1040: macaddr
        case 1041: inet
        case 651: cidr
        case 775: macaddr8
        case 791: money
        case 1115: timestamp
        case 1182: date
        case 1183: time
        case 1185: timestamptz
        case 1187: interval
        case 1231: numeric
        case 1270: timetz
        case 1561: bit
        case 1563: varbit
        case 143: xml
        case 199: json
        case 3807: jsonb
        case 629: line
        case 719: circle
        case 271: xid8
        case 2207: regprocedure
        case 2208: regoper
        case 2209: regoperator
        case 2210: regclass
        case 2211: regtype
        case 3735: regconfig
        case 3770: regdictionary
        case 4090: regnamespace
        case 4097: regrole
        case 4192: regcollation
        case 2287: record
        case 2949: txidSnapshot
        case 5039: pgSnapshot
        case 2951: uuid
        case 3221: pgLSN
        case 3643: tsvector
        case 3645: tsquery
        case 3905: int4range
        case 3907: numrange
        case 3909: tsrange
        case 3911: tstzrange
        case 3913: daterange
        case 3927: int8range
        case 6150: int4multirange
        case 6151: nummultirange
        case 6152: tsmultirange
        case 6153: tstzmultirange
        case 6155: datemultirange
        case 6157: int8multirange
        default: nil
        }
    }

    /// The subtype of a built-in range type; nil for other types. (A user-defined range's
    /// binary form does not name its subtype, so it is read as text.)
    static func rangeSubtype(of oid: UInt32) -> UInt32? {
        switch oid {
        case int4range: int4
        case int8range: int8
        case numrange: numeric
        case daterange: date
        case tsrange: timestamp
        case tstzrange: timestamptz
        default: nil
        }
    }

    /// The range type of a built-in multirange type; nil for other types.
    static func multirangeRange(of oid: UInt32) -> UInt32? {
        switch oid {
        case int4multirange: int4range
        case int8multirange: int8range
        case nummultirange: numrange
        case datemultirange: daterange
        case tsmultirange: tsrange
        case tstzmultirange: tstzrange
        default: nil
        }
    }
}
