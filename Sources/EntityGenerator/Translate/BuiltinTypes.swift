/// How a `pg_catalog` type is represented in Swift.
struct BuiltinMapping: Sendable {
    /// The Swift type.
    var type: KnownType
    /// True when EntityKitPostgres reads the type's text form (selected with a cast to `text`).
    var readsAsText: Bool = false
    /// A sentence for the property's documentation, when the mapping needs explaining.
    var note: String?
}

/// The Swift type of every built-in PostgreSQL type, by `pg_type.typname`.
enum BuiltinTypes {
    static let mappings: [String: BuiltinMapping] = {
        var table: [String: BuiltinMapping] = [
            "bool": BuiltinMapping(type: .bool),
            "int2": BuiltinMapping(type: .int16),
            "int4": BuiltinMapping(type: .int32),
            "int8": BuiltinMapping(type: .int64),
            "float4": BuiltinMapping(type: .float),
            "float8": BuiltinMapping(type: .double),
            "numeric": BuiltinMapping(type: .pgNumeric),
            "money": BuiltinMapping(
                type: .pgMoney, note: "`money` is read in minor units (cents); its text form assumes two fraction digits, as `lc_monetary` C and en_US have."),
            "text": BuiltinMapping(type: .string),
            "varchar": BuiltinMapping(type: .string),
            "bpchar": BuiltinMapping(type: .string),
            "name": BuiltinMapping(type: .string),
            "char": BuiltinMapping(type: .pgChar),
            "xml": BuiltinMapping(type: .string),
            "jsonpath": BuiltinMapping(type: .string, readsAsText: true),
            "bytea": BuiltinMapping(type: .data),
            "bit": BuiltinMapping(type: .pgBitString),
            "varbit": BuiltinMapping(type: .pgBitString),
            "uuid": BuiltinMapping(type: .uuid),
            "date": BuiltinMapping(type: .pgDate),
            "time": BuiltinMapping(type: .pgTime),
            "timetz": BuiltinMapping(type: .pgTimeWithTimeZone),
            "timestamp": BuiltinMapping(type: .pgLocalTimestamp),
            "timestamptz": BuiltinMapping(type: .pgTimestamp),
            "interval": BuiltinMapping(type: .pgInterval),
            "json": BuiltinMapping(type: .pgJSON),
            "jsonb": BuiltinMapping(type: .pgJSON),
            "inet": BuiltinMapping(type: .pgInet),
            "cidr": BuiltinMapping(type: .pgInet),
            "macaddr": BuiltinMapping(type: .pgMacAddress),
            "macaddr8": BuiltinMapping(type: .pgMacAddress),
            "tsvector": BuiltinMapping(type: .pgTSVector),
            "tsquery": BuiltinMapping(type: .pgTSQuery, readsAsText: true),
            "point": BuiltinMapping(type: .pgPoint),
            "line": BuiltinMapping(type: .pgLine),
            "lseg": BuiltinMapping(type: .pgLineSegment),
            "box": BuiltinMapping(type: .pgBox),
            "path": BuiltinMapping(type: .pgPath),
            "polygon": BuiltinMapping(type: .pgPolygon),
            "circle": BuiltinMapping(type: .pgCircle),
            "pg_lsn": BuiltinMapping(type: .pgLSN),
            "tid": BuiltinMapping(type: .pgTupleID),
            "txid_snapshot": BuiltinMapping(type: .pgSnapshot),
            "pg_snapshot": BuiltinMapping(type: .pgSnapshot),
            "xid8": BuiltinMapping(type: .uint64),
            "aclitem": BuiltinMapping(type: .string, readsAsText: true),
        ]
        // Object identifiers: the value is the OID; their text forms (names) depend on search_path.
        for name in ["oid", "xid", "cid", "regclass", "regtype", "regproc", "regprocedure", "regoper", "regoperator",
                     "regconfig", "regdictionary", "regnamespace", "regrole", "regcollation"] {
            table[name] = BuiltinMapping(type: .uint32, note: name.hasPrefix("reg")
                ? "`\(name)` is read as the object's OID: its name depends on the reader's search_path, the OID does not." : nil)
        }
        return table
    }()

    /// Range subtypes whose Swift types conform to `PGRangeBound`.
    static let rangeBoundTypes: Set<SwiftType> = [
        .known(.int32), .known(.int64), .known(.double), .known(.pgNumeric), .known(.pgDate), .known(.pgTimestamp), .known(.pgLocalTimestamp),
    ]

    /// Ranges and multiranges whose binary form EntityKitPostgres reads.
    static let binaryRanges: Set<String> = [
        "int4range", "int8range", "numrange", "daterange", "tsrange", "tstzrange",
        "int4multirange", "int8multirange", "nummultirange", "datemultirange", "tsmultirange", "tstzmultirange",
    ]

    /// Extension types with a Swift type of their own, by type name (any schema); all read as text.
    static let extensionTypes: [String: BuiltinMapping] = [
        "citext": BuiltinMapping(type: .string, readsAsText: true),
        "hstore": BuiltinMapping(type: .pgHStore, readsAsText: true),
    ]
}
