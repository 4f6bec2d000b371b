import EntityKit
import PostgresNIO

/// An error the server reported for a statement: what kind of failure it is, its SQLSTATE, and
/// the objects it names. Every EntityKitPostgres operation throws server errors as this type, so
/// an app answers "duplicate", "missing parent" or "try again" without importing PostgresNIO:
///
/// ```swift
/// do {
///     _ = try await db.insert(User.Draft(username: name, email: email))
/// } catch let error as DatabaseError where error.kind == .uniqueViolation {
///     if error.uniqueKey(of: User.self) == .email { … }   // 409: that email is taken
/// }
/// ```
///
/// ``description`` never holds a row's values: the server's ``message`` can quote one (an invalid
/// input), and its DETAIL usually does (`Key (email)=(ada@example.com) already exists.`), so the
/// detail is read only through ``detailRevealingValues``.
public struct DatabaseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure the SQLSTATE is, for deciding what to answer.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// 23505: a unique constraint or unique index (or the primary key) already has the value.
        case uniqueViolation
        /// 23503: a referenced row is missing, or a deleted or updated row is still referenced.
        case foreignKeyViolation
        /// 23502: a required column was given no value.
        case notNullViolation
        /// 23514: a check constraint refused the row.
        case checkViolation
        /// 23P01: an exclusion constraint found a conflicting row.
        case exclusionViolation
        /// 40001: a serializable or repeatable-read transaction could not be serialized; retry it.
        case serializationFailure
        /// 40P01: the transaction was chosen to break a deadlock; retry it.
        case deadlock
        /// 57014 (statement timeout or cancel), 55P03 (lock not available), 25P03 (idle in
        /// transaction timeout): the server gave up waiting.
        case timeout
        /// Class 08 and 57P01–57P05: the connection or the server went away.
        case connection
        /// 42501 and class 28: the role may not do this.
        case permission
        /// Anything else: a syntax error, an invalid value, a missing table…
        case other

        /// The kind of a SQLSTATE.
        public init(sqlState: String) {
            switch sqlState {
            case "23505": self = .uniqueViolation
            case "23503": self = .foreignKeyViolation
            case "23502": self = .notNullViolation
            case "23514": self = .checkViolation
            case "23P01": self = .exclusionViolation
            case "40001": self = .serializationFailure
            case "40P01": self = .deadlock
            case "57014", "55P03", "25P03": self = .timeout
            case "42501": self = .permission
            default:
                if sqlState.hasPrefix("08") || ["57P01", "57P02", "57P03", "57P04", "57P05"].contains(sqlState) {
                    self = .connection
                } else if sqlState.hasPrefix("28") {
                    self = .permission
                } else {
                    self = .other
                }
            }
        }

        /// Words for messages: "unique violation".
        var words: String {
            switch self {
            case .uniqueViolation: "unique violation"
            case .foreignKeyViolation: "foreign key violation"
            case .notNullViolation: "not-null violation"
            case .checkViolation: "check violation"
            case .exclusionViolation: "exclusion violation"
            case .serializationFailure: "serialization failure"
            case .deadlock: "deadlock"
            case .timeout: "timeout"
            case .connection: "connection failure"
            case .permission: "permission denied"
            case .other: "database error"
            }
        }
    }

    /// The five-character SQLSTATE (`23505`).
    public let sqlState: String
    /// The schema of the table the error is about, when the server names one.
    public let schema: String?
    /// The table the error is about, when the server names one.
    public let table: String?
    /// The column the error is about (a not-null violation's column).
    public let column: String?
    /// The constraint (or unique index) the error is about.
    public let constraint: String?
    /// The server's primary message. It can quote a value (`invalid input syntax for type
    /// uuid: "…"`): log it with care.
    public let message: String
    /// The server's DETAIL, which usually quotes the row's values.
    private let detail: String?

    /// What kind of failure this is.
    public var kind: Kind { Kind(sqlState: sqlState) }

    /// An error with these fields (for tests of code that handles errors).
    public init(
        sqlState: String, message: String, schema: String? = nil, table: String? = nil, column: String? = nil,
        constraint: String? = nil, detail: String? = nil
    ) {
        self.sqlState = sqlState
        self.message = message
        self.schema = schema
        self.table = table
        self.column = column
        self.constraint = constraint
        self.detail = detail
    }

    /// The server error `error` carries, when it carries one.
    init?(_ error: PSQLError) {
        guard error.code == .server, let info = error.serverInfo, let state = info[.sqlState] else { return nil }
        self.init(
            sqlState: state, message: info[.message] ?? "", schema: info[.schemaName], table: info[.tableName],
            column: info[.columnName], constraint: info[.constraintName], detail: info[.detail])
    }

    /// The server's DETAIL, which can hold the row's values (`Key (email)=(…) already exists.`):
    /// only for where those may go, never for a log shared with others.
    public var detailRevealingValues: String? { detail }

    /// True when the same statement or transaction may succeed if run again: a serialization
    /// failure, a deadlock, a lost connection.
    public var isTransient: Bool {
        [.serializationFailure, .deadlock, .connection].contains(kind)
    }

    /// The key of `entity` that a unique violation on its table broke (`User.UniqueKey.email`);
    /// nil for another table, another kind, or a constraint the entity does not know.
    public func uniqueKey<E: KeyedEntity>(of entity: E.Type) -> E.UniqueKey? {
        guard kind == .uniqueViolation, isOn(entity), let constraint else { return nil }
        return E.UniqueKey(constraintName: constraint)
    }

    /// The relation of `entity` (its name in the generated `Relations`) that a foreign-key
    /// violation broke: `"sender"` of `Message` for a message whose sender does not exist,
    /// `"messagesAsSender"` of `User` for a user deleted while messages still refer to it. Nil
    /// for another kind, or a constraint the entity has no relation for.
    public func relationName<E: Entity>(of entity: E.Type) -> String? {
        guard kind == .foreignKeyViolation, let constraint, let table else { return nil }
        return E.relationName(forConstraint: constraint, onTable: table)
    }

    private func isOn<E: Entity>(_ entity: E.Type) -> Bool {
        table == E.tableName && (schema == nil || schema == E.schemaName)
    }

    /// One line without values: the kind, the objects and the SQLSTATE
    /// (`unique violation on table public.users, constraint users_email_key (SQLSTATE 23505)`).
    public var description: String {
        "\(kind.words)\(objectsNamed.map { " on \($0)" } ?? "") (SQLSTATE \(sqlState))"
    }

    /// The objects the error names (`table public.users, constraint users_email_key`), nil
    /// when it names none: for every message about a server error.
    var objectsNamed: String? {
        var objects: [String] = []
        if let table { objects.append("table " + (schema.map { "\($0)." } ?? "") + table) }
        if let column { objects.append("column \(column)") }
        if let constraint { objects.append("constraint \(constraint)") }
        return objects.isEmpty ? nil : objects.joined(separator: ", ")
    }
}
