@_spi(Generated) import EntityKit
import PostgresNIO

/// A query whose result does not fit the operation. Cases carry facts; the description says
/// what to change.
public enum EntityQueryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `one` found no row.
    case noRow(entity: String)
    /// `one` found more than one row.
    case moreThanOneRow(entity: String)
    /// An update or delete of many rows was given a limit, offset, order or lock, which
    /// UPDATE and DELETE do not take.
    case notAllowedInWrite(entity: String)
    /// An insert returned no row (a rule or trigger suppressed it).
    case insertReturnedNoRow(entity: String)

    public var description: String {
        switch self {
        case let .noRow(entity):
            return "no \(entity) row matches the query: use first(_:) when none is a valid outcome"
        case let .moreThanOneRow(entity):
            return "more than one \(entity) row matches the query: narrow its condition, or use all(_:) or first(_:)"
        case let .notAllowedInWrite(entity):
            return "an update or delete of \(entity) rows takes only a condition: remove order, limit, offset and locks"
        case let .insertReturnedNoRow(entity):
            return "the insert into \(entity) returned no row: a rule or trigger on the table suppressed it"
        }
    }
}

extension PostgresQueryRunner {
    /// Every row of the entity.
    public func all<E: Entity>(_ type: E.Type, logger: Logger = .entityKitSilent) async throws -> [E] {
        try await all(EntityQuery(type), logger: logger)
    }

    /// The rows the query selects.
    public func all<E: Entity>(_ query: EntityQuery<E>, logger: Logger = .entityKitSilent) async throws -> [E] {
        try await rows(query.selectStatement, as: E.self, logger: logger)
    }

    /// The first row the query selects, if any (the query's limit becomes 1).
    public func first<E: Entity>(_ query: EntityQuery<E>, logger: Logger = .entityKitSilent) async throws -> E? {
        try await rows(query.limit(1).selectStatement, as: E.self, logger: logger).first
    }

    /// The one row the query selects; an error when there is none or more than one.
    public func one<E: Entity>(_ query: EntityQuery<E>, logger: Logger = .entityKitSilent) async throws -> E {
        let found = try await rows(query.limit(min(query.limitCount ?? 2, 2)).selectStatement, as: E.self, logger: logger)
        guard let row = found.first else { throw EntityQueryError.noRow(entity: "\(E.self)") }
        guard found.count == 1 else { throw EntityQueryError.moreThanOneRow(entity: "\(E.self)") }
        return row
    }

    /// The rows the query selects, decoded as they arrive: constant memory for any number of
    /// rows. On a pooled client the connection stays leased until the sequence ends. Leaving
    /// the loop early cancels the query on the server, so the connection is free again at once
    /// instead of after the rest of the rows.
    public func stream<E: Entity>(_ query: EntityQuery<E>, logger: Logger = .entityKitSilent) async throws -> EntityStream<E> {
        let statement = query.selectStatement
        try StatementExecution.checkSendable(statement)
        return EntityStream(runner: self, statement: statement, logger: logger)
    }

    /// How many rows the query selects.
    public func count<E: Entity>(_ query: EntityQuery<E>, logger: Logger = .entityKitSilent) async throws -> Int {
        try await integer(query.countStatement, logger: logger)
    }

    /// How many rows the entity has.
    public func count<E: Entity>(_ type: E.Type, logger: Logger = .entityKitSilent) async throws -> Int {
        try await count(EntityQuery(type), logger: logger)
    }

    /// True when the query selects at least one row.
    public func exists<E: Entity>(_ query: EntityQuery<E>, logger: Logger = .entityKitSilent) async throws -> Bool {
        var found = false
        try await forEachRow(query.existsStatement, logger: logger) { row in found = try row.decode(Bool.self) }
        return found
    }

    /// The row with this primary key, if any. A fixed shape: prepared unless the runner is
    /// ``Unprepared``.
    public func find<E: KeyedEntity>(_ type: E.Type, key: E.PrimaryKey, logger: Logger = .entityKitSilent) async throws -> E? {
        try await rows(fixedShape: WriteStatements.find(E.self, key: key), as: E.self, logger: logger).first
    }
}
