@testable import EntityGenerator

/// The identifiers the fuzzer draws from: everything that has broken, or could break, the
/// translation of a database name into a legal Swift name that shadows nothing.
enum HostileNames {
    /// Swift keywords and contextual keywords: the generator's own list, plus the contextual
    /// ones it leaves unescaped because they are legal identifiers (which the fuzzer checks).
    static let keywords: [String] = sortedUnion(Array(SwiftIdentifiers.keywords), [
        "class", "struct", "func", "let", "var", "in", "is", "as", "try", "throws", "async", "await", "some", "any",
        "get", "set", "willSet", "didSet", "_", "__", "Any", "Type", "Protocol", "self", "Self", "init", "deinit",
        "subscript", "super", "default", "case", "where", "rethrows", "inout", "operator", "precedencegroup",
        "associatedtype", "true", "false", "nil", "if", "else", "for", "while", "repeat", "return", "throw", "guard",
        "defer", "do", "catch", "switch", "break", "continue", "fallthrough", "import", "typealias", "extension",
        "enum", "protocol", "public", "private", "internal", "fileprivate", "open", "static", "mutating",
        "nonmutating", "nonisolated", "isolated", "consuming", "borrowing", "sending", "macro", "package",
        "convenience", "dynamic", "final", "indirect", "lazy", "optional", "override", "required", "unowned", "weak",
        "prefix", "postfix", "infix", "left", "right", "none", "actor", "distributed", "unsafe", "Sendable",
    ])

    /// The issue's names: columns that clash with Swift, tables and types that clash with what
    /// generated code declares or names.
    static let issueNames = [
        "self", "Self", "Type", "Protocol", "init", "super", "default",
        "columns", "coding_keys", "primary_keys", "relations", "string", "optional", "result", "error", "uuid", "date",
        "data",
    ]

    /// Standard library, Foundation and EntityKit type names, from the generator's own tables
    /// (so a type added to EntityKit is fuzzed without editing this list), plus common ones.
    static let typeNames: [String] = sortedUnion(
        KnownType.allCases.map(\.spelling) + Array(ReservedNames.typeNames),
        ["String", "Int", "Optional", "Result", "Error", "UUID", "Date", "Data", "Decimal", "URL", "Array",
         "Dictionary", "Set", "Bool", "Double", "Character", "Never", "Void", "Sendable", "Hashable", "Codable",
         "Equatable", "Identifiable", "AnyHashable", "ObjectIdentifier", "Task", "MainActor", "Actor", "JSONDecoder"])

    /// What generated code declares inside entities, column enums, drafts and composites.
    static let generatedMembers: [String] = sortedUnion(
        Array(ReservedNames.nestedTypes) + Array(ReservedNames.memberNames),
        ["Column", "CodingKeys", "PrimaryKey", "Relations", "TableColumns", "Draft", "UniqueKey", "Root", "columns",
         "row", "write", "writer", "reader", "key", "tableAlias", "alias", "definition", "primaryKey", "schemaName",
         "tableName", "kind", "typeName", "attributeNames", "allCases", "rawValue", "hashValue", "description", "id",
         "to", "from", "decoder", "encoder", "DatabaseSchema", "database_schema", "entities", "relation", "draft",
         "table_columns", "unique_key", "primary_key", "column", "literal", "postgresLiteral", "value", "values"])

    /// Names that differ only in case or in underscores, or that collapse to one Swift name.
    static let lookalikes = [
        "Foo", "foo", "FOO", "fOO", "a_b", "a__b", "_a_b", "a_b_", "aB", "AB", "ab", "A_B",
        "order id", "order_id", "OrderId", "orderID", "order-id", "ORDER_ID", "order__id", "Order ID",
        "user", "users", "User", "USERS", "person", "people", "status", "statuses",
        "café", "cafe\u{301}", "CAFÉ", "ss", "ß", "SS", "İstanbul", "istanbul",
    ]

    /// Groups of names that all become one Swift name (or one file name, which ignores case):
    /// the fuzzer gives several tables, columns or types of one schema names from one group.
    static let families: [[String]] = [
        ["order id", "order_id", "OrderId", "orderID", "ORDER_ID", "order-id", "order__id", "_order_id", "Orders", "orders"],
        ["Foo", "foo", "FOO", "fOO", "foos", "FOOS", "Foo!"],
        ["user", "users", "User", "USERS", "user_", "_user", "Users "],
        ["café", "cafe\u{301}", "CAFÉ", "cafés", "Café"],
        ["a_b", "a__b", "_a_b", "aB", "AB", "a b", "a-b", "A_B_"],
        ["self", "Self", "SELF", "self_", "_self", "selves"],
        ["data", "Data", "datum", "DATA", "data_"],
        ["column", "columns", "Column", "COLUMNS", "column_s"],
        ["id", "ID", "Id", "ids", "IDs", "_id", "id_"],
    ]

    /// Names that are not identifiers at all: leading digits, spaces, punctuation, controls.
    static let punctuated = [
        "1st", "2nd_place", "123", "9", "0x1F", "x.y", "a-b", "a b c", "$money", "%", "?", "*/", "/*", "//",
        "a\"b", "it's", "back\\slash", "`tick`", "#if", "@main", "new\nline", "tab\there", "a\u{200B}b", "+", "==",
    ]

    /// Non-ASCII names, and names with no letters at all.
    static let nonASCII = [
        "café", "名前", "ñandú", "🚀", "emoji 🎉 party", "Ελληνικά", "привет", "עברית", "日本語の名前", "Ångström",
        "naïve", "😀😀", "é", "ǅungla", "ﬁle", "Ⅻ", "_", "__", "___", " ", "-", "—",
    ]

    /// Every pool, for names with no role of their own (columns, attributes, labels).
    static let all: [String] = sortedUnion(keywords + issueNames + typeNames + generatedMembers, lookalikes + punctuated + nonASCII + families.flatMap { $0 })

    /// A name of `bytes` UTF-8 bytes (63 is PostgreSQL's limit, longer ones are truncated),
    /// built from `unit`; multi-byte units make truncation cut between characters.
    static func long(_ unit: String, bytes: Int) -> String {
        var name = ""
        while name.utf8.count + unit.utf8.count <= bytes { name += unit }
        while name.utf8.count < bytes { name += "x" }
        return name
    }

    private static func sortedUnion(_ first: [String], _ second: [String]) -> [String] {
        Array(Set(first).union(second)).sorted()
    }
}
