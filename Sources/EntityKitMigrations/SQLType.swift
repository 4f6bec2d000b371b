extension MigrationDSL {
    /// A column type in the schema DSL.
    public indirect enum SQLType: Sendable, Hashable {
        /// `smallint`: 2-byte integers (`Int16`).
        case smallint
        /// `integer`: 4-byte integers (`Int32`).
        case integer
        /// `bigint`: 8-byte integers (`Int64`).
        case bigint
        /// `real`: 4-byte floating point (`Float`).
        case real
        /// `double precision`: 8-byte floating point (`Double`).
        case doublePrecision
        /// `numeric`, `numeric(p)` or `numeric(p,s)`: exact decimals (`PGNumeric`).
        case numeric(precision: Int? = nil, scale: Int? = nil)
        /// `text`: strings of any length.
        case text
        /// `varchar(n)`: strings of at most `n` characters.
        case varchar(Int)
        /// `char(n)`: strings blank-padded to `n` characters.
        case char(Int)
        /// `boolean`.
        case boolean
        /// `bytea`: binary strings (`Data`).
        case bytea
        /// `uuid`.
        case uuid
        /// `date`: calendar days (`PGDate`).
        case date
        /// `time`: times of day without a zone (`PGTime`).
        case time
        /// `timetz`: times of day with a UTC offset (`PGTimeWithTimeZone`).
        case timeWithTimeZone
        /// `timestamp`: wall-clock date and time without a zone (`PGLocalTimestamp`).
        case timestamp
        /// `timestamptz`: instants (`PGTimestamp`); the usual choice for "when".
        case timestampWithTimeZone
        /// `interval`: months, days and microseconds (`PGInterval`).
        case interval
        /// `json`: JSON text kept as written (`PGJSON`).
        case json
        /// `jsonb`: JSON parsed and stored in binary form, indexable.
        case jsonb
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
        /// An integer literal: `.integer(0)` gives `0`.
        case integer(Int)
        /// A boolean literal: `.boolean(false)` gives `false`.
        case boolean(Bool)
        /// An SQL expression, unquoted: `.sql("now()")`.
        case sql(String)

        /// The default as written after `DEFAULT`.
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
