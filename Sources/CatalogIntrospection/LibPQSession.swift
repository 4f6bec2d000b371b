import Foundation

/// A libpq connection for running statements (`codegen migrate` on SQL migrations), with psql's
/// connection semantics and no package build.
///
/// Used by one task at a time, in order: the engine that drives it awaits each statement.
public final class LibPQSession: @unchecked Sendable {
    private let connection: LibPQConnection
    /// Where it is connected, for messages (never a password).
    public let target: ConnectionTarget

    /// Connects; a failure is one line that says what to check.
    public init(_ target: ConnectionTarget) throws(IntrospectionError) {
        connection = try LibPQConnection(target)
        connection.ignoreNotices()
        self.target = target
    }

    /// Runs one statement with text parameters; returns its rows as text, nil for NULL.
    public func execute(_ sql: String, parameters: [String]) throws(LibPQStatementFailure) -> [[String?]] {
        let table = try connection.run(sql, parameters: parameters)
        let columns = table.columnNames.count
        return (0..<table.rowCount).map { row in (0..<columns).map { table.string(row, $0) } }
    }
}

/// A statement the server refused (or a lost connection), as libpq reports it.
public struct LibPQStatementFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server's primary message, or libpq's when the connection failed.
    public var message: String
    /// The SQLSTATE, when the server sent one.
    public var sqlState: String?
    /// Where in the statement the error is: a 1-based character offset.
    public var position: Int?

    /// The message.
    public var description: String { message }
}
