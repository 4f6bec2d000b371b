/// What can stand as a condition: an ``SQLCondition``, a `Bool` column, or a `Bool` expression.
/// `where`, `having` and a join's `on` take any of them, and `&&`, `||` and `!` combine them, so
/// a boolean column reads as it does in SQL:
///
/// ```swift
/// User.where { $0.emailVerified }
/// User.where { $0.emailVerified && $0.role == .admin }
/// User.where { !$0.emailVerified || $0.disabledAt.isNull() }
/// ```
///
/// A nullable `Bool` column is a condition too, with SQL's meaning: a NULL row is not selected,
/// and `!` of NULL is NULL, so not selected either.
public protocol SQLPredicate: Sendable {
    /// The condition this stands for.
    var condition: SQLCondition { get }
}

extension SQLPredicate {
    /// `(lhs) AND (rhs)`.
    public static func && (lhs: Self, rhs: some SQLPredicate) -> SQLCondition {
        SQLCondition("(\(lhs.condition.fragment)) AND (\(rhs.condition.fragment))")
    }

    /// `(lhs) OR (rhs)`.
    public static func || (lhs: Self, rhs: some SQLPredicate) -> SQLCondition {
        SQLCondition("(\(lhs.condition.fragment)) OR (\(rhs.condition.fragment))")
    }

    /// `NOT (predicate)`.
    public static prefix func ! (predicate: Self) -> SQLCondition {
        SQLCondition("NOT (\(predicate.condition.fragment))")
    }
}

extension SQLCondition: SQLPredicate {
    /// The condition itself.
    public var condition: SQLCondition { self }
}

extension TableColumn: SQLPredicate where Value.NonNull == Bool {
    /// The column itself: `WHERE "email_verified"`.
    public var condition: SQLCondition { SQLCondition(expression) }
}

extension SQLExpression: SQLPredicate where Value.NonNull == Bool {
    /// The expression itself.
    public var condition: SQLCondition { SQLCondition(expression) }
}
