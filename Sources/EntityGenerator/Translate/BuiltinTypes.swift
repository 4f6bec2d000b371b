/// How a `pg_catalog` type is represented in Swift.
struct BuiltinMapping: Sendable {
    /// The Swift type.
    var swiftType: String
    /// True when EntityKitPostgres reads the type's text form (selected with a cast to `text`).
    var readsAsText: Bool = false
}

/// The Swift type of every built-in PostgreSQL type that has one, by `pg_type.typname`.
enum BuiltinTypes {
    static let mappings: [String: BuiltinMapping] = [
        "bool": BuiltinMapping(swiftType: "Bool"),
        "int2": BuiltinMapping(swiftType: "Int16"),
        "int4": BuiltinMapping(swiftType: "Int32"),
        "int8": BuiltinMapping(swiftType: "Int64"),
        "float4": BuiltinMapping(swiftType: "Float"),
        "float8": BuiltinMapping(swiftType: "Double"),
        "numeric": BuiltinMapping(swiftType: "PGNumeric"),
        "text": BuiltinMapping(swiftType: "String"),
        "varchar": BuiltinMapping(swiftType: "String"),
        "bpchar": BuiltinMapping(swiftType: "String"),
        "name": BuiltinMapping(swiftType: "String"),
        "bytea": BuiltinMapping(swiftType: "Data"),
        "uuid": BuiltinMapping(swiftType: "UUID"),
        "date": BuiltinMapping(swiftType: "PGDate"),
        "time": BuiltinMapping(swiftType: "PGTime"),
        "timetz": BuiltinMapping(swiftType: "PGTimeWithTimeZone"),
        "timestamp": BuiltinMapping(swiftType: "PGLocalTimestamp"),
        "timestamptz": BuiltinMapping(swiftType: "PGTimestamp"),
        "interval": BuiltinMapping(swiftType: "PGInterval"),
        "json": BuiltinMapping(swiftType: "PGJSON"),
        "jsonb": BuiltinMapping(swiftType: "PGJSON"),
    ]

    /// Types outside `pg_catalog` whose text form is a plain string, by extension type name.
    static let textExtensionTypes: Set<String> = ["citext"]
}
