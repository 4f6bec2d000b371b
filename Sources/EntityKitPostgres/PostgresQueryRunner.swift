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

/// SQL text with `$n` placeholders and their values.
struct SQLBuilder {
    private(set) var sql = ""
    private(set) var bindings = PostgresBindings()

    mutating func append(_ text: String) {
        sql += text
    }

    /// Appends a placeholder bound to `value`, or the keyword `NULL`: PostgresNIO binds NULL
    /// parameters in binary format, which types without a binary input function reject.
    mutating func append(value: LiteralValue) {
        guard let text = value.text else {
            sql += "NULL"
            return
        }
        bindings.append(UntypedParameter(text: text))
        sql += "$\(bindings.count)"
    }

    var query: PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: bindings) }
}
