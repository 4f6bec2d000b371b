/// What a row reader reads, for its error messages (`User`, `RefreshToken and User`), spelled
/// only when an error needs it: `String(describing:)` of a type costs more than reading a row,
/// and readers are made per row.
struct ReadingName: CustomStringConvertible {
    private enum Parts {
        case type(Any.Type)
        case pair(Any.Type, Any.Type)
        case text(String)
    }

    private let parts: Parts

    /// The name of `type`.
    init(_ type: Any.Type) {
        parts = .type(type)
    }

    /// `first` and `second`, for the two sides of a join or a junction's row.
    init(_ first: Any.Type, and second: Any.Type) {
        parts = .pair(first, second)
    }

    /// A name given as text ("the selected values").
    init(text: String) {
        parts = .text(text)
    }

    var description: String {
        switch parts {
        case let .type(type): String(describing: type)
        case let .pair(first, second): "\(first) and \(second)"
        case let .text(text): text
        }
    }
}
