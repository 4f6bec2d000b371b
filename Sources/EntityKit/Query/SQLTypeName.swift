/// Type names as PostgreSQL prints them (`format_type`), for casts.
enum SQLTypeName {
    /// The type without its modifiers, so a cast to it never truncates or rounds a value the
    /// way an explicit cast to the modified type would (`'abcdef'::varchar(3)` is `abc`; in an
    /// INSERT the column's own modifiers then apply as an assignment, which raises an error
    /// instead). `character varying(20)[]` is `character varying[]`, `numeric(10,2)` is
    /// `numeric`, `timestamp(3) with time zone` is `timestamp with time zone`, and the types
    /// whose bare name carries a length (`character` is `character(1)`, `bit` is `bit(1)`) or
    /// fields (`interval year to month`) become their unbounded kin: `bpchar`, `bit varying`,
    /// `interval`. Quoted names are left as they are.
    static func withoutModifiers(_ type: String) -> String {
        var result = ""
        result.reserveCapacity(type.utf8.count)
        var inQuotes = false
        var depth = 0
        for character in type {
            if character == "\"" { inQuotes.toggle() }
            if !inQuotes {
                if character == "(" { depth += 1; continue }
                if character == ")" { depth -= 1; continue }
            }
            if depth == 0 { result.append(character) }
        }
        var arraySuffix = ""
        while result.hasSuffix("[]") {
            arraySuffix += "[]"
            result.removeLast(2)
        }
        result = result.trimmingTrailingSpaces()
        let base: String
        if result == "character" || result == "char" {
            base = "bpchar"
        } else if result == "bit" {
            base = "bit varying"
        } else if result.hasPrefix("interval ") {
            base = "interval"
        } else {
            base = result.replacingDoubleSpaces()
        }
        return base + arraySuffix
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }

    /// `timestamp(3) with time zone` loses `(3)`, leaving two spaces: one is enough.
    fileprivate func replacingDoubleSpaces() -> String {
        guard contains("  ") else { return self }
        var result = ""
        var previousWasSpace = false
        for character in self {
            if character == " " && previousWasSpace { continue }
            previousWasSpace = character == " "
            result.append(character)
        }
        return result
    }
}
