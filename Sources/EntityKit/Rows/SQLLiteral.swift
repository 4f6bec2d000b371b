/// A value in PostgreSQL's text input syntax: how every value is written. It is sent as a
/// parameter of unspecified type, which the server parses with the input function of the
/// column it meets — exact for every type (enums, domains and extension types included) and
/// independent of OIDs and session settings.
///
/// Not `indirect`: the nested cases hold arrays, which are references already, and a boxed
/// case would cost an allocation for every value written.
public enum SQLLiteral: Sendable, Hashable {
    /// SQL NULL: written as the keyword, never bound.
    case null
    /// A scalar's text form, such as `42`, `2025-01-31` or `in-progress`.
    case text(String)
    /// An array's elements (nested arrays for more dimensions).
    case array([SQLLiteral])
    /// A composite value's fields, in attribute order.
    case record([SQLLiteral])

    /// The literal as a top-level value; nil for NULL.
    public var text: String? {
        switch self {
        case .null: return nil
        case let .text(text): return text
        case .array, .record: return nested
        }
    }

    /// The spelling inside an array or a record.
    private var nested: String {
        switch self {
        case .null:
            return "NULL"
        case let .text(text):
            return text
        case let .array(elements):
            var result = "{"
            for (index, element) in elements.enumerated() {
                if index > 0 { result += "," }
                switch element {
                case .null: result += "NULL"
                case .array: result += element.nested
                case let .text(text): result += Self.quoted(text)
                case .record: result += Self.quoted(element.nested)
                }
            }
            return result + "}"
        case let .record(fields):
            var result = "("
            for (index, field) in fields.enumerated() {
                if index > 0 { result += "," }
                switch field {
                case .null: break
                case let .text(text): result += Self.quoted(text)
                case .array, .record: result += Self.quoted(field.nested)
                }
            }
            return result + ")"
        }
    }

    private static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text.unicodeScalars {
            if character == "\"" || character == "\\" { result.unicodeScalars.append("\\") }
            result.unicodeScalars.append(character)
        }
        return result + "\""
    }
}
