import EntityKit
import PostgresNIO

extension Entity {
    /// The literal of each of `columns` in this row, in the order given.
    func literals(of columns: [Column]) -> [SQLLiteral] {
        var collector = LiteralCollector()
        write(to: &collector)
        let all = Array(Column.allCases)
        return columns.map { column in all.firstIndex(of: column).map { collector.values[$0] ?? .null } ?? .null }
    }
}

extension PostgresQueryRunner {
    /// The row a foreign key of `row` points at; nil when the key is NULL or dangles.
    public func related<Source: Entity, Target: Entity>(_ relation: BelongsTo<Source, Target>, of row: Source, logger: Logger = .entityKitSilent) async throws -> Target? {
        try await relatedRows(Target.self, targetColumns: relation.columns.map(\.target), values: row.literals(of: relation.columns.map(\.source)), logger: logger).first
    }

    /// The rows whose foreign key points at `row`.
    public func related<Source: Entity, Target: Entity>(_ relation: HasMany<Source, Target>, of row: Source, logger: Logger = .entityKitSilent) async throws -> [Target] {
        try await relatedRows(Target.self, targetColumns: relation.columns.map(\.target), values: row.literals(of: relation.columns.map(\.source)), logger: logger)
    }

    /// The row whose unique foreign key points at `row`, if any.
    public func related<Source: Entity, Target: Entity>(_ relation: HasOne<Source, Target>, of row: Source, logger: Logger = .entityKitSilent) async throws -> Target? {
        try await relatedRows(Target.self, targetColumns: relation.columns.map(\.target), values: row.literals(of: relation.columns.map(\.source)), logger: logger).first
    }

    /// The rows linked to `row` through the junction table.
    public func related<Source: Entity, Junction: Entity, Target: Entity>(_ relation: ManyToMany<Source, Junction, Target>, of row: Source, logger: Logger = .entityKitSilent) async throws -> [Target] {
        let values = row.literals(of: relation.sourceColumns.map(\.source))
        guard !values.contains(.null) else { return [] }
        var fragment = SQLFragment(sql: "SELECT \(Target.selectList(alias: "t")) FROM \(Target.qualifiedTableName) \"t\" JOIN \(Junction.qualifiedTableName) \"j\" ON ")
        fragment.append(sql: relation.targetColumns.map { "\"j\".\($0.source.quotedName) = \"t\".\($0.target.quotedName)" }.joined(separator: " AND "))
        for (index, pair) in relation.sourceColumns.enumerated() {
            fragment.append(sql: index == 0 ? " WHERE " : " AND ")
            fragment.append("\"j\".\(unsafeRaw: pair.target.quotedName) = \(literal: values[index])")
        }
        return try await rows(fragment.statement(), as: Target.self, logger: logger)
    }

    private func relatedRows<Target: Entity>(_ type: Target.Type, targetColumns: [Target.Column], values: [SQLLiteral], logger: Logger) async throws -> [Target] {
        guard !values.contains(.null) else { return [] }
        var fragment = SQLFragment(sql: "SELECT \(Target.selectList()) FROM \(Target.qualifiedTableName) WHERE ")
        fragment.append(.joined(zip(targetColumns, values).map { "\(unsafeRaw: $0.quotedName) = \(literal: $1)" }, separator: " AND "))
        return try await rows(fragment.statement(), as: Target.self, logger: logger)
    }
}
