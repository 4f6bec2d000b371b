/// Why a statement must not be sent. A statement that carries one (``SQLStatement/rejection``)
/// is refused by EntityKitPostgres before anything reaches the server, with this error.
///
/// The query builders and ``SQLFragment`` record these instead of trapping or sending SQL that
/// would mean something else than what was written.
public enum SQLRejection: Error, Sendable, Hashable, CustomStringConvertible {
    /// The SQL text holds a NUL byte, which the PostgreSQL protocol cannot carry (the server
    /// would drop the connection).
    case nulInText
    /// The SQL text of a fragment holds `$n` (given here) outside quotes and comments: it would
    /// silently stand for the fragment's n-th interpolated value.
    case placeholderInText(String)
    /// A value is interpolated inside a quoted string, quoted identifier or comment, where
    /// its placeholder would be text instead of a bound value.
    case valueInsideQuotes
    /// An integer argument outside the range the operation accepts: its name, the value given
    /// and what it must be.
    case invalidArgument(name: String, value: Int, expected: String)

    public var description: String {
        switch self {
        case .nulInText:
            return "the SQL text holds a NUL byte, which PostgreSQL cannot receive: remove it (a value that holds one must be bound, not written into the text)"
        case let .placeholderInText(placeholder):
            return "the SQL text of a fragment holds \(placeholder), which would stand for an interpolated value: "
                + "interpolate the value itself (\\(value)), or build an SQLStatement with its own bindings"
        case .valueInsideQuotes:
            return "a value is interpolated inside quotes or a comment, where it would not be bound: "
                + "interpolate it outside the quotes (for a pattern, use contains(_:), hasPrefix(_:) or LikePattern)"
        case let .invalidArgument(name, value, expected):
            return "\(name) \(value) is out of range: it must be \(expected)"
        }
    }
}
