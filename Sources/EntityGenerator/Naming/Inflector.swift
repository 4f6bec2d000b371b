/// English singular and plural forms of the last word of a name: `refresh_tokens` gives the
/// entity `RefreshToken`, and `RefreshToken` gives the has-many relation `refreshTokens`.
enum Inflector {
    private static let irregularPlurals: [String: String] = [
        "person": "people", "child": "children", "man": "men", "woman": "women", "mouse": "mice",
        "goose": "geese", "tooth": "teeth", "foot": "feet", "ox": "oxen", "datum": "data",
        "criterion": "criteria", "medium": "media", "analysis": "analyses", "axis": "axes",
        "index": "indices", "matrix": "matrices", "vertex": "vertices", "crisis": "crises",
        "thesis": "theses", "leaf": "leaves", "life": "lives", "wife": "wives", "knife": "knives",
        "half": "halves", "shelf": "shelves", "wolf": "wolves", "movie": "movies", "cookie": "cookies",
        "quiz": "quizzes", "alias": "aliases", "status": "statuses", "bus": "buses", "campus": "campuses",
        "virus": "viruses", "bonus": "bonuses", "census": "censuses", "genus": "genera", "corpus": "corpora",
        "schema": "schemas", "die": "dice", "zombie": "zombies", "tie": "ties", "pie": "pies",
        "cache": "caches", "niche": "niches", "menu": "menus", "guru": "gurus", "shoe": "shoes",
        "hero": "heroes", "potato": "potatoes", "tomato": "tomatoes", "echo": "echoes",
    ]

    private static let irregularSingulars: [String: String] = Dictionary(
        irregularPlurals.map { ($1, $0) }, uniquingKeysWith: { first, _ in first })

    /// Words that are the same in singular and plural.
    private static let invariant: Set<String> = [
        "data", "metadata", "information", "equipment", "series", "species", "news", "sheep", "fish",
        "deer", "staff", "feedback", "software", "hardware", "media", "money", "rice", "moose", "aircraft",
        "access", "progress", "analytics", "physics", "economics", "https", "chaos", "kudos",
    ]

    /// The singular of the last word (`tokens` → `token`, `categories` → `category`).
    static func singularize(_ words: [String]) -> [String] {
        transformLast(words, singular)
    }

    /// The plural of the last word (`token` → `tokens`, `category` → `categories`).
    static func pluralize(_ words: [String]) -> [String] {
        transformLast(words, plural)
    }

    /// Casing is not kept: callers re-case every word when they join them.
    private static func transformLast(_ words: [String], _ transform: (String) -> String) -> [String] {
        guard let last = words.last else { return words }
        // A word ending in a digit (p2022, v2) is a label, not a noun.
        if last.last?.isNumber ?? true { return words }
        return words.dropLast() + [transform(last.lowercased())]
    }

    static func singular(_ word: String) -> String {
        if invariant.contains(word) { return word }
        if let irregular = irregularSingulars[word] { return irregular }
        if irregularPlurals[word] != nil { return word }
        let rules: [(suffix: String, replacement: String)] = [
            ("ies", "y"), ("sses", "ss"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"), ("zzes", "zz"),
        ]
        for rule in rules where word.hasSuffix(rule.suffix) && word.count > rule.suffix.count + 1 {
            return String(word.dropLast(rule.suffix.count)) + rule.replacement
        }
        if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") {
            return word
        }
        if word.hasSuffix("s"), word.count > 2 { return String(word.dropLast()) }
        return word
    }

    static func plural(_ word: String) -> String {
        if invariant.contains(word) { return word }
        if let irregular = irregularPlurals[word] { return irregular }
        if irregularSingulars[word] != nil { return word }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        if word.hasSuffix("y"), word.count > 1, !vowels.contains(word[word.index(word.endIndex, offsetBy: -2)]) {
            return String(word.dropLast()) + "ies"
        }
        if word.hasSuffix("s") || word.hasSuffix("x") || word.hasSuffix("z") || word.hasSuffix("ch") || word.hasSuffix("sh") {
            return word + "es"
        }
        return word + "s"
    }
}
