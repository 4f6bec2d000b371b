import Logging
import NIOCore
import PostgresNIO

/// Anything that runs queries: a `PostgresClient` (pooled) or a `PostgresConnection` (for
/// example inside `withTransaction`). Every EntityKitPostgres operation is available on both.
public protocol PostgresQueryRunner: Sendable {
    func runQuery(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRowSequence
}

extension PostgresClient: PostgresQueryRunner {
    public func runQuery(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRowSequence {
        try await self.query(query, logger: logger)
    }
}

extension PostgresConnection: PostgresQueryRunner {
    public func runQuery(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRowSequence {
        try await self.query(query, logger: logger)
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
        var bindings = PostgresBindings(capacity: self.bindings.count)
        for literal in self.bindings {
            bindings.append(UntypedParameter(text: literal.text ?? ""))
        }
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }
}

extension PostgresQueryRunner {
    /// Runs a statement built by EntityKit.
    public func run(_ statement: SQLStatement, logger: Logger = .entityKitSilent) async throws -> PostgresRowSequence {
        try await runQuery(statement.postgresQuery, logger: logger)
    }

    /// Runs a statement and decodes its rows into `E`.
    func rows<E: Entity>(_ statement: SQLStatement, as type: E.Type, logger: Logger) async throws -> [E] {
        var result: [E] = []
        var decoder = EntityRowDecoder<E>()
        for try await row in try await run(statement, logger: logger) {
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
