import EntityKit
import Logging
import PostgresNIO

extension PostgresQueryRunner {
    /// Every row of the entity.
    public func all<E: Entity>(_ type: E.Type, logger: Logger = .entityKitSilent) async throws -> [E] {
        try await all(EntityQuery(type), logger: logger)
    }

    /// The rows the query selects.
    public func all<E: Entity>(_ query: EntityQuery<E>, logger: Logger = .entityKitSilent) async throws -> [E] {
        try await rows(of: E.self, query.selectQuery, logger: logger)
    }

    /// The first row the query selects, if any.
    public func first<E: Entity>(_ query: EntityQuery<E>, logger: Logger = .entityKitSilent) async throws -> E? {
        try await all(query.limit(1), logger: logger).first
    }

    /// The number of rows the query selects (ordering, limit and offset ignored).
    public func count<E: Entity>(_ query: EntityQuery<E>, logger: Logger = .entityKitSilent) async throws -> Int {
        var builder = SQLBuilder()
        builder.append("SELECT count(*) FROM \(E.qualifiedTableName)")
        query.appendConditions(to: &builder)
        for try await row in try await runQuery(builder.query, logger: logger) {
            return Int(try row.decode(Int64.self))
        }
        return 0
    }

    /// The row with this primary key, if any.
    public func find<E: KeyedEntity>(_ type: E.Type, key: E.PrimaryKey, logger: Logger = .entityKitSilent) async throws -> E? {
        var builder = SQLBuilder()
        builder.append("SELECT \(E.selectList()) FROM \(E.qualifiedTableName)")
        try appendKeyCondition(E.self, values: try keyValues(E.self, key: key), to: &builder)
        return try await rows(of: E.self, builder.query, logger: logger).first
    }

    /// Inserts the row and returns it as stored, with database-filled values.
    ///
    /// Computed columns and `GENERATED ALWAYS` identities are never written. Columns in
    /// `leavingOut` are left for the database to fill in; pass `E.Column.databaseFilled` to let
    /// it assign every default, serial and identity.
    @discardableResult
    public func insert<E: WritableEntity>(_ row: E, leavingOut: Set<E.Column> = [], logger: Logger = .entityKitSilent) async throws -> E {
        let values = try columnValues(of: row)
        let columns = E.Column.allCases.filter { !$0.definition.isReadOnly && !leavingOut.contains($0) }
        var builder = SQLBuilder()
        builder.append("INSERT INTO \(E.qualifiedTableName) ")
        if columns.isEmpty {
            builder.append("DEFAULT VALUES")
        } else {
            builder.append("(" + columns.map(\.quotedName).joined(separator: ", ") + ") VALUES (")
            for (index, column) in columns.enumerated() {
                if index > 0 { builder.append(", ") }
                builder.append(value: try value(of: column, in: values))
            }
            builder.append(")")
        }
        builder.append(" RETURNING \(E.selectList())")
        guard let stored = try await rows(of: E.self, builder.query, logger: logger).first else {
            throw EntityKitPostgresError.invalidQuery("the insert returned no row")
        }
        return stored
    }

    /// Writes every column of the row with the same primary key; returns the stored row, or nil
    /// when no row has that key.
    @discardableResult
    public func update<E: KeyedEntity>(_ row: E, logger: Logger = .entityKitSilent) async throws -> E? {
        let values = try columnValues(of: row)
        let keyColumns = Set(E.primaryKeyColumns)
        let columns = E.Column.allCases.filter { !$0.definition.isReadOnly && !keyColumns.contains($0) }
        guard !columns.isEmpty else { return try await find(E.self, key: row.primaryKey, logger: logger) }
        var builder = SQLBuilder()
        builder.append("UPDATE \(E.qualifiedTableName) SET ")
        for (index, column) in columns.enumerated() {
            builder.append((index > 0 ? ", " : "") + "\(column.quotedName) = ")
            builder.append(value: try value(of: column, in: values))
        }
        try appendKeyCondition(E.self, values: values, to: &builder)
        builder.append(" RETURNING \(E.selectList())")
        return try await rows(of: E.self, builder.query, logger: logger).first
    }

    /// Deletes the row with the row's primary key; returns false when there was none.
    @discardableResult
    public func delete<E: KeyedEntity>(_ row: E, logger: Logger = .entityKitSilent) async throws -> Bool {
        try await delete(E.self, key: row.primaryKey, logger: logger)
    }

    /// Deletes the row with this primary key; returns false when there was none.
    @discardableResult
    public func delete<E: KeyedEntity>(_ type: E.Type, key: E.PrimaryKey, logger: Logger = .entityKitSilent) async throws -> Bool {
        var builder = SQLBuilder()
        builder.append("DELETE FROM \(E.qualifiedTableName)")
        try appendKeyCondition(E.self, values: try keyValues(E.self, key: key), to: &builder)
        builder.append(" RETURNING 1")
        var deleted = false
        for try await _ in try await runQuery(builder.query, logger: logger) { deleted = true }
        return deleted
    }

    /// The row a foreign key of `row` points at; nil when the key is NULL or dangles.
    public func related<Source: Entity, Target: Entity>(_ relation: BelongsTo<Source, Target>, of row: Source, logger: Logger = .entityKitSilent) async throws -> Target? {
        let pairs = relation.columns.map { (source: $0.source.rawValue, target: $0.target) }
        return try await relatedRows(Target.self, matching: pairs, of: row, logger: logger).first
    }

    /// The rows whose foreign key points at `row`.
    public func related<Source: Entity, Target: Entity>(_ relation: HasMany<Source, Target>, of row: Source, logger: Logger = .entityKitSilent) async throws -> [Target] {
        let pairs = relation.columns.map { (source: $0.source.rawValue, target: $0.target) }
        return try await relatedRows(Target.self, matching: pairs, of: row, logger: logger)
    }

    /// The row whose unique foreign key points at `row`, if any.
    public func related<Source: Entity, Target: Entity>(_ relation: HasOne<Source, Target>, of row: Source, logger: Logger = .entityKitSilent) async throws -> Target? {
        let pairs = relation.columns.map { (source: $0.source.rawValue, target: $0.target) }
        return try await relatedRows(Target.self, matching: pairs, of: row, logger: logger).first
    }

    /// The rows linked to `row` through the junction table.
    public func related<Source: Entity, Junction: Entity, Target: Entity>(_ relation: ManyToMany<Source, Junction, Target>, of row: Source, logger: Logger = .entityKitSilent) async throws -> [Target] {
        let values = try columnValues(of: row)
        var builder = SQLBuilder()
        builder.append("SELECT \(Target.selectList(alias: "t")) FROM \(Target.qualifiedTableName) t JOIN \(Junction.qualifiedTableName) j ON ")
        builder.append(relation.targetColumns.map { "j.\($0.source.quotedName) = t.\($0.target.quotedName)" }.joined(separator: " AND "))
        for (index, pair) in relation.sourceColumns.enumerated() {
            let value = values[pair.source.rawValue] ?? .null
            if case .null = value { return [] }
            builder.append(index == 0 ? " WHERE " : " AND ")
            builder.append("j.\(pair.target.quotedName) = ")
            builder.append(value: value)
        }
        return try await rows(of: Target.self, builder.query, logger: logger)
    }

    // MARK: - Helpers

    private func rows<E: Entity>(of type: E.Type, _ query: PostgresQuery, logger: Logger) async throws -> [E] {
        var result: [E] = []
        for try await row in try await runQuery(query, logger: logger) {
            result.append(try row.decode(E.self))
        }
        return result
    }

    private func relatedRows<Source: Entity, Target: Entity>(_ type: Target.Type, matching pairs: [(source: String, target: Target.Column)], of row: Source, logger: Logger) async throws -> [Target] {
        let values = try columnValues(of: row)
        var builder = SQLBuilder()
        builder.append("SELECT \(Target.selectList()) FROM \(Target.qualifiedTableName)")
        for (index, pair) in pairs.enumerated() {
            let value = values[pair.source] ?? .null
            if case .null = value { return [] }
            builder.append(index == 0 ? " WHERE " : " AND ")
            builder.append("\(pair.target.quotedName) = ")
            builder.append(value: value)
        }
        return try await rows(of: Target.self, builder.query, logger: logger)
    }

    private func columnValues<E: Entity>(of row: E) throws -> [String: LiteralValue] {
        Dictionary(try LiteralEncoder.fields(of: row).map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    private func value<Column: EntityColumn>(of column: Column, in values: [String: LiteralValue]) throws -> LiteralValue {
        guard let value = values[column.rawValue] else { throw EntityKitPostgresError.missingValue(column: column.rawValue) }
        return value
    }

    /// Column name → literal of a primary key value (a single value, or a composite key struct).
    private func keyValues<E: KeyedEntity>(_ type: E.Type, key: E.PrimaryKey) throws -> [String: LiteralValue] {
        if E.primaryKeyColumns.count == 1 {
            return [E.primaryKeyColumns[0].rawValue: try LiteralEncoder.literal(key)]
        }
        return Dictionary(try LiteralEncoder.fields(of: key).map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    private func appendKeyCondition<E: KeyedEntity>(_ type: E.Type, values: [String: LiteralValue], to builder: inout SQLBuilder) throws {
        for (index, column) in E.primaryKeyColumns.enumerated() {
            builder.append(index == 0 ? " WHERE " : " AND ")
            builder.append("\(column.quotedName) = ")
            builder.append(value: try value(of: column, in: values))
        }
    }
}
