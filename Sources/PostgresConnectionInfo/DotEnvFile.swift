import Foundation

/// A `.env` file: the one reader every command uses (`codegen entity`, `codegen migrate`, the
/// migrate executables), so a file means the same thing to all of them.
///
/// The rules (those of most dotenv tools, without variable expansion):
/// - One `KEY=VALUE` per line; `export KEY=VALUE` is the same; spaces around `=` are allowed.
///   Keys are letters, digits, `_`, `.` and `-`, not starting with a digit.
/// - Blank lines and lines starting with `#` are skipped, as are lines that are not assignments.
/// - `"double quotes"` allow `\n`, `\r`, `\t`, `\"` and `\\` escapes; `'single quotes'` are
///   literal. A quoted value ends at its closing quote on the same line; a `#` after it starts
///   a comment.
/// - An unquoted value is trimmed and ends before ` #` (a `#` after whitespace starts a comment).
/// - `$VAR` and `${VAR}` are kept literally (no expansion).
/// - When a key appears more than once, the last line wins (as when a shell sources the file).
public struct DotEnvFile: Sendable, Equatable {
    /// The assignments in the file.
    public let values: [String: String]

    /// Parses the text of a `.env` file.
    public init(parsing text: String) {
        var values: [String: String] = [:]
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            if let (key, value) = Self.assignment(in: Substring(rawLine)) {
                values[key] = value
            }
        }
        self.values = values
    }

    /// Reads `path`; `nil` when the file does not exist or cannot be read.
    public init?(contentsOf path: String, fileSystem: any ConnectionFileSystem = LocalFileSystem()) {
        guard let data = fileSystem.contents(ofFile: path) else { return nil }
        self.init(parsing: String(decoding: data, as: UTF8.self))
    }

    /// The value of `key`, if the file assigns it.
    public subscript(key: String) -> String? {
        values[key]
    }

    private static func assignment(in line: Substring) -> (String, String)? {
        var rest = line.drop { $0 == " " || $0 == "\t" }
        guard !rest.isEmpty, rest.first != "#" else { return nil }
        if rest.hasPrefix("export "), rest.dropFirst(7).contains("=") {
            rest = rest.dropFirst(7).drop { $0 == " " || $0 == "\t" }
        }
        guard let equals = rest.firstIndex(of: "=") else { return nil }
        let key = rest[..<equals].trimmingCharacters(in: .whitespaces)
        guard isKey(key) else { return nil }
        let valueText = rest[rest.index(after: equals)...].drop { $0 == " " || $0 == "\t" }
        return (key, value(valueText))
    }

    private static func isKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return key.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_.-".unicodeScalars.contains($0)) }
    }

    private static func value(_ text: Substring) -> String {
        guard let quote = text.first, quote == "\"" || quote == "'" else {
            var unquoted = text
            if let comment = commentStart(in: text) { unquoted = text[..<comment] }
            return unquoted.trimmingCharacters(in: .whitespaces)
        }
        var result = ""
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let character = text[index]
            if character == quote { return result }
            if quote == "\"", character == "\\", text.index(after: index) < text.endIndex {
                index = text.index(after: index)
                switch text[index] {
                case "n": result.append("\n")
                case "r": result.append("\r")
                case "t": result.append("\t")
                case "\"", "\\": result.append(text[index])
                default: result.append("\\"); result.append(text[index])
                }
            } else {
                result.append(character)
            }
            index = text.index(after: index)
        }
        // No closing quote: the value is the rest of the line as written.
        return text.trimmingCharacters(in: .whitespaces)
    }

    private static func commentStart(in text: Substring) -> Substring.Index? {
        var previous: Character?
        for index in text.indices {
            if text[index] == "#", previous == " " || previous == "\t" { return index }
            previous = text[index]
        }
        return nil
    }
}
