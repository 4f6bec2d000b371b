import EntityKit
import PostgresNIO

/// How a column is compared with a value in ``EntityQuery/where(_:_:_:)``.
public enum ComparisonOperator: String, Sendable {
    case equal = "="
    case notEqual = "<>"
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case like = "LIKE"
    case caseInsensitiveLike = "ILIKE"
}

/// A SELECT over one entity: typed columns, values written exactly as the column reads them.
///
/// ```swift
/// let recent = try EntityQuery(Film.self)
///     .where(.rating, .equal, MpaaRating.pg13)
///     .orderBy(.title)
///     .limit(20)
/// let films = try await client.all(recent)
/// ```
public struct EntityQuery<E: Entity>: Sendable {
    enum Condition: Sendable {
        case compare(E.Column, ComparisonOperator, LiteralValue)
        case isNull(E.Column, Bool)
    }

    var conditions: [Condition] = []
    var ordering: [(column: E.Column, ascending: Bool)] = []
    var limitCount: Int?
    var offsetCount: Int?

    public init(_ type: E.Type = E.self) {}

    /// Keeps rows where `column op value`; a nil value compares with `IS NULL` / `IS NOT NULL`.
    public func `where`<Value: Encodable>(_ column: E.Column, _ comparison: ComparisonOperator, _ value: Value) throws -> Self {
        var copy = self
        let literal = try LiteralEncoder.literal(value)
        if case .null = literal {
            guard comparison == .equal || comparison == .notEqual else {
                throw EntityKitPostgresError.invalidQuery("\(comparison.rawValue) NULL never matches; compare with .equal or .notEqual")
            }
            copy.conditions.append(.isNull(column, comparison == .equal))
        } else {
            copy.conditions.append(.compare(column, comparison, literal))
        }
        return copy
    }

    /// Keeps rows where `column` is NULL (or, with `false`, is not NULL).
    public func whereNull(_ column: E.Column, _ isNull: Bool = true) -> Self {
        var copy = self
        copy.conditions.append(.isNull(column, isNull))
        return copy
    }

    public func orderBy(_ column: E.Column, ascending: Bool = true) -> Self {
        var copy = self
        copy.ordering.append((column, ascending))
        return copy
    }

    public func limit(_ count: Int) -> Self {
        var copy = self
        copy.limitCount = count
        return copy
    }

    public func offset(_ count: Int) -> Self {
        var copy = self
        copy.offsetCount = count
        return copy
    }

    /// Appends ` WHERE …` for the conditions.
    func appendConditions(to builder: inout SQLBuilder) {
        for (index, condition) in conditions.enumerated() {
            builder.append(index == 0 ? " WHERE " : " AND ")
            switch condition {
            case let .compare(column, comparison, value):
                builder.append("\(column.quotedName) \(comparison.rawValue) ")
                builder.append(value: value)
            case let .isNull(column, isNull):
                builder.append("\(column.quotedName) IS \(isNull ? "" : "NOT ")NULL")
            }
        }
    }

    var selectQuery: PostgresQuery {
        var builder = SQLBuilder()
        builder.append("SELECT \(E.selectList()) FROM \(E.qualifiedTableName)")
        appendConditions(to: &builder)
        if !ordering.isEmpty {
            builder.append(" ORDER BY " + ordering.map { "\($0.column.quotedName) \($0.ascending ? "ASC" : "DESC")" }.joined(separator: ", "))
        }
        if let limitCount { builder.append(" LIMIT \(limitCount)") }
        if let offsetCount { builder.append(" OFFSET \(offsetCount)") }
        return builder.query
    }
}

/// Misuse of the EntityKitPostgres API.
public enum EntityKitPostgresError: Error, CustomStringConvertible, Equatable {
    case invalidQuery(String)
    case missingValue(column: String)
    case invalidURL

    public var description: String {
        switch self {
        case let .invalidQuery(message): return "invalid query: \(message)"
        case let .missingValue(column): return "the row has no value for column \"\(column)\""
        case .invalidURL: return "not a postgres:// URL: use postgres://USER:PASSWORD@HOST:PORT/DATABASE"
        }
    }
}
