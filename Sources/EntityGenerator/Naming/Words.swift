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
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return splitASCII(name) }
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

    /// `split` for ASCII names (nearly all of them), on bytes rather than Characters.
    private static func splitASCII(_ name: String) -> [String] {
        let bytes = Array(name.utf8)
        var words: [String] = []
        var start = -1
        func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
        func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        func flush(_ end: Int) {
            if start >= 0, end > start { words.append(String(decoding: bytes[start..<end], as: UTF8.self)) }
            start = -1
        }
        for index in bytes.indices {
            let byte = bytes[index]
            guard isLower(byte) || isUpper(byte) || isDigit(byte) else {
                flush(index)
                continue
            }
            if start >= 0, isUpper(byte) {
                let previous = bytes[index - 1]
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                if isLower(previous) || isDigit(previous) || (isUpper(previous) && isLower(next)) { flush(index) }
            }
            if start < 0 { start = index }
        }
        flush(bytes.count)
        return words
    }

    /// `RefreshToken`, `BusinessEntityID`: every word capitalised, initialisms upper-cased.
    static func upperCamel(_ words: [String]) -> String {
        asciiCamel(words, lowerFirst: false) ?? words.map(capitalized).joined()
    }

    /// `refreshToken`, `userID`: the first word lower-cased, the rest capitalised.
    static func lowerCamel(_ words: [String]) -> String {
        guard let first = words.first else { return "" }
        return asciiCamel(words, lowerFirst: true) ?? first.lowercased() + words.dropFirst().map(capitalized).joined()
    }

    /// ``lowerCamel(_:)`` or ``upperCamel(_:)`` of ASCII words (nearly all of them) in one byte
    /// buffer, with the casing rules of ``capitalized(_:)``; nil when a word is not ASCII.
    private static func asciiCamel(_ words: [String], lowerFirst: Bool) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(words.reduce(0) { $0 + $1.utf8.count })
        for (index, word) in words.enumerated() {
            let start = bytes.count
            for byte in word.utf8 {
                guard byte < 0x80 else { return nil }
                bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            }
            if index == 0 && lowerFirst || start == bytes.count { continue }
            let lower = String(decoding: bytes[start...], as: UTF8.self)
            var upperEnd = start + 1
            if initialisms.contains(lower) {
                // Plural initialisms keep a lower-case s: IDs, URLs.
                let isPlural = lower.hasSuffix("s") && lower != "https" && initialisms.contains(String(lower.dropLast()))
                upperEnd = isPlural ? bytes.count - 1 : bytes.count
            }
            for position in start..<upperEnd where bytes[position] >= 0x61 && bytes[position] <= 0x7A {
                bytes[position] -= 0x20
            }
        }
        return String(decoding: bytes, as: UTF8.self)
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
    var precomposedForSwift: String {
        utf8.allSatisfy { $0 < 0x80 } ? self : precomposedStringWithCanonicalMapping
    }
}
