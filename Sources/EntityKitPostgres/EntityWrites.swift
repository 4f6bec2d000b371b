@_spi(Generated) import EntityKit
import PostgresNIO

extension PostgresQueryRunner {
    /// Inserts a draft and returns the row as stored, with the values the database filled in.
    @discardableResult
    public func insert<D: EntityDraft>(_ draft: D, logger: Logger = .entityKitSilent) async throws -> D.Root {
        guard let row = try await insert([draft], logger: logger).first else {
            throw EntityQueryError.insertReturnedNoRow(entity: "\(D.Root.self)")
        }
        return row
    }

    /// Inserts drafts and returns the rows as stored, in order: all or none, on every runner.
    ///
    /// Any number of drafts that give the same columns is one statement over one array per
    /// column (`WriteStatements.insertArrays(_:)`), with no parameter limit. Drafts
    /// that leave different columns to the database are written with `VALUES` (`DEFAULT`
    /// where a draft gives nothing), several statements when PostgreSQL's parameter limit
    /// demands, in one transaction (``PostgresQueryRunner/atomically(logger:_:)``). One draft
    /// is a fixed shape: prepared unless the runner is ``Unprepared``.
    @discardableResult
    public func insert<D: EntityDraft>(_ drafts: [D], logger: Logger = .entityKitSilent) async throws -> [D.Root] {
        if drafts.count > 1, let statement = WriteStatements.insertArrays(drafts) {
            return try await rows(statement, as: D.Root.self, logger: logger)
        }
        return try await insertAll(WriteStatements.insert(drafts), as: D.Root.self, fixedShape: drafts.count == 1, logger: logger)
    }

    /// Inserts complete rows (every column but computed ones and `GENERATED ALWAYS`
    /// identities, whatever their values) and returns them as stored: one statement over
    /// arrays, all or none.
    @discardableResult
    public func insert<E: WritableEntity>(rows newRows: [E], logger: Logger = .entityKitSilent) async throws -> [E] {
        if newRows.count > 1, let statement = WriteStatements.insertArrays(newRows) {
            return try await rows(statement, as: E.self, logger: logger)
        }
        return try await insertAll(WriteStatements.insert(newRows), as: E.self, fixedShape: newRows.count == 1, logger: logger)
    }

    /// Runs insert statements, in one transaction when there are several.
    private func insertAll<E: Entity>(_ statements: [SQLStatement], as type: E.Type, fixedShape: Bool, logger: Logger) async throws -> [E] {
        if statements.count <= 1 {
            guard let statement = statements.first else { return [] }
            return fixedShape
                ? try await rows(fixedShape: statement, as: E.self, logger: logger)
                : try await rows(statement, as: E.self, logger: logger)
        }
        return try await atomically(logger: logger) { runner in
            var stored: [E] = []
            for statement in statements {
                stored += try await runner.rows(statement, as: E.self, logger: logger)
            }
            return stored
        }
    }

    /// Changes a row and writes only the columns `change` changed. Nothing changed, nothing
    /// is sent. Returns the row as stored (or as given, when nothing was sent); nil when no
    /// row has its primary key any more.
    @discardableResult
    public func update<E: KeyedEntity>(_ row: E, logger: Logger = .entityKitSilent, _ change: (inout E) throws -> Void) async throws -> E? {
        var changed = row
        try change(&changed)
        return try await update(from: row, to: changed, logger: logger)
    }

    /// Writes the columns whose values differ between `old` (as read) and `new`, finding the
    /// row by `old`'s key. Nothing differs, nothing is sent.
    @discardableResult
    public func update<E: KeyedEntity>(from old: E, to new: E, logger: Logger = .entityKitSilent) async throws -> E? {
        guard let statement = WriteStatements.updateChanges(from: old, to: new) else { return new }
        return try await rows(statement, as: E.self, logger: logger).first
    }

    /// Sets columns of the row with this key, without reading it first; returns the row as
    /// stored, or nil when there is none.
    @discardableResult
    public func update<E: KeyedEntity>(
        _ type: E.Type, key: E.PrimaryKey, logger: Logger = .entityKitSilent,
        @AssignmentBuilder<E> set assignments: (E.TableColumns) -> [ColumnAssignment<E>]
    ) async throws -> E? {
        let list = assignments(E.columns)
        guard !list.isEmpty else { return try await find(E.self, key: key, logger: logger) }
        return try await rows(WriteStatements.update(E.self, assignments: list, key: key), as: E.self, logger: logger).first
    }

    /// Sets columns of every row the query selects; returns how many rows changed.
    @discardableResult
    public func update<E: Entity>(
        _ query: EntityQuery<E>, logger: Logger = .entityKitSilent,
        @AssignmentBuilder<E> set assignments: (E.TableColumns) -> [ColumnAssignment<E>]
    ) async throws -> Int {
        try Self.requireConditionOnly(query)
        let list = assignments(E.columns)
        guard !list.isEmpty else { return 0 }
        return try await integer(WriteStatements.update(query, assignments: list), logger: logger)
    }

    /// Deletes the row; returns false when there was none.
    @discardableResult
    public func delete<E: KeyedEntity>(_ row: E, logger: Logger = .entityKitSilent) async throws -> Bool {
        try await delete(E.self, key: row.primaryKey, logger: logger)
    }

    /// Deletes the row with this primary key; returns false when there was none. A fixed
    /// shape: prepared unless the runner is ``Unprepared``.
    @discardableResult
    public func delete<E: KeyedEntity>(_ type: E.Type, key: E.PrimaryKey, logger: Logger = .entityKitSilent) async throws -> Bool {
        var deleted = false
        try await forEachRow(WriteStatements.delete(E.self, key: key), isFixedShape: true, logger: logger) { _ in deleted = true }
        return deleted
    }

    /// Deletes every row the query selects; returns how many.
    @discardableResult
    public func delete<E: Entity>(_ query: EntityQuery<E>, logger: Logger = .entityKitSilent) async throws -> Int {
        try Self.requireConditionOnly(query)
        return try await integer(WriteStatements.delete(query), logger: logger)
    }

    /// Inserts the draft, or, when a row with the same `key` exists, does `action` to it.
    /// Returns the stored row and whether it was inserted.
    public func upsert<D: EntityDraft>(
        _ draft: D, onConflict key: D.Root.UniqueKey, _ action: UpsertAction<D.Root> = .updateAll, logger: Logger = .entityKitSilent
    ) async throws -> (row: D.Root, inserted: Bool) where D.Root: KeyedEntity, D.Root.UniqueKey.Root == D.Root {
        let statement = WriteStatements.upsert(draft, onConflict: key, action: action)
        let reading = ReadingName(D.Root.self)
        var result: (row: D.Root, inserted: Bool)?
        try await forEachRow(statement, logger: logger) { row in
            var reader = PostgresRowReader(row, checking: D.Root.columnNames, reading: reading)
            let stored = try D.Root(row: &reader)
            let inserted = try reader.next(Bool.self)
            if result == nil { result = (stored, inserted) }
        }
        guard let result else { throw EntityQueryError.insertReturnedNoRow(entity: reading.description) }
        return result
    }

    private static func requireConditionOnly<E: Entity>(_ query: EntityQuery<E>) throws {
        guard query.limitCount == nil, query.offsetCount == nil, query.ordering.isEmpty, query.lock == nil else {
            throw EntityQueryError.notAllowedInWrite(entity: "\(E.self)")
        }
    }
}
