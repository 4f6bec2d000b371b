import Foundation

/// A SQL migration file split into statements, each with the line it starts on, so a failure can
/// name the file and line. The splitter knows PostgreSQL's lexical rules that can hide a `;`:
/// quoted strings (with `''`), escape strings (`E'…\'…'`), quoted identifiers, dollar quotes
/// (`$$…$$`, `$tag$…$tag$`, as function bodies use), line comments and nested block comments.
public struct SQLScript: Sendable, Equatable {
    /// One statement of the file.
    public struct Statement: Sendable, Equatable {
        /// The statement as written, without its `;` and surrounding blank space.
        public var text: String
        /// The 1-based line of the file it starts on.
        public var line: Int

        /// The line of the file a 1-based character offset into the statement is on.
        public func line(atPosition position: Int) -> Int {
            line + text.prefix(max(0, position - 1)).filter { $0 == "\n" }.count
        }
    }

    /// A file the engine cannot run as it is; the message names the line.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// The 1-based line.
        public var line: Int
        /// What is wrong and what to do.
        public var reason: String

        /// `line N: reason`.
        public var description: String { "line \(line): \(reason)" }
    }

    /// The statements, in order.
    public var statements: [Statement]
    /// Whether the leading comments say `-- no-transaction` (as sqlx spells it).
    public var optsOutOfTransaction: Bool

    /// Splits `text` into statements.
    ///
    /// - Throws: ``Problem`` for psql meta-commands (`\i`, `\copy`), `COPY … FROM stdin`,
    ///   transaction control (the engine wraps each migration in its own transaction), and an
    ///   unterminated quote or comment.
    public init(parsing text: String) throws(Problem) {
        optsOutOfTransaction = Self.leadingDirective(in: text)
        statements = try Self.split(Array(text.unicodeScalars))
        for statement in statements {
            try Self.check(statement)
        }
    }

    private static func leadingDirective(in text: String) -> Bool {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            guard trimmed.hasPrefix("--") else { return false }
            if trimmed.dropFirst(2).trimmingCharacters(in: .whitespaces) == "no-transaction" { return true }
        }
        return false
    }

    private static func split(_ scalars: [Unicode.Scalar]) throws(Problem) -> [Statement] {
        var statements: [Statement] = []
        var current = String.UnicodeScalarView()
        var startLine: Int?
        var line = 1
        var index = 0
        var atLineStart = true

        func finish() {
            let text = String(current).trimmingCharacters(in: .whitespacesAndNewlines)
            if let start = startLine, !text.isEmpty { statements.append(Statement(text: text, line: start)) }
            current = String.UnicodeScalarView()
            startLine = nil
        }
        func take(_ count: Int) {
            for offset in 0..<count where index + offset < scalars.count {
                let scalar = scalars[index + offset]
                // Comments before a statement are not part of it, so its text starts on its line.
                if startLine != nil { current.append(scalar) }
                if scalar == "\n" { line += 1 }
            }
            index += count
        }
        func peek(_ offset: Int) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }

        while index < scalars.count {
            let scalar = scalars[index]
            let startsLine = atLineStart
            atLineStart = scalar == "\n" || (atLineStart && (scalar == " " || scalar == "\t"))
            switch scalar {
            case "-" where peek(1) == "-":
                // A line comment: kept in the statement, never starts one.
                while index < scalars.count, scalars[index] != "\n" { take(1) }
            case "/" where peek(1) == "*":
                let opened = line
                var depth = 0
                repeat {
                    if peek(0) == "/" && peek(1) == "*" { depth += 1; take(2) }
                    else if peek(0) == "*" && peek(1) == "/" { depth -= 1; take(2) }
                    else if index < scalars.count { take(1) }
                    else { throw Problem(line: opened, reason: "a /* comment is never closed") }
                } while depth > 0
            case "\\" where startsLine:
                throw Problem(line: line, reason: "psql meta-commands such as \\i or \\copy are not SQL; write the statements themselves")
            case ";":
                index += 1
                finish()
            default:
                if startLine == nil, !" \t\r\n".unicodeScalars.contains(scalar) { startLine = line }
                if scalar == "'" || scalar == "\"" {
                    let escapes = scalar == "'" && index > 0 && (scalars[index - 1] == "E" || scalars[index - 1] == "e")
                        && (index < 2 || !isIdentifierPart(scalars[index - 2]))
                    try quoted(by: scalar, backslashEscapes: escapes)
                } else if scalar == "$", let tag = dollarTag(at: index, in: scalars), index == 0 || !isIdentifierPart(scalars[index - 1]) {
                    let opened = line
                    take(tag.count)
                    while true {
                        guard index < scalars.count else {
                            throw Problem(line: opened, reason: "the dollar quote \(String(String.UnicodeScalarView(tag))) is never closed")
                        }
                        if scalars[index] == "$", Array(scalars[index..<min(scalars.count, index + tag.count)]) == tag {
                            take(tag.count)
                            break
                        }
                        take(1)
                    }
                } else {
                    take(1)
                }
            }
        }
        finish()
        return statements

        func quoted(by quote: Unicode.Scalar, backslashEscapes: Bool) throws(Problem) {
            let opened = line
            take(1)
            while true {
                guard index < scalars.count else {
                    throw Problem(line: opened, reason: "a \(quote == "'" ? "string" : "quoted identifier") is never closed")
                }
                let scalar = scalars[index]
                if backslashEscapes && scalar == "\\" { take(2); continue }
                if scalar == quote {
                    if peek(1) == quote { take(2); continue }
                    take(1)
                    return
                }
                take(1)
            }
        }
    }

    /// `$tag$` or `$$` starting at `index`, as scalars.
    private static func dollarTag(at index: Int, in scalars: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        var end = index + 1
        while end < scalars.count, scalars[end] != "$" {
            guard isIdentifierPart(scalars[end]), !(end == index + 1 && ("0"..."9").contains(scalars[end])) else { return nil }
            end += 1
        }
        return end < scalars.count ? Array(scalars[index...end]) : nil
    }

    private static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }

    private static func check(_ statement: Statement) throws(Problem) {
        let words = statement.text.uppercased().split(whereSeparator: { " \t\r\n(".contains($0) }).prefix(6).map(String.init)
        guard let first = words.first else { return }
        if ["BEGIN", "COMMIT", "ROLLBACK", "END", "START", "ABORT"].contains(first),
           first != "START" || words.dropFirst().first == "TRANSACTION" {
            throw Problem(
                line: statement.line, reason: "\(first) is not needed: each migration runs in a transaction of its own; "
                    + "for statements that cannot, put `-- no-transaction` at the top of the file")
        }
        if first == "COPY", words.contains("STDIN") {
            throw Problem(line: statement.line, reason: "COPY … FROM stdin needs psql; load the data with INSERT, or COPY from a file on the server")
        }
    }
}
