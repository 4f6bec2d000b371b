/// How the fuzzer writes names and strings into DDL, and which names PostgreSQL treats as equal.
enum PostgresSpelling {
    /// PostgreSQL keeps the first 63 bytes of an identifier (NAMEDATALEN - 1).
    static let identifierLimit = 63

    /// A quoted identifier: embedded quotes doubled, case and every other character kept.
    static func identifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `schema.name`, both quoted.
    static func qualified(_ schema: String, _ name: String) -> String {
        identifier(schema) + "." + identifier(name)
    }

    /// A string literal (standard_conforming_strings is on: backslashes are plain characters).
    static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// The name as the server stores it: cut to 63 bytes between characters, as the server's
    /// `pg_mbcliplen` does for UTF-8 (whose characters are code points).
    static func stored(_ name: String) -> String {
        var bytes = 0
        var scalars = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            bytes += String(scalar).utf8.count
            if bytes > identifierLimit { break }
            scalars.append(scalar)
        }
        return String(scalars)
    }
}

/// Names already used in one PostgreSQL namespace (a schema's relations and types, a table's
/// columns or constraints, an enum's labels), compared as the server compares them: the stored
/// bytes, case-sensitively.
struct NameSpace {
    private var used: Set<[UInt8]> = []

    init(reserving names: [String] = []) {
        for name in names { used.insert(Array(PostgresSpelling.stored(name).utf8)) }
    }

    /// Takes `name` when its stored form is free.
    mutating func claim(_ name: String) -> Bool {
        used.insert(Array(PostgresSpelling.stored(name).utf8)).inserted
    }

    /// The first of `name`, `name2`, `name3`, … whose stored form is free (the number replaces
    /// the end of a name that is already at the byte limit).
    mutating func claimVariant(of name: String) -> String {
        if claim(name) { return name }
        var number = 2
        while true {
            let suffix = String(number)
            let base = PostgresSpelling.stored(name)
            var trimmed = base
            while trimmed.utf8.count + suffix.utf8.count > PostgresSpelling.identifierLimit { trimmed.unicodeScalars.removeLast() }
            let candidate = trimmed + suffix
            if claim(candidate) { return candidate }
            number += 1
        }
    }
}
