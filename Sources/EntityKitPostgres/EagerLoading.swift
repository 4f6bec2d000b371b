@_spi(Generated) import EntityKit
import PostgresNIO

// A relation's load is one statement whose SQL is fixed by the relation (`= ANY($1)` over one
// array of keys, or `unnest` of one array per key column), so it is a fixed shape: prepared
// unless the runner is `Unprepared`.

extension PostgresQueryRunner {
    /// For each row, the row its foreign key points at (nil for a NULL or dangling key): one
    /// statement for all the rows, grouped in O(n + m).
    public func load<Source: Entity, Target: Entity>(
        _ relation: BelongsTo<Source, Target>, for rows: [Source], logger: Logger = .entityKitSilent
    ) async throws -> [Target?] {
        try await loadGroups(
            Target.self, sourceColumns: relation.columns.map(\.source), targetColumns: relation.columns.map(\.target), for: rows, logger: logger
        )
        .map(\.first)
    }

    /// For each row, the row whose unique foreign key points at it, if any.
    public func load<Source: Entity, Target: Entity>(
        _ relation: HasOne<Source, Target>, for rows: [Source], logger: Logger = .entityKitSilent
    ) async throws -> [Target?] {
        try await loadGroups(
            Target.self, sourceColumns: relation.columns.map(\.source), targetColumns: relation.columns.map(\.target), for: rows, logger: logger
        )
        .map(\.first)
    }

    /// For each row, the rows whose foreign key points at it (`[]` for none): one statement for
    /// all the rows. `LIMIT`/`OFFSET` of the query that read `rows` applied to them alone.
    public func load<Source: Entity, Target: Entity>(
        _ relation: HasMany<Source, Target>, for rows: [Source], logger: Logger = .entityKitSilent
    ) async throws -> [[Target]] {
        try await loadGroups(
            Target.self, sourceColumns: relation.columns.map(\.source), targetColumns: relation.columns.map(\.target), for: rows, logger: logger
        )
    }

    /// For each row, the rows linked to it through the junction table: one statement (a join
    /// with the junction) for all the rows.
    public func load<Source: Entity, Junction: Entity, Target: Entity>(
        _ relation: ManyToMany<Source, Junction, Target>, for rows: [Source], logger: Logger = .entityKitSilent
    ) async throws -> [[Target]] {
        let keys = RelationStatements.keys(of: rows, columns: relation.sourceColumns.map(\.source))
        guard !keys.distinct.isEmpty else { return rows.map { _ in [] } }
        var fragment = SQLFragment(
            sql: "SELECT \(Target.selectList(alias: "t")), \(Junction.selectList(alias: "j")) "
                + "FROM \(Target.fromItem(alias: "t")) JOIN \(Junction.fromItem(alias: "j")) ON "
        )
        fragment.append(sql: relation.targetColumns.map { "\"j\".\($0.source.quotedName) = \"t\".\($0.target.quotedName)" }.joined(separator: " AND "))
        fragment.append(" WHERE " + RelationStatements.matching(Junction.self, relation.sourceColumns.map(\.target), alias: "j", keys: keys.distinct).fragment)
        var byKey: [[SQLLiteral]: [Target]] = [:]
        let junctionKeyColumns = relation.sourceColumns.map(\.target)
        let names = Target.columnNames + Junction.columnNames
        var first = true
        try await forEachRow(fragment.statement(), isFixedShape: true, logger: logger) { row in
            var reader = PostgresRowReader(row, checking: first ? names : nil, reading: ReadingName(Target.self, and: Junction.self))
            first = false
            let target = try Target(row: &reader)
            let junction = try Junction(row: &reader)
            guard let key = RelationStatements.keys(of: [junction], columns: junctionKeyColumns).perRow.first ?? nil else { return }
            byKey[key, default: []].append(target)
        }
        return keys.perRow.map { key in key.flatMap { byKey[$0] } ?? [] }
    }

    /// Rows of `Target` whose `targetColumns` equal each row's `sourceColumns`, in one
    /// statement, grouped per row.
    private func loadGroups<Source: Entity, Target: Entity>(
        _ type: Target.Type, sourceColumns: [Source.Column], targetColumns: [Target.Column], for rows: [Source], logger: Logger
    ) async throws -> [[Target]] {
        let keys = RelationStatements.keys(of: rows, columns: sourceColumns)
        guard !keys.distinct.isEmpty else { return rows.map { _ in [] } }
        var fragment = SQLFragment(sql: "SELECT \(Target.selectList()) FROM \(Target.qualifiedTableName) WHERE ")
        fragment.append(RelationStatements.matching(Target.self, targetColumns, alias: nil, keys: keys.distinct).fragment)
        let targets = try await self.rows(fixedShape: fragment.statement(), as: Target.self, logger: logger)
        let targetKeys = RelationStatements.keys(of: targets, columns: targetColumns).perRow
        var byKey: [[SQLLiteral]: [Target]] = [:]
        for (target, key) in zip(targets, targetKeys) {
            if let key { byKey[key, default: []].append(target) }
        }
        return keys.perRow.map { key in key.flatMap { byKey[$0] } ?? [] }
    }

    /// Each row with its related rows, as loaded by `load(_:for:logger:)` in one more
    /// statement.
    public func all<Source: Entity, Target: Entity>(
        _ query: EntityQuery<Source>, including relation: HasMany<Source, Target>, logger: Logger = .entityKitSilent
    ) async throws -> [(Source, [Target])] {
        let parents = try await all(query, logger: logger)
        return Array(zip(parents, try await load(relation, for: parents, logger: logger)))
    }
}
