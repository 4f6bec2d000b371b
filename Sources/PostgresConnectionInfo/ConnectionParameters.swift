import Foundation

/// The keyword → value pairs a connection string sets, exactly as libpq's `PQconninfoParse`
/// reports them: nothing from the environment, no defaults, nothing validated beyond syntax
/// and keyword names.
///
/// Two syntaxes are accepted, chosen as libpq chooses: a string that starts with
/// `postgresql://` or `postgres://` is a URI, anything else is `keyword=value` pairs.
///
/// ```swift
/// let parameters = try ConnectionParameters(parsing: "host=db.internal dbname=app sslmode=require")
/// parameters["sslmode"]   // "require"
/// ```
public struct ConnectionParameters: Sendable, Equatable, CustomStringConvertible {
    /// The keywords the string set, each with its (decoded, unquoted) value.
    public private(set) var values: [String: String]

    /// Parameters with the given values, unchecked.
    public init(_ values: [String: String] = [:]) {
        self.values = values
    }

    /// Parses a URI or `keyword=value` string.
    ///
    /// - Parameters:
    ///   - string: the connection string; an empty string sets nothing.
    ///   - knownKeywords: the keywords to accept; others are errors, as in libpq. The default is
    ///     ``ConnectionKeyword/all``; tests pass an older libpq's list to compare with it.
    /// - Throws: ``ConnectionInfoError`` naming the keyword or URI part at fault.
    public init(parsing string: String, knownKeywords: Set<String> = ConnectionKeyword.allNames) throws(ConnectionInfoError) {
        // libpq reads a C string: nothing after a NUL byte exists for it.
        let bytes = Array(string.utf8.prefix { $0 != 0 })
        var store = ParameterStore(knownKeywords: knownKeywords)
        if let prefixLength = Self.uriPrefixLength(bytes) {
            try URIParser.parse(bytes, from: prefixLength, into: &store)
        } else {
            try KeywordValueParser.parse(bytes, into: &store)
        }
        self.values = store.values
    }

    /// True when libpq would parse `string` as a URI rather than `keyword=value` pairs.
    public static func isURI(_ string: String) -> Bool {
        uriPrefixLength(Array(string.utf8.prefix(13))) != nil
    }

    /// The value of `keyword`, if the string set it.
    public subscript(keyword: String) -> String? {
        get { values[keyword] }
        set { values[keyword] = newValue }
    }

    /// The pairs as a `keyword=value` string that libpq parses back to the same values, with
    /// secret values replaced by `***` (for messages and logs).
    public var description: String {
        values.keys.sorted().map { keyword in
            let value = ConnectionKeyword.named(keyword)?.isSecret == true ? "***" : values[keyword] ?? ""
            return "\(keyword)=\(Self.quoted(value))"
        }.joined(separator: " ")
    }

    /// `value` quoted for a `keyword=value` string when it needs quotes.
    public static func quoted(_ value: String) -> String {
        let needsQuotes = value.isEmpty || value.utf8.contains { ASCII.isSpace($0) || $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "\\") }
        guard needsQuotes else { return value }
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
        return "'\(escaped)'"
    }

    private static func uriPrefixLength(_ bytes: [UInt8]) -> Int? {
        for prefix in ["postgresql://", "postgres://"] where bytes.starts(with: prefix.utf8) {
            return prefix.utf8.count
        }
        return nil
    }
}

/// Collects values as libpq's `conninfo_storeval` does: the legacy `requiressl` keyword
/// becomes `sslmode`, unknown keywords are errors, a later value replaces an earlier one.
struct ParameterStore {
    let knownKeywords: Set<String>
    var values: [String: String] = [:]

    mutating func store(_ keyword: String, _ value: String) throws(ConnectionInfoError) {
        var keyword = keyword
        var value = value
        if keyword == "requiressl" {
            keyword = "sslmode"
            value = value.hasPrefix("1") ? "require" : "prefer"
        }
        guard knownKeywords.contains(keyword) else { throw .unknownKeyword(keyword) }
        values[keyword] = value
    }
}

/// Byte classes as C's `isspace` sees them in the C locale, which is what libpq uses.
enum ASCII {
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    static func string(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
