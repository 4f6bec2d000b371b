import Logging
import NIOCore
import PostgresNIO

/// Anything that runs statements: a ``DatabaseClient`` (pooled, with deadlines), a
/// `PostgresClient`, a `PostgresConnection`, a ``Transaction``, or ``Unprepared`` around one of
/// them. Every EntityKitPostgres operation is available on all of them.
///
/// Every runner keeps the runtime's promise (see the Reliability article): no statement waits
/// without bound, a closed connection fails the statement at once, a cancelled task cancels its
/// statement on the server.
public protocol PostgresQueryRunner: Sendable {
    /// Runs `statement` and hands its rows to `body` while the statement's connection is held;
    /// returns what `body` returns. `isFixedShape` says the SQL is fixed by the types involved
    /// (find, delete and single-row insert by key, relation loads): the runner sends those as it
    /// sends fixed shapes, a named prepared statement prepared once per connection, or unnamed
    /// (``Unprepared``). `delivery` says whether the rows are read before `body` starts or as
    /// it reads them (``RowDelivery``; prepared statements always stream).
    ///
    /// A statement whose `SQLStatement.rejection` is set, or whose text holds a NUL byte, is
    /// refused with that `SQLRejection` before anything is sent.
    func withRows<Result>(
        of statement: SQLStatement, isFixedShape: Bool, delivery: RowDelivery, logger: Logger,
        _ body: (StatementRows) async throws -> Result
    ) async throws -> Result

    /// Runs `body` so that the statements it sends on the runner it is given take effect
    /// together or not at all: in a transaction, or in the transaction already open. What
    /// operations of several statements (an insert of many rows that needs several) use.
    ///
    /// The default, for runners of one's own, runs `body` on the runner itself: not atomic.
    func atomically<Result: Sendable>(
        logger: Logger, _ body: (any PostgresQueryRunner) async throws -> Result
    ) async throws -> Result
}

extension PostgresQueryRunner {
    public func atomically<Result: Sendable>(
        logger: Logger, _ body: (any PostgresQueryRunner) async throws -> Result
    ) async throws -> Result {
        try await body(self)
    }
}

extension PostgresConnection: PostgresQueryRunner {
    /// Runs `body` in a transaction on this connection.
    public func atomically<Result: Sendable>(
        logger: Logger, _ body: (any PostgresQueryRunner) async throws -> Result
    ) async throws -> Result {
        try await transaction(logger: logger) { transaction in try await body(transaction) }
    }

    /// Runs the statement on this connection with the standard ``Deadlines``. A plain
    /// connection has no other way to reach the server, so a statement that must be stopped
    /// (deadline, task cancellation) closes the connection.
    public func withRows<Result>(
        of statement: SQLStatement, isFixedShape: Bool, delivery: RowDelivery, logger: Logger, _ body: (StatementRows) async throws -> Result
    ) async throws -> Result {
        try StatementExecution.checkSendable(statement)
        return try await StatementExecution.run(
            statement, on: ConnectionWatch.of(self), policy: .standalone,
            prepared: isFixedShape, delivery: delivery, retryingLostStatement: true, confirmingCommit: true, logger: logger, body)
    }
}

extension PostgresClient: PostgresQueryRunner {
    /// Runs `body` in a transaction on a leased connection.
    public func atomically<Result: Sendable>(
        logger: Logger, _ body: (any PostgresQueryRunner) async throws -> Result
    ) async throws -> Result {
        try await transaction(logger: logger) { transaction in try await body(transaction) }
    }

    /// Leases a connection (waiting at most the standard acquire deadline: PostgresNIO's pool
    /// keeps retrying a server that refuses it, so a wrong password surfaces as this timeout;
    /// ``DatabaseClient`` reports the server's reason instead) and runs the statement on it.
    /// A statement to stop is cancelled over another pooled connection.
    public func withRows<Result>(
        of statement: SQLStatement, isFixedShape: Bool, delivery: RowDelivery, logger: Logger, _ body: (StatementRows) async throws -> Result
    ) async throws -> Result {
        try StatementExecution.checkSendable(statement)
        let policy = StatementPolicy(deadlines: .standard, cancel: .pool(self), logger: logger, closesAfterCancel: true)
        return try await BoundedLease.with(self, within: policy.deadlines.acquire) { connection in
            try await StatementExecution.run(
                statement, on: ConnectionWatch.of(connection), policy: policy,
                prepared: isFixedShape, delivery: delivery, retryingLostStatement: true, confirmingCommit: true, logger: logger, body)
        }
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
    /// Runs a statement built by EntityKit (or by hand) and collects its rows.
    public func rows(_ statement: SQLStatement, logger: Logger = .entityKitSilent) async throws -> [PostgresRow] {
        try await withRows(of: statement, isFixedShape: false, delivery: .collected, logger: logger) { rows in
            var collected: [PostgresRow] = []
            for try await row in rows { collected.append(row) }
            return collected
        }
    }

    /// Runs a statement and calls `handle` with each row, in order, reading every row.
    func forEachRow(
        _ statement: SQLStatement, isFixedShape: Bool = false, logger: Logger, _ handle: (PostgresRow) throws -> Void
    ) async throws {
        try await withRows(of: statement, isFixedShape: isFixedShape, delivery: .collected, logger: logger) { rows in
            for try await row in rows { try handle(row) }
        }
    }

    /// Runs a statement and decodes its rows into `E`.
    func rows<E: Entity>(_ statement: SQLStatement, as type: E.Type, logger: Logger) async throws -> [E] {
        try await decodedRows(statement, isFixedShape: false, as: E.self, logger: logger)
    }

    /// Runs a fixed-shape statement (see ``withRows(of:isFixedShape:delivery:logger:_:)``) and decodes its rows.
    func rows<E: Entity>(fixedShape statement: SQLStatement, as type: E.Type, logger: Logger) async throws -> [E] {
        try await decodedRows(statement, isFixedShape: true, as: E.self, logger: logger)
    }

    private func decodedRows<E: Entity>(_ statement: SQLStatement, isFixedShape: Bool, as type: E.Type, logger: Logger) async throws -> [E] {
        try await withRows(of: statement, isFixedShape: isFixedShape, delivery: .collected, logger: logger) { rows in
            var result: [E] = []
            var decoder = EntityRowDecoder<E>()
            for try await row in rows {
                result.append(try decoder.decode(row))
            }
            return result
        }
    }

    /// Runs a statement that returns one integer (a count).
    func integer(_ statement: SQLStatement, logger: Logger) async throws -> Int {
        var value = 0
        try await forEachRow(statement, logger: logger) { row in value = Int(try row.decode(Int64.self)) }
        return value
    }
}
