import Foundation

/// Splits database names into words and joins them in Swift's casing conventions.
///
/// `refresh_tokens`, `RefreshTokens`, `refreshTokens` and `"Refresh Tokens"` all give the words
/// `refresh`, `tokens`; `BusinessEntityID` gives `Business`, `Entity`, `ID`.
enum Words {
    /// Initialisms written in one case in Swift names (`userID`, `imageURL`, `UUIDValue`).
    static let initialisms: Set<String> = [
        "id", "ids", "url", "urls", "uri", "uuid", "uuids", "guid", "api", "http", "https", "json", "jsonb",
        "xml", "html", "ip", "sql", "ssl", "utc", "ui", "sku", "isbn", "pdf", "csv", "jwt", "dns", "tcp",
        "udp", "cpu", "sms", "ssn",
    ]

    /// The words of `name`; characters that cannot appear in a Swift identifier separate words.
    static func split(_ name: String) -> [String] {
        var words: [String] = []
        var current: [Character] = []
        func flush() {
            if !current.isEmpty { words.append(String(current)) }
            current.removeAll()
        }
        let characters = Array(name.precomposedForSwift)
        for (index, character) in characters.enumerated() {
            guard SwiftIdentifiers.isIdentifierCharacter(character), character != "_" else {
                flush()
                continue
            }
            if let previous = current.last {
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                let startsWord = character.isUppercase && (previous.isLowercase || previous.isNumber)
                let endsInitialism = character.isUppercase && previous.isUppercase && (next?.isLowercase ?? false)
                if startsWord || endsInitialism { flush() }
            }
            current.append(character)
        }
        flush()
        return words
    }

    /// `RefreshToken`, `BusinessEntityID`: every word capitalised, initialisms upper-cased.
    static func upperCamel(_ words: [String]) -> String {
        words.map(capitalized).joined()
    }

    /// `refreshToken`, `userID`: the first word lower-cased, the rest capitalised.
    static func lowerCamel(_ words: [String]) -> String {
        guard let first = words.first else { return "" }
        return first.lowercased() + words.dropFirst().map(capitalized).joined()
    }

    static func capitalized(_ word: String) -> String {
        let lower = word.lowercased()
        if initialisms.contains(lower) {
            // Plural initialisms keep a lower-case s: IDs, URLs.
            if lower.hasSuffix("s"), initialisms.contains(String(lower.dropLast())), lower != "https" {
                return String(lower.dropLast()).uppercased() + "s"
            }
            return lower.uppercased()
        }
        guard let first = lower.first else { return lower }
        return String(first).uppercased() + lower.dropFirst()
    }
}

extension String {
    /// NFC, so that names that look alike and are canonically equal become the same identifier.
    var precomposedForSwift: String { precomposedStringWithCanonicalMapping }
}
