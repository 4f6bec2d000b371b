/// A `LIKE` pattern built from literal text: `%`, `_` and `\` in the text are escaped, so
/// they match only themselves (PostgreSQL's default escape character for `LIKE` is `\`).
///
/// ```swift
/// let pattern = LikePattern(containing: "50%_off")     // %50\%\_off%
/// try await db.all(Product.where { $0.name.like(pattern.pattern) })
/// ```
///
/// ``TypedExpression/contains(_:caseInsensitive:)`` and its siblings build these for you.
public struct LikePattern: Sendable, Hashable {
    /// The pattern, ready for ``TypedExpression/like(_:)`` or ``TypedExpression/ilike(_:)``.
    public let pattern: String

    /// Matches text that contains `text`.
    public init(containing text: String) {
        pattern = "%" + Self.escaping(text) + "%"
    }

    /// Matches text that starts with `prefix`.
    public init(prefix: String) {
        pattern = Self.escaping(prefix) + "%"
    }

    /// Matches text that ends with `suffix`.
    public init(suffix: String) {
        pattern = "%" + Self.escaping(suffix)
    }

    /// Matches exactly `text`.
    public init(exactly text: String) {
        pattern = Self.escaping(text)
    }

    /// `text` with `\`, `%` and `_` escaped by a `\`, to splice into a pattern of your own.
    public static func escaping(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "_") }) else {
            return text
        }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 8)
        for character in text.unicodeScalars {
            if character == "\\" || character == "%" || character == "_" { escaped.unicodeScalars.append("\\") }
            escaped.unicodeScalars.append(character)
        }
        return escaped
    }
}
