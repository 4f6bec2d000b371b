/// How a `pg_catalog` type is represented in Swift.
struct BuiltinMapping: Sendable {
    /// The Swift type.
    var swiftType: String
    /// True when EntityKitPostgres reads the type's text form (selected with a cast to `text`).
    var readsAsText: Bool = false
    /// A sentence for the property's documentation, when the mapping needs explaining.
    var note: String?
}

/// The Swift type of every built-in PostgreSQL type, by `pg_type.typname`.
enum BuiltinTypes {
    static let mappings: [String: BuiltinMapping] = {
        var table: [String: BuiltinMapping] = [
            "bool": BuiltinMapping(swiftType: "Bool"),
            "int2": BuiltinMapping(swiftType: "Int16"),
            "int4": BuiltinMapping(swiftType: "Int32"),
            "int8": BuiltinMapping(swiftType: "Int64"),
            "float4": BuiltinMapping(swiftType: "Float"),
            "float8": BuiltinMapping(swiftType: "Double"),
            "numeric": BuiltinMapping(swiftType: "PGNumeric"),
            "money": BuiltinMapping(swiftType: "PGMoney", note: "`money` is read in minor units (cents); its text form assumes two fraction digits, as `lc_monetary` C and en_US have."),
            "text": BuiltinMapping(swiftType: "String"),
            "varchar": BuiltinMapping(swiftType: "String"),
            "bpchar": BuiltinMapping(swiftType: "String"),
            "name": BuiltinMapping(swiftType: "String"),
            "char": BuiltinMapping(swiftType: "PGChar"),
            "xml": BuiltinMapping(swiftType: "String"),
            "jsonpath": BuiltinMapping(swiftType: "String", readsAsText: true),
            "bytea": BuiltinMapping(swiftType: "Data"),
            "bit": BuiltinMapping(swiftType: "PGBitString"),
            "varbit": BuiltinMapping(swiftType: "PGBitString"),
            "uuid": BuiltinMapping(swiftType: "UUID"),
            "date": BuiltinMapping(swiftType: "PGDate"),
            "time": BuiltinMapping(swiftType: "PGTime"),
            "timetz": BuiltinMapping(swiftType: "PGTimeWithTimeZone"),
            "timestamp": BuiltinMapping(swiftType: "PGLocalTimestamp"),
            "timestamptz": BuiltinMapping(swiftType: "PGTimestamp"),
            "interval": BuiltinMapping(swiftType: "PGInterval"),
            "json": BuiltinMapping(swiftType: "PGJSON"),
            "jsonb": BuiltinMapping(swiftType: "PGJSON"),
            "inet": BuiltinMapping(swiftType: "PGInet"),
            "cidr": BuiltinMapping(swiftType: "PGInet"),
            "macaddr": BuiltinMapping(swiftType: "PGMacAddress"),
            "macaddr8": BuiltinMapping(swiftType: "PGMacAddress"),
            "tsvector": BuiltinMapping(swiftType: "PGTSVector"),
            "tsquery": BuiltinMapping(swiftType: "PGTSQuery", readsAsText: true),
            "point": BuiltinMapping(swiftType: "PGPoint"),
            "line": BuiltinMapping(swiftType: "PGLine"),
            "lseg": BuiltinMapping(swiftType: "PGLineSegment"),
            "box": BuiltinMapping(swiftType: "PGBox"),
            "path": BuiltinMapping(swiftType: "PGPath"),
            "polygon": BuiltinMapping(swiftType: "PGPolygon"),
            "circle": BuiltinMapping(swiftType: "PGCircle"),
            "pg_lsn": BuiltinMapping(swiftType: "PGLSN"),
            "tid": BuiltinMapping(swiftType: "PGTupleID"),
            "txid_snapshot": BuiltinMapping(swiftType: "PGSnapshot"),
            "pg_snapshot": BuiltinMapping(swiftType: "PGSnapshot"),
            "xid8": BuiltinMapping(swiftType: "UInt64"),
            "aclitem": BuiltinMapping(swiftType: "String", readsAsText: true),
        ]
        // Object identifiers: the value is the OID; their text forms (names) depend on search_path.
        for name in ["oid", "xid", "cid", "regclass", "regtype", "regproc", "regprocedure", "regoper", "regoperator",
                     "regconfig", "regdictionary", "regnamespace", "regrole", "regcollation"] {
            table[name] = BuiltinMapping(swiftType: "UInt32", note: name.hasPrefix("reg")
                ? "`\(name)` is read as the object's OID: its name depends on the reader's search_path, the OID does not." : nil)
        }
        return table
    }()

    /// Range subtypes whose Swift types conform to `PGRangeBound`.
    static let rangeBoundTypes: Set<String> = ["Int32", "Int64", "Double", "PGNumeric", "PGDate", "PGTimestamp", "PGLocalTimestamp"]

    /// Ranges and multiranges whose binary form EntityKitPostgres reads.
    static let binaryRanges: Set<String> = [
        "int4range", "int8range", "numrange", "daterange", "tsrange", "tstzrange",
        "int4multirange", "int8multirange", "nummultirange", "datemultirange", "tsmultirange", "tstzmultirange",
    ]

    /// Extension types with a Swift type of their own, by type name (any schema); all read as text.
    static let extensionTypes: [String: BuiltinMapping] = [
        "citext": BuiltinMapping(swiftType: "String", readsAsText: true),
        "hstore": BuiltinMapping(swiftType: "PGHStore", readsAsText: true),
    ]
}
