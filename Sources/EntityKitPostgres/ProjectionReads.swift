import EntityKit
import PostgresNIO

extension PostgresQueryRunner {
    /// The projection's rows as typed tuples.
    public func all<each Value: ColumnValue>(
        _ projection: Projection<repeat each Value>, logger: Logger = .entityKitSilent
    ) async throws -> [(repeat each Value)] {
        var result: [(repeat each Value)] = []
        var decoder = TupleRowDecoder<repeat each Value>()
        try await forEachRow(projection.statement, logger: logger) { row in
            result.append(try decoder.decode(row))
        }
        return result
    }

    /// The projection's first row, if any.
    public func first<each Value: ColumnValue>(
        _ projection: Projection<repeat each Value>, logger: Logger = .entityKitSilent
    ) async throws -> (repeat each Value)? {
        var decoder = TupleRowDecoder<repeat each Value>()
        var first: (repeat each Value)?
        try await forEachRow(projection.statement, logger: logger) { row in
            let values: (repeat each Value) = try decoder.decode(row)
            if first == nil { first = values }
        }
        return first
    }

    /// The projection's rows decoded by column name into a `Decodable` type of your own (name
    /// the select list's expressions with `.as("name")`; columns keep their names).
    public func all<Row: Decodable, each Value: ColumnValue>(
        _ projection: Projection<repeat each Value>, as type: Row.Type, logger: Logger = .entityKitSilent
    ) async throws -> [Row] {
        var result: [Row] = []
        try await forEachRow(projection.statement, logger: logger) { row in
            result.append(try row.decodeRow(Row.self))
        }
        return result
    }
}
