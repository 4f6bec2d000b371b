/// Reads one-dimensional PostgreSQL arrays in text output format (`{a,"b c",NULL}`).
enum PostgresArrayLiteral {
    /// The elements of `text`; an unquoted `NULL` element becomes `nil`.
    static func parse(_ text: String) -> [String?] {
        var elements: [String?] = []
        var scalars = Substring(text).unicodeScalars[...]
        // A leading dimension decoration such as `[0:1]=` only appears for non-default bounds.
        if scalars.first == "[", let equals = scalars.firstIndex(of: "=") {
            scalars = scalars[scalars.index(after: equals)...]
        }
        guard scalars.first == "{" else { return [] }
        scalars.removeFirst()
        var current = String.UnicodeScalarView()
        var quoted = false
        var inQuotes = false
        var escaping = false
        func finishElement() {
            let value = String(current)
            elements.append(!quoted && value.uppercased() == "NULL" ? nil : value)
            current = String.UnicodeScalarView()
            quoted = false
        }
        var sawAnything = false
        for scalar in scalars {
            if escaping {
                current.append(scalar)
                escaping = false
                continue
            }
            switch scalar {
            case "\\":
                escaping = true
            case "\"":
                inQuotes.toggle()
                quoted = true
                sawAnything = true
            case "," where !inQuotes:
                finishElement()
            case "}" where !inQuotes:
                if sawAnything || !current.isEmpty || !elements.isEmpty { finishElement() }
                return elements
            default:
                current.append(scalar)
                sawAnything = true
            }
        }
        return elements
    }

    /// A text-array literal for `values`, every element quoted.
    static func make(_ values: [String]) -> String {
        let quoted = values.map { value -> String in
            var escaped = ""
            for character in value {
                if character == "\\" || character == "\"" { escaped.append("\\") }
                escaped.append(character)
            }
            return "\"\(escaped)\""
        }
        return "{" + quoted.joined(separator: ",") + "}"
    }
}
