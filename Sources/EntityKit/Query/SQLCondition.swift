/// A boolean SQL expression: a WHERE, HAVING or join condition. Conditions combine with
/// `&&`, `||` and `!`, each side parenthesized, so precedence is always what the Swift
/// reads as.
public struct SQLCondition: Sendable, Hashable {
    /// The condition's SQL and values.
    public let fragment: SQLFragment

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

    public static func && (lhs: SQLCondition, rhs: SQLCondition) -> SQLCondition {
        SQLCondition("(\(lhs.fragment)) AND (\(rhs.fragment))")
    }

    public static func || (lhs: SQLCondition, rhs: SQLCondition) -> SQLCondition {
        SQLCondition("(\(lhs.fragment)) OR (\(rhs.fragment))")
    }

    public static prefix func ! (condition: SQLCondition) -> SQLCondition {
        SQLCondition("NOT (\(condition.fragment))")
    }

    /// Every condition holds (TRUE for none).
    public static func all(_ conditions: [SQLCondition]) -> SQLCondition {
        conditions.dropFirst().reduce(conditions.first ?? .always, &&)
    }

    /// Any condition holds (FALSE for none).
    public static func any(_ conditions: [SQLCondition]) -> SQLCondition {
        conditions.dropFirst().reduce(conditions.first ?? .never, ||)
    }
}

/// One ORDER BY term.
public struct SQLOrdering: Sendable, Hashable {
    public enum Direction: String, Sendable {
        case ascending = "ASC"
        case descending = "DESC"
    }

    public enum Nulls: String, Sendable {
        case first = "NULLS FIRST"
        case last = "NULLS LAST"
    }

    public let expression: SQLFragment
    public let direction: Direction
    public let nulls: Nulls?

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
