import TestSupport

/// One fuzzed database: the DDL that creates it and the schemas to generate entities from (the
/// first is the primary schema).
struct FuzzedSchema: Equatable {
    let seed: UInt64
    let schemas: [String]
    let sql: String
}

/// Builds a schema from a seed: several PostgreSQL schemas of enums, domains, composites,
/// tables (keys, single and composite foreign keys, self-references, two keys to one table),
/// junction tables and views, every name drawn from ``HostileNames``. The same seed gives the
/// same DDL; every statement is one the server accepts (a rejection is a fuzzer bug).
struct SchemaFuzzer {
    var random: SplitMix64
    var statements: [String] = []
    var comments: [String] = []
    /// The objects of each PostgreSQL schema: relations, sequences, indexes and types share
    /// one namespace per schema (`pg_class` and `pg_type`).
    var namespaces: [String: NameSpace] = [:]
    var types: [UserType] = []
    var tables: [FuzzTable] = []
    /// This schema's group of names that collapse to one Swift name, drawn from often.
    var family: [String] = []

    static func schema(seed: UInt64) -> FuzzedSchema {
        var fuzzer = SchemaFuzzer(random: SplitMix64(seed: seed))
        fuzzer.family = fuzzer.random.pick(HostileNames.families)
        let schemas = fuzzer.makeSchemas()
        for schema in schemas { fuzzer.makeTypes(in: schema) }
        for schema in schemas { fuzzer.makeRelations(in: schema) }
        let sql = (fuzzer.statements + fuzzer.comments).map { $0 + ";\n" }.joined()
        return FuzzedSchema(seed: seed, schemas: schemas, sql: sql)
    }

    // MARK: Names

    /// A name for a schema-level object (table, view, type, sequence, index): mostly names
    /// that clash with types, sometimes any hostile name or a name at or over the byte limit.
    mutating func objectName(in schema: String) -> String {
        let name: String
        switch random.below(10) {
        case 0...1: name = random.pick(HostileNames.issueNames)
        case 2...3: name = random.pick(HostileNames.typeNames)
        case 4: name = random.pick(HostileNames.generatedMembers)
        case 5: name = random.pick(random.chance(70) ? family : HostileNames.lookalikes)
        case 6: name = longName()
        default: name = random.pick(HostileNames.all)
        }
        // A type's array type is named `_` + its name, cut to 63 bytes: for 63 underscores that
        // is the name itself, which the server cannot create.
        if PostgresSpelling.stored(name).utf8.allSatisfy({ $0 == UInt8(ascii: "_") }), name.utf8.count >= PostgresSpelling.identifierLimit {
            return namespaces[schema, default: NameSpace()].claimVariant(of: "x" + name)
        }
        return namespaces[schema, default: NameSpace()].claimVariant(of: name)
    }

    /// A name for a member (column, attribute, constraint): any hostile name, sometimes long.
    mutating func memberName(in space: inout NameSpace) -> String {
        let name = random.chance(8) ? longName() : random.pick(random.chance(15) ? family : HostileNames.all)
        return space.claimVariant(of: name)
    }

    /// A name of exactly 63 bytes (the limit) or longer (truncated by the server), sometimes
    /// of multi-byte characters so that truncation falls inside one.
    mutating func longName() -> String {
        let unit = random.pick(["a", "Self_", "é", "名", "🚀", "order id ", "_"])
        return HostileNames.long(unit, bytes: random.pick([63, 63, 64, 65, 80, 130]))
    }

    // MARK: Schemas and types

    private mutating func makeSchemas() -> [String] {
        var used = NameSpace(reserving: ["public", "information_schema"])
        var schemas = ["public"]
        for _ in 0..<random.below(3) {
            var name = random.chance(50) ? random.pick(HostileNames.all) : random.pick(HostileNames.issueNames + HostileNames.lookalikes)
            // The server reserves the pg_ prefix for its own schemas.
            if name.hasPrefix("pg_") { name = "x" + name }
            let claimed = used.claimVariant(of: name)
            statements.append("CREATE SCHEMA \(PostgresSpelling.identifier(claimed))")
            schemas.append(claimed)
        }
        return schemas
    }

    private mutating func makeTypes(in schema: String) {
        for _ in 0..<random.inRange(1...3) { makeEnum(in: schema) }
        for _ in 0..<random.inRange(1...2) { makeDomain(in: schema) }
        for _ in 0..<random.inRange(0...2) { makeComposite(in: schema) }
    }

    private mutating func makeEnum(in schema: String) {
        let name = objectName(in: schema)
        var used = NameSpace()
        var labels: [String] = []
        for _ in 0..<random.inRange(1...6) {
            let candidate: String
            switch random.below(8) {
            case 0: candidate = ""
            case 1: candidate = random.pick(["with space", "Foo", "foo", "FOO", "a_b", "aB", "1", "-1", "Ω"])
            default: candidate = random.chance(5) ? longName() : random.pick(HostileNames.all)
            }
            // Labels longer than 63 bytes are an error rather than truncated.
            let label = PostgresSpelling.stored(candidate)
            if used.claim(label) { labels.append(label) }
        }
        let type = UserType(schema: schema, name: name, kind: .enumeration(labels: labels))
        statements.append("CREATE TYPE \(type.sql) AS ENUM (\(labels.map(PostgresSpelling.literal).joined(separator: ", ")))")
        comment(on: "TYPE \(type.sql)")
        types.append(type)
    }

    private mutating func makeDomain(in schema: String) {
        let name = objectName(in: schema)
        let enums = types.filter(\.isEnumeration)
        let domains = types.filter { if case .domain = $0.kind { return true } else { return false } }
        let base = !enums.isEmpty && random.chance(30) ? random.pick(enums).sql
            : !domains.isEmpty && random.chance(20) ? random.pick(domains).sql
            : random.pick(["integer", "bigint", "text", "numeric(12,3)", "uuid", "timestamp with time zone", "boolean"])
        var constraints = NameSpace()
        var clauses = ""
        if random.chance(30) { clauses += " NOT NULL" }
        if random.chance(50) {
            clauses += " CONSTRAINT \(PostgresSpelling.identifier(memberName(in: &constraints))) CHECK (VALUE IS NOT NULL)"
        }
        let type = UserType(schema: schema, name: name, kind: .domain(base: base))
        statements.append("CREATE DOMAIN \(type.sql) AS \(base)\(clauses)")
        types.append(type)
    }

    private mutating func makeComposite(in schema: String) {
        let name = objectName(in: schema)
        var attributes = NameSpace()
        var definitions: [String] = []
        for _ in 0..<random.inRange(1...4) {
            definitions.append("\(PostgresSpelling.identifier(memberName(in: &attributes))) \(columnType().sql)")
        }
        let type = UserType(schema: schema, name: name, kind: .composite)
        statements.append("CREATE TYPE \(type.sql) AS (\(definitions.joined(separator: ", ")))")
        comment(on: "TYPE \(type.sql)")
        types.append(type)
    }

    // MARK: Column types, defaults and comments

    private static let baseTypes = [
        "integer", "bigint", "smallint", "text", "boolean", "uuid", "timestamp with time zone", "timestamp", "date",
        "numeric(10,2)", "double precision", "jsonb", "bytea", "interval", "character varying(20)", "text[]", "integer[]",
    ]

    /// A column's (or attribute's) type: a built-in, or one of the types made so far, or an array of one.
    mutating func columnType() -> ColumnType {
        if !tables.isEmpty, random.chance(6) {
            // A table's row type is a composite type too.
            let table = random.pick(tables)
            return ColumnType(sql: table.sql, userType: nil, isArray: false)
        }
        if random.chance(4) { return ColumnType(sql: random.pick(["integer[][]", "text[][]"]), userType: nil, isArray: true) }
        guard !types.isEmpty, random.chance(45) else {
            let sql = random.pick(Self.baseTypes)
            return ColumnType(sql: sql, userType: nil, isArray: sql.hasSuffix("[]"))
        }
        let type = random.pick(types)
        let isArray = random.chance(25)
        return ColumnType(sql: type.sql + (isArray ? "[]" : ""), userType: type, isArray: isArray)
    }

    /// A type a key may have: the common ones, or an enum or a domain over an integer.
    mutating func keyType() -> String {
        let candidates = types.filter { type in
            if case .domain(let base) = type.kind { return base == "integer" || base == "bigint" }
            return type.isEnumeration
        }
        if !candidates.isEmpty, random.chance(15) { return random.pick(candidates).sql }
        return random.pick(["integer", "bigint", "text", "uuid"])
    }

    /// A `DEFAULT` clause for some text and enum columns, with hostile text.
    mutating func defaultClause(for type: ColumnType) -> String {
        guard !type.isArray, random.chance(25) else { return "" }
        if type.sql == "text" { return " DEFAULT \(PostgresSpelling.literal(random.pick(HostileNames.all + Self.hostileText)))" }
        if case .enumeration(let labels)? = type.userType?.kind, let label = labels.first {
            return " DEFAULT \(PostgresSpelling.literal(label))::\(type.sql)"
        }
        return ""
    }

    /// Text that must stay inside a doc comment or a string literal.
    private static let hostileText = [
        "*/ let x = 1 /*", "line one\nline two", "\"\"\"", "\\(interpolation)", "back\\slash", "`code`", "#\"raw\"#",
        "/// doc", "tab\there", "trailing backslash\\", "\r\ncarriage", "\u{2028}separator", "emoji 🎉", "",
    ]

    /// A comment on `object` now and then (stated after every object exists).
    mutating func comment(on object: String) {
        guard random.chance(35) else { return }
        comments.append("COMMENT ON \(object) IS \(PostgresSpelling.literal(random.pick(Self.hostileText + HostileNames.punctuated)))")
    }
}

/// An enum, domain or composite the fuzzer created.
struct UserType {
    enum Kind {
        case enumeration(labels: [String])
        case domain(base: String)
        case composite
    }

    let schema: String
    let name: String
    let kind: Kind

    var sql: String { PostgresSpelling.qualified(schema, name) }

    var isEnumeration: Bool {
        if case .enumeration = kind { return true }
        return false
    }
}

/// A column's type as written in DDL, and the user type behind it.
struct ColumnType {
    let sql: String
    let userType: UserType?
    let isArray: Bool
}
