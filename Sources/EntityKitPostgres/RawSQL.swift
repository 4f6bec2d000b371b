import EntityKit
import PostgresNIO

/// Reads a tuple of values positionally, checking the types on the first row.
struct TupleRowDecoder<each Value: ColumnValue> {
    private var checked = false

    mutating func decode(_ row: PostgresRow) throws -> (repeat each Value) {
        var reader = PostgresRowReader(row, checking: checked ? nil : [], reading: ReadingName(text: "the selected values"))
        checked = true
        return (repeat try reader.next((each Value).self))
    }
}

extension PostgresQueryRunner {
    /// Runs SQL of your own whose interpolated values are bound as parameters of any column
    /// type — enums, `PG*` values, domains — and decodes the rows into a generated entity
    /// (positionally, or by column name when the columns are in another order).
    ///
    /// ```swift
    /// let admins = try await db.query(
    ///     "SELECT \(columnsOf: User.self) FROM \(table: User.self) WHERE role = \(UserRole.admin)",
    ///     as: User.self)
    /// ```
    public func query<E: Entity>(_ sql: SQLFragment, as type: E.Type, logger: Logger = .entityKitSilent) async throws -> [E] {
        try await rows(sql.statement(), as: E.self, logger: logger)
    }

    /// Runs SQL of your own and decodes each row's columns, in order, into a typed tuple:
    /// `try await db.query("SELECT role, count(*) FROM users GROUP BY role", as: (UserRole, Int64).self)`.
    public func query<each Value: ColumnValue>(
        _ sql: SQLFragment, as types: (repeat each Value).Type, logger: Logger = .entityKitSilent
    ) async throws -> [(repeat each Value)] {
        var result: [(repeat each Value)] = []
        var decoder = TupleRowDecoder<repeat each Value>()
        try await forEachRow(sql.statement(), logger: logger) { row in result.append(try decoder.decode(row)) }
        return result
    }

    /// Runs SQL of your own that returns no rows (or whose rows are not needed).
    public func execute(_ sql: SQLFragment, logger: Logger = .entityKitSilent) async throws {
        try await forEachRow(sql.statement(), logger: logger) { _ in }
    }
}
