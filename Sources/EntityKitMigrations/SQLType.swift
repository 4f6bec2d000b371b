extension MigrationDSL {
    /// A column type in the schema DSL.
    public indirect enum SQLType: Sendable, Hashable {
        case smallint, integer, bigint, real, doublePrecision
        case numeric(precision: Int? = nil, scale: Int? = nil)
        case text
        case varchar(Int)
        case char(Int)
        case boolean, bytea, uuid
        case date, time, timeWithTimeZone, timestamp, timestampWithTimeZone, interval
        case json, jsonb
        /// An array of another type.
        case array(SQLType)
        /// A named type: an enum, a domain, a composite or an extension type.
        case named(SQLName)
        /// Any type as SQL text, for everything else (`numeric(10,2)[]`, `tsvector`, …).
        case raw(String)

        /// The type's SQL spelling.
        public var sql: String {
            switch self {
            case .smallint: "smallint"
            case .integer: "integer"
            case .bigint: "bigint"
            case .real: "real"
            case .doublePrecision: "double precision"
            case let .numeric(precision, scale):
                switch (precision, scale) {
                case let (precision?, scale?): "numeric(\(precision),\(scale))"
                case let (precision?, nil): "numeric(\(precision))"
                default: "numeric"
                }
            case .text: "text"
            case let .varchar(length): "varchar(\(length))"
            case let .char(length): "char(\(length))"
            case .boolean: "boolean"
            case .bytea: "bytea"
            case .uuid: "uuid"
            case .date: "date"
            case .time: "time"
            case .timeWithTimeZone: "timetz"
            case .timestamp: "timestamp"
            case .timestampWithTimeZone: "timestamptz"
            case .interval: "interval"
            case .json: "json"
            case .jsonb: "jsonb"
            case let .array(element): element.sql + "[]"
            case let .named(name): name.sql
            case let .raw(sql): sql
            }
        }

        /// An enum (or other named) type: `.enumeration("user_role")`.
        public static func enumeration(_ name: String, schema: String? = nil) -> SQLType {
            .named(SQLName(name, schema: schema))
        }
    }
}

extension MigrationDSL {
    /// A column default.
    public enum SQLDefault: Sendable, Hashable {
        /// A string literal, quoted: `.string("user")` gives `'user'`.
        case string(String)
        case integer(Int)
        case boolean(Bool)
        /// An SQL expression, unquoted: `.sql("now()")`.
        case sql(String)

        public var sql: String {
            switch self {
            case let .string(text): SQLString.quote(text)
            case let .integer(value): String(value)
            case let .boolean(value): value ? "true" : "false"
            case let .sql(expression): expression
            }
        }

        /// `now()`.
        public static let now = SQLDefault.sql("now()")
    }
}
