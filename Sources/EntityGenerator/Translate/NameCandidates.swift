import Foundation

/// Candidate names, in order of preference, for each kind of generated declaration.
enum NameCandidates {
    /// An identifier built from `words`, made legal: a leading digit gets an underscore, and an
    /// empty result becomes `fallback`.
    static func legal(_ name: String, fallback: String) -> String {
        guard let first = name.first else { return fallback }
        return SwiftIdentifiers.isIdentifierHead(first) ? name : "_" + name
    }

    /// Entity type names: singular, then as spelled, then with the schema, then with the kind.
    static func entity(schema: String, table: String, isPrimarySchema: Bool, kindSuffix: String) -> [String] {
        let words = Words.split(table)
        let natural = legal(Words.upperCamel(Inflector.singularize(words)), fallback: kindSuffix)
        let raw = legal(Words.upperCamel(words), fallback: kindSuffix)
        let prefix = Words.upperCamel(Words.split(schema))
        return [
            natural,
            raw,
            isPrimarySchema ? natural : legal(prefix + natural, fallback: kindSuffix),
            isPrimarySchema ? raw : legal(prefix + raw, fallback: kindSuffix),
            natural + kindSuffix,
            legal(prefix + natural + kindSuffix, fallback: kindSuffix),
        ]
    }

    /// Enum, composite and domain names: as spelled, then with the schema, then with the kind.
    static func type(schema: String, name: String, isPrimarySchema: Bool, kindSuffix: String) -> [String] {
        let raw = legal(Words.upperCamel(Words.split(name)), fallback: kindSuffix)
        let prefix = Words.upperCamel(Words.split(schema))
        return [
            raw,
            isPrimarySchema ? raw : legal(prefix + raw, fallback: kindSuffix),
            raw + kindSuffix,
            legal(prefix + raw + kindSuffix, fallback: kindSuffix),
        ]
    }

    /// Member names (properties, enum cases): lowerCamel, then the name as spelled when it is a
    /// legal identifier, then with a suffix.
    static func member(_ original: String, fallback: String, suffix: String) -> [String] {
        let camel = legal(Words.lowerCamel(Words.split(original)), fallback: fallback)
        let asSpelled = SwiftIdentifiers.isLegal(original.precomposedForSwift) ? original.precomposedForSwift : camel
        return [camel, asSpelled, camel + suffix]
    }
}

/// Why a declaration's name differs from the plain conversion of its database name, for docs.
enum RenameNote {
    /// For a name the configuration chose.
    static func configured(name: String, key: String) -> String {
        "Named `\(name)` by the rename of `\(key)` in the configuration."
    }

    /// - Parameter plain: the plain conversion, when the caller has it (the first member candidate).
    static func member(original: String, name: String, kind: String, plain known: String? = nil) -> String? {
        let plain = known ?? NameCandidates.legal(Words.lowerCamel(Words.split(original)), fallback: "")
        let unescaped = SwiftIdentifiers.unescaped(name)
        if unescaped == plain { return nil }
        if plain.isEmpty || !SwiftIdentifiers.isLegal(plain) {
            return "Renamed from `\(original)`, which has no letters or digits to build a Swift name from."
        }
        if unescaped == original.precomposedForSwift {
            return "Named `\(unescaped)` as spelled in the database: another \(kind) or a generated member already uses `\(plain)`."
        }
        return "Named `\(unescaped)` rather than `\(plain)`: another \(kind) or a generated member already uses `\(plain)`."
    }
}
