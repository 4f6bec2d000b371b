/// What a statement does, in a few words, read from its SQL text: the operation (`SELECT`,
/// `INSERT`, `UPDATE`, `DELETE`, or the first keyword of anything else) and the table it works
/// on when the text names one (`public.users`). What statement logs, metrics and spans are
/// labelled with: OpenTelemetry's `db.operation.name`, `db.collection.name` and
/// `db.query.summary`.
///
/// Read from the text rather than passed along by the query builders, so a statement written by
/// hand gets a summary too. The reading is lexical (quoted identifiers, string literals and
/// comments are skipped correctly, nothing is parsed): a data-modifying statement inside `WITH`
/// is what the statement does (`WITH changed AS (UPDATE t …) SELECT count(*) FROM changed` is
/// `UPDATE t`); a `SELECT` is labelled with the first table after a `FROM`.
public struct StatementSummary: Sendable, Hashable, CustomStringConvertible {
    /// The operation, upper case: `SELECT`, `INSERT`, `UPDATE`, `DELETE`, `MERGE`, or the
    /// statement's first keyword (`BEGIN`, `COMMIT`, `CALL`…); `UNKNOWN` for text with none.
    public let operation: String
    /// The table, schema-qualified when the text qualifies it, without quotes; nil when the
    /// statement names none.
    public let table: String?

    /// The summary of `sql`.
    public init(sql: String) {
        var reader = SQLTokenReader(sql)
        guard let first = reader.next(), case let .word(verb) = first else {
            operation = "UNKNOWN"
            table = nil
            return
        }
        let upper = verb.uppercased()
        if upper == "WITH" {
            (operation, table) = Self.summarizeWith(&reader)
        } else {
            operation = upper
            table = Self.table(of: upper, after: &reader)
        }
    }

    /// `SELECT public.users`, or the operation alone.
    public var description: String {
        if let table { "\(operation) \(table)" } else { operation }
    }

    private static let modifying: Set<String> = ["INSERT", "UPDATE", "DELETE", "MERGE"]

    /// The first data-modifying statement of a `WITH`, else the `SELECT` and its first table.
    private static func summarizeWith(_ reader: inout SQLTokenReader) -> (String, String?) {
        var firstFrom: String?
        while let token = reader.next() {
            guard case let .word(word) = token else { continue }
            let upper = word.uppercased()
            if modifying.contains(upper) {
                return (upper, table(of: upper, after: &reader))
            }
            if upper == "FROM", firstFrom == nil {
                firstFrom = qualifiedName(&reader)
            }
        }
        return ("SELECT", firstFrom)
    }

    /// The table `operation` names, read from just after its keyword.
    private static func table(of operation: String, after reader: inout SQLTokenReader) -> String? {
        switch operation {
        case "SELECT", "DELETE":
            guard reader.skip(toWord: "FROM") else { return nil }
            return qualifiedName(&reader)
        case "INSERT", "MERGE":
            guard reader.skip(toWord: "INTO") else { return nil }
            return qualifiedName(&reader)
        case "UPDATE":
            return qualifiedName(&reader)
        default:
            return nil
        }
    }

    /// `name` or `schema.name` (`ONLY` skipped), or nil when something else follows (a subquery).
    private static func qualifiedName(_ reader: inout SQLTokenReader) -> String? {
        guard var token = reader.next() else { return nil }
        if case let .word(word) = token, word.uppercased() == "ONLY", let next = reader.next() { token = next }
        guard let first = token.name else { return nil }
        var name = first
        while reader.peekIsDot() {
            _ = reader.next()
            guard let part = reader.next()?.name else { break }
            name += "." + part
        }
        return name
    }
}

/// The tokens of SQL text that a ``StatementSummary`` needs: words, quoted identifiers and
/// single punctuation characters; whitespace, comments and string literals skipped.
struct SQLTokenReader {
    enum Token: Equatable {
        case word(String)
        case quoted(String)
        case punctuation(UInt8)

        /// The identifier a word or quoted identifier names (a word as PostgreSQL folds it).
        var name: String? {
            switch self {
            case let .word(word): word.lowercased()
            case let .quoted(name): name
            case .punctuation: nil
            }
        }
    }

    private let bytes: [UInt8]
    private var position = 0

    init(_ sql: String) {
        bytes = Array(sql.utf8)
    }

    /// Moves past the next word `keyword` (case-insensitive); false when there is none.
    mutating func skip(toWord keyword: String) -> Bool {
        while let token = next() {
            if case let .word(word) = token, word.uppercased() == keyword { return true }
        }
        return false
    }

    /// Whether the next token is a `.` (without consuming it).
    mutating func peekIsDot() -> Bool {
        skipBlanks()
        return position < bytes.count && bytes[position] == UInt8(ascii: ".")
    }

    mutating func next() -> Token? {
        while true {
            skipBlanks()
            guard position < bytes.count else { return nil }
            let byte = bytes[position]
            if Self.startsWord(byte) {
                let start = position
                while position < bytes.count, Self.continuesWord(bytes[position]) { position += 1 }
                return .word(String(decoding: bytes[start..<position], as: UTF8.self))
            }
            switch byte {
            case UInt8(ascii: "\""):
                return .quoted(readQuoted(UInt8(ascii: "\"")))
            case UInt8(ascii: "'"):
                _ = readQuoted(UInt8(ascii: "'"))
                continue
            case UInt8(ascii: "$") where position + 1 < bytes.count && (bytes[position + 1] == UInt8(ascii: "$") || Self.startsWord(bytes[position + 1])):
                if skipDollarQuoted() { continue }
                position += 1
                return .punctuation(byte)
            default:
                position += 1
                return .punctuation(byte)
            }
        }
    }

    /// Skips whitespace and `--` and `/* */` comments.
    private mutating func skipBlanks() {
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                position += 1
            } else if byte == UInt8(ascii: "-"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "-") {
                while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
            } else if byte == UInt8(ascii: "/"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "*") {
                position += 2
                while position + 1 < bytes.count, !(bytes[position] == UInt8(ascii: "*") && bytes[position + 1] == UInt8(ascii: "/")) { position += 1 }
                position = min(position + 2, bytes.count)
            } else {
                return
            }
        }
    }

    /// Reads a literal or identifier quoted by `quote`, where a doubled quote stands for one.
    private mutating func readQuoted(_ quote: UInt8) -> String {
        position += 1
        var content: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == quote {
                guard position < bytes.count, bytes[position] == quote else { break }
                position += 1
            }
            content.append(byte)
        }
        return String(decoding: content, as: UTF8.self)
    }

    /// Skips a dollar-quoted string (`$$…$$`, `$tag$…$tag$`); false, consuming nothing, when
    /// the `$` does not open one (a `$1` parameter).
    private mutating func skipDollarQuoted() -> Bool {
        var end = position + 1
        while end < bytes.count, bytes[end] != UInt8(ascii: "$") {
            guard Self.continuesWord(bytes[end]), bytes[end] != UInt8(ascii: "$") else { return false }
            end += 1
        }
        guard end < bytes.count else { return false }
        let tag = Array(bytes[position...end])
        var search = end + 1
        while search + tag.count <= bytes.count {
            if bytes[search] == UInt8(ascii: "$"), Array(bytes[search..<(search + tag.count)]) == tag {
                position = search + tag.count
                return true
            }
            search += 1
        }
        position = bytes.count
        return true
    }

    private static func startsWord(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    private static func continuesWord(_ byte: UInt8) -> Bool {
        startsWord(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "$")
    }
}
