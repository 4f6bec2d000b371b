/// A boolean SQL expression: a WHERE, HAVING or join condition. Conditions combine with
/// `&&`, `||` and `!`, each side parenthesized, so precedence is always what the Swift
/// reads as.
public struct SQLCondition: Sendable, Hashable {
    /// The condition's SQL and values.
    public let fragment: SQLFragment

    /// A condition from SQL of your own, values bound: `SQLCondition("\(User.columns.email) ~* \(pattern)")`.
    public init(_ fragment: SQLFragment) {
        self.fragment = fragment
    }

    /// A condition always true (an empty AND).
    public static let always = SQLCondition("TRUE")
    /// A condition always false (an empty OR).
    public static let never = SQLCondition("FALSE")

    /// SQL of your own, with bound values: `.sql("\($0.email) ~* \(pattern)")`.
    public static func sql(_ fragment: SQLFragment) -> SQLCondition {
        SQLCondition(fragment)
    }

    /// Every condition holds (TRUE for none).
    public static func all(_ conditions: [SQLCondition]) -> SQLCondition {
        conditions.dropFirst().reduce(conditions.first ?? .always) { $0 && $1 }
    }

    /// Any condition holds (FALSE for none).
    public static func any(_ conditions: [SQLCondition]) -> SQLCondition {
        conditions.dropFirst().reduce(conditions.first ?? .never) { $0 || $1 }
    }
}

/// One ORDER BY term.
public struct SQLOrdering: Sendable, Hashable {
    /// The sort direction.
    public enum Direction: String, Sendable {
        /// `ASC`: smallest first (NULLs last, unless ``Nulls`` says otherwise).
        case ascending = "ASC"
        /// `DESC`: largest first (NULLs first, unless ``Nulls`` says otherwise).
        case descending = "DESC"
    }

    /// Where NULLs sort, when not where the direction puts them.
    public enum Nulls: String, Sendable {
        /// `NULLS FIRST`.
        case first = "NULLS FIRST"
        /// `NULLS LAST`.
        case last = "NULLS LAST"
    }

    /// What to order by: a column or any expression.
    public let expression: SQLFragment
    /// Ascending or descending.
    public let direction: Direction
    /// Where NULLs go; nil leaves PostgreSQL's default for the direction.
    public let nulls: Nulls?

    /// An ORDER BY term; typed columns spell it `$0.createdAt.descending` or
    /// `$0.name.ascending(nulls: .last)`.
    public init(_ expression: SQLFragment, direction: Direction = .ascending, nulls: Nulls? = nil) {
        self.expression = expression
        self.direction = direction
        self.nulls = nulls
    }

    /// `expression ASC`, `expression DESC NULLS LAST`.
    public var fragment: SQLFragment {
        var result = expression
        result.append(sql: " " + direction.rawValue)
        if let nulls { result.append(sql: " " + nulls.rawValue) }
        return result
    }
}
