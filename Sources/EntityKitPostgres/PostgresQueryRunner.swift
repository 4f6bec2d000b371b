import Logging
import NIOCore
import PostgresNIO

/// Anything that runs queries: a `PostgresClient` (pooled), a `PostgresConnection`, a
/// ``Transaction``, or ``Unprepared`` around one of them. Every EntityKitPostgres operation is
/// available on all of them.
public protocol PostgresQueryRunner: Sendable {
    /// Runs a statement unnamed: parsed and planned by the server on every call.
    func runQuery(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRowSequence

    /// Runs a statement whose SQL is fixed by the types involved (find, delete and single-row
    /// insert by key, relation loads) as this runner sends those: a named prepared statement,
    /// prepared once per connection, or unnamed. The default runs it unnamed through
    /// ``runQuery(_:logger:)``, for runners of one's own.
    func runFixedShape(_ statement: SQLStatement, logger: Logger) async throws -> StatementRows
}

extension PostgresQueryRunner {
    public func runFixedShape(_ statement: SQLStatement, logger: Logger) async throws -> StatementRows {
        StatementRows(try await runQuery(statement.postgresQuery, logger: logger))
    }
}

extension PostgresClient: PostgresQueryRunner {
    public func runQuery(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRowSequence {
        try await self.query(query, logger: logger)
    }

    /// Prepared on whichever pooled connection runs it; each connection prepares a shape once.
    public func runFixedShape(_ statement: SQLStatement, logger: Logger) async throws -> StatementRows {
        try await PreparedExecution.run(statement) { try await self.execute($0, logger: logger) }
    }
}

extension PostgresConnection: PostgresQueryRunner {
    public func runQuery(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRowSequence {
        try await self.query(query, logger: logger)
    }

    /// Prepared once on this connection, then sent by name.
    public func runFixedShape(_ statement: SQLStatement, logger: Logger) async throws -> StatementRows {
        try await PreparedExecution.run(statement) { try await self.execute($0, logger: logger) }
    }
}

extension Logger {
    /// The default logger of EntityKitPostgres operations: discards everything.
    public static let entityKitSilent = Logger(label: "EntityKitPostgres", factory: { _ in SwiftLogNoOpLogHandler() })
}

/// A text parameter of unspecified type, which the server parses with the input function of
/// the column it meets. This is how every value is written: exact for every type, enums and
/// extension types included, and independent of OIDs.
struct UntypedParameter: PostgresDynamicTypeEncodable {
    let text: String

    var psqlType: PostgresDataType { PostgresDataType(0) }
    var psqlFormat: PostgresFormat { .text }

    func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeString(text)
    }
}

extension SQLStatement {
    /// The statement as PostgresNIO sends it: every value a text parameter of unspecified type.
    public var postgresQuery: PostgresQuery {
        PostgresQuery(unsafeSQL: sql, binds: postgresBindings)
    }
}

extension PostgresQueryRunner {
    /// Runs a statement built by EntityKit.
    public func run(_ statement: SQLStatement, logger: Logger = .entityKitSilent) async throws -> PostgresRowSequence {
        try await runQuery(statement.postgresQuery, logger: logger)
    }

    /// Runs a statement and decodes its rows into `E`.
    func rows<E: Entity>(_ statement: SQLStatement, as type: E.Type, logger: Logger) async throws -> [E] {
        try await Self.decode(try await run(statement, logger: logger), as: E.self)
    }

    /// Runs a fixed-shape statement (see ``runFixedShape(_:logger:)``) and decodes its rows.
    func rows<E: Entity>(fixedShape statement: SQLStatement, as type: E.Type, logger: Logger) async throws -> [E] {
        try await Self.decode(try await runFixedShape(statement, logger: logger), as: E.self)
    }

    private static func decode<E: Entity, Rows: AsyncSequence>(_ rows: Rows, as type: E.Type) async throws -> [E] where Rows.Element == PostgresRow {
        var result: [E] = []
        var decoder = EntityRowDecoder<E>()
        for try await row in rows {
            result.append(try decoder.decode(row))
        }
        return result
    }

    /// Runs a statement that returns one integer (a count).
    func integer(_ statement: SQLStatement, logger: Logger) async throws -> Int {
        for try await row in try await run(statement, logger: logger) {
            return Int(try row.decode(Int64.self))
        }
        return 0
    }
}
