/// The INSERT, UPDATE, DELETE and upsert statements of an entity, as values. Every statement
/// that returns rows returns the entity's full select list, read with `init(row:)`.
@_spi(Generated)
public enum WriteStatements {
    /// PostgreSQL's limit on parameters per statement.
    public static let maximumBindings = 65_535

    /// Inserts complete rows: every column but computed ones and `GENERATED ALWAYS` identities.
    public static func insert<E: WritableEntity>(_ rows: [E]) -> [SQLStatement] {
        let columns = E.Column.allCases.enumerated().filter { !$0.element.definition.isReadOnly }
        let matrix = rows.map { row -> [SQLLiteral?] in
            var collector = LiteralCollector()
            row.write(to: &collector)
            return columns.map { collector.values[$0.offset] }
        }
        let written = columns.map(\.element)
        if let row = matrix.first, matrix.count == 1, let statement = insertOne(into: E.self, shapeOf: E.self, columns: written, values: row) {
            return [statement]
        }
        return insert(into: E.self, columns: written, rows: matrix)
    }

    /// Inserts drafts, as many per statement as the parameter limit allows. A column no draft
    /// gives a value is left out; one some drafts leave to the database is `DEFAULT` there.
    public static func insert<D: EntityDraft>(_ drafts: [D]) -> [SQLStatement] {
        let all = drafts.map { draft -> [SQLLiteral?] in
            var collector = LiteralCollector(capacity: D.columns.count)
            draft.write(to: &collector)
            return collector.values
        }
        if let row = all.first, all.count == 1, let statement = insertOne(into: D.Root.self, shapeOf: D.self, columns: D.columns, values: row) {
            return [statement]
        }
        let used = D.columns.indices.filter { index in all.contains { $0[index] != nil } }
        // Usually every column is used: the rows are then as written.
        let rows = used.count == D.columns.count ? all : all.map { row in used.map { row[$0] } }
        return insert(into: D.Root.self, columns: used.map { D.columns[$0] }, rows: rows)
    }

    /// Inserts complete rows in one statement over arrays, as the drafts' overload does.
    public static func insertArrays<E: WritableEntity>(_ rows: [E]) -> SQLStatement? {
        guard !rows.isEmpty else { return nil }
        let columns = E.Column.allCases.enumerated().filter { !$0.element.definition.isReadOnly }
        var values = Array(repeating: [SQLLiteral](), count: columns.count)
        for row in rows {
            var collector = LiteralCollector()
            row.write(to: &collector)
            for (slot, column) in columns.enumerated() {
                values[slot].append(collector.values[column.offset] ?? .null)
            }
        }
        return insertArrays(into: E.self, columns: columns.map(\.element), values: values)
    }

    /// Inserts drafts in one statement over arrays, whatever their number:
    /// `INSERT INTO t (a, b) SELECT a::A, b::B FROM unnest($1::text[], $2::text[]) AS v(a, b)
    /// RETURNING …`, one text array per column holding each value's literal, read by the
    /// column type's input function as a single-row insert reads it. One statement, so all or
    /// nothing on any runner, and no parameter limit. Nil when the drafts leave different
    /// columns to the database (only `VALUES` can write `DEFAULT` for some rows), or none of
    /// their columns is given.
    public static func insertArrays<D: EntityDraft>(_ drafts: [D]) -> SQLStatement? {
        guard let first = drafts.first else { return nil }
        var collector = LiteralCollector(capacity: D.columns.count)
        first.write(to: &collector)
        let used = D.columns.indices.filter { collector.values[$0] != nil }
        guard !used.isEmpty else { return nil }
        var values = Array(repeating: [SQLLiteral](), count: used.count)
        for slot in values.indices { values[slot].reserveCapacity(drafts.count) }
        for draft in drafts {
            var collector = LiteralCollector(capacity: D.columns.count)
            draft.write(to: &collector)
            var given = 0
            for value in collector.values where value != nil { given += 1 }
            guard given == used.count else { return nil }
            for (slot, index) in used.enumerated() {
                guard let value = collector.values[index] else { return nil }
                values[slot].append(value)
            }
        }
        return insertArrays(into: D.Root.self, columns: used.map { D.columns[$0] }, values: values)
    }

    static func insertArrays<E: Entity>(into type: E.Type, columns: [E.Column], values: [[SQLLiteral]]) -> SQLStatement {
        let names = columns.map(\.quotedName)
        var sql = "INSERT INTO \(E.qualifiedTableName) (" + names.joined(separator: ", ") + ") SELECT "
        for (index, column) in columns.enumerated() {
            if index > 0 { sql += ", " }
            sql += "v." + names[index] + "::" + SQLTypeName.withoutModifiers(column.definition.sqlType)
        }
        sql += " FROM unnest("
        var bindings: [SQLLiteral] = []
        bindings.reserveCapacity(columns.count)
        for index in columns.indices {
            if index > 0 { sql += ", " }
            sql += "$\(index + 1)::text[]"
            // Each value as one text element: an array or composite value is its own literal,
            // so unnest does not flatten it.
            bindings.append(.array(values[index].map { value in value.text.map(SQLLiteral.text) ?? .null }))
        }
        sql += ") AS v(" + names.joined(separator: ", ") + ") RETURNING \(E.selectList())"
        return SQLStatement(sql: sql, bindings: bindings)
    }

    /// One row's `INSERT … VALUES (…) RETURNING …` (a fixed shape, sent prepared), its text
    /// built once per `shapeOf` type and shape: which columns are given (`values` nil leaves a
    /// column out) and which of them are NULL (written as the keyword). Nil past 64 columns,
    /// whose shapes are not cached.
    static func insertOne<E: Entity>(into type: E.Type, shapeOf owner: Any.Type, columns: [E.Column], values: [SQLLiteral?]) -> SQLStatement? {
        guard values.count <= 64, values.count == columns.count else { return nil }
        var given: UInt64 = 0
        var null: UInt64 = 0
        var bindings: [SQLLiteral] = []
        bindings.reserveCapacity(values.count)
        for (index, value) in values.enumerated() {
            switch value {
            case nil: continue
            case .null?: null |= 1 << index
            case let literal?: bindings.append(literal)
            }
            given |= 1 << index
        }
        let sql = PerTypeCache.value(for: owner, .insertSQL(given: given, null: null)) {
            let used = columns.indices.filter { given & (1 << $0) != 0 }
            return insert(into: E.self, columns: used.map { columns[$0] }, rows: [used.map { values[$0] }])[0].sql
        }
        return SQLStatement(sql: sql, bindings: bindings)
    }

    /// `INSERT … VALUES (…), (…) RETURNING …`, chunked under the parameter limit; nil values
    /// are `DEFAULT`.
    static func insert<E: Entity>(into type: E.Type, columns: [E.Column], rows: [[SQLLiteral?]]) -> [SQLStatement] {
        guard !rows.isEmpty else { return [] }
        let returning = " RETURNING \(E.selectList())"
        guard !columns.isEmpty else {
            // Every value from the database: one row per statement, as VALUES needs a column.
            return rows.map { _ in SQLStatement(sql: "INSERT INTO \(E.qualifiedTableName) DEFAULT VALUES" + returning) }
        }
        let head = "INSERT INTO \(E.qualifiedTableName) (" + columns.map(\.quotedName).joined(separator: ", ") + ") VALUES "
        let rowsPerStatement = max(1, maximumBindings / columns.count)
        var statements: [SQLStatement] = []
        var start = 0
        while start < rows.count {
            let end = min(rows.count, start + rowsPerStatement)
            // Written straight to SQL and bindings, as `SQLFragment.statement()` would write
            // them (NULL as the keyword): the fragment's parts cost allocations per value.
            var sql = head
            var bindings: [SQLLiteral] = []
            bindings.reserveCapacity((end - start) * columns.count)
            sql.reserveCapacity(head.utf8.count + (end - start) * columns.count * 8 + returning.utf8.count)
            for index in start..<end {
                sql += index == start ? "(" : ", ("
                for (position, value) in rows[index].enumerated() {
                    if position > 0 { sql += ", " }
                    switch value {
                    case nil: sql += "DEFAULT"
                    case .null?: sql += "NULL"
                    case let literal?:
                        bindings.append(literal)
                        sql += "$"
                        sql += String(bindings.count)
                    }
                }
                sql += ")"
            }
            sql += returning
            statements.append(SQLStatement(sql: sql, bindings: bindings))
            start = end
        }
        return statements
    }

    /// `WHERE "k1" = $1 AND "k2" = $2` for a primary key.
    static func keyCondition<E: KeyedEntity>(_ type: E.Type, key: E.PrimaryKey) -> SQLFragment {
        keyCondition(E.self, literals: keyLiterals(E.self, key: key))
    }

    static func keyCondition<E: KeyedEntity>(_ type: E.Type, literals: [SQLLiteral]) -> SQLFragment {
        var fragment = SQLFragment(sql: " WHERE ")
        for (index, column) in E.primaryKeyColumns.enumerated() {
            if index > 0 { fragment.append(sql: " AND ") }
            fragment.append("\(unsafeRaw: column.quotedName) = \(literal: literals[index])")
        }
        return fragment
    }

    /// `SELECT … WHERE <key>`: the text built once per type, the key's values bound.
    public static func find<E: KeyedEntity>(_ type: E.Type, key: E.PrimaryKey) -> SQLStatement {
        let literals = keyLiterals(E.self, key: key)
        let sql = PerTypeCache.value(for: E.self, .findSQL) {
            (SQLFragment(sql: "SELECT \(E.selectList()) FROM \(E.qualifiedTableName)") + keyCondition(E.self, literals: literals)).statement().sql
        }
        return SQLStatement(sql: sql, bindings: literals)
    }

    /// The key's values, in key-column order: `$1`, `$2`… of ``keyCondition(_:literals:)``.
    private static func keyLiterals<E: KeyedEntity>(_ type: E.Type, key: E.PrimaryKey) -> [SQLLiteral] {
        var collector = LiteralCollector()
        E.write(key: key, to: &collector)
        return collector.literals
    }

    /// `UPDATE … SET <changed columns> WHERE <old key> RETURNING …`: only the columns whose
    /// values differ between `old` and `new`; nil when none does. The key may change too: the
    /// row is found by the old one.
    public static func updateChanges<E: KeyedEntity>(from old: E, to new: E) -> SQLStatement? {
        var before = LiteralCollector()
        old.write(to: &before)
        var after = LiteralCollector()
        new.write(to: &after)
        var assignments: [ColumnAssignment<E>] = []
        for (index, column) in E.Column.allCases.enumerated() where !column.definition.isReadOnly && before.values[index] != after.values[index] {
            assignments.append(ColumnAssignment(column, SQLFragment(literal: after.values[index] ?? .null)))
        }
        guard !assignments.isEmpty else { return nil }
        return update(E.self, assignments: assignments, key: old.primaryKey)
    }

    /// `UPDATE … SET … WHERE <key> RETURNING …`, without reading the row first.
    public static func update<E: KeyedEntity>(_ type: E.Type, assignments: [ColumnAssignment<E>], key: E.PrimaryKey) -> SQLStatement {
        var fragment = SQLFragment(sql: "UPDATE \(E.qualifiedTableName) SET ")
        fragment.append(.joined(assignments.map(\.fragment), separator: ", "))
        fragment.append(keyCondition(E.self, key: key))
        fragment.append(sql: " RETURNING \(E.selectList())")
        return fragment.statement()
    }

    /// `UPDATE … SET … WHERE <condition>`, returning the number of rows changed.
    public static func update<E: Entity>(_ query: EntityQuery<E>, assignments: [ColumnAssignment<E>]) -> SQLStatement {
        var fragment = SQLFragment(sql: "WITH changed AS (UPDATE \(E.qualifiedTableName) SET ")
        fragment.append(.joined(assignments.map(\.fragment), separator: ", "))
        fragment.append(query.whereClause)
        fragment.append(sql: " RETURNING 1) SELECT count(*) FROM changed")
        return fragment.statement()
    }

    /// `DELETE … WHERE <key>`, returning one row when there was one: the text built once per
    /// type, the key's values bound.
    public static func delete<E: KeyedEntity>(_ type: E.Type, key: E.PrimaryKey) -> SQLStatement {
        let literals = keyLiterals(E.self, key: key)
        let sql = PerTypeCache.value(for: E.self, .deleteSQL) {
            (SQLFragment(sql: "DELETE FROM \(E.qualifiedTableName)") + keyCondition(E.self, literals: literals) + " RETURNING 1").statement().sql
        }
        return SQLStatement(sql: sql, bindings: literals)
    }

    /// `DELETE … WHERE <condition>`, returning the number of rows deleted.
    public static func delete<E: Entity>(_ query: EntityQuery<E>) -> SQLStatement {
        var fragment = SQLFragment(sql: "WITH deleted AS (DELETE FROM \(E.qualifiedTableName)")
        fragment.append(query.whereClause)
        fragment.append(sql: " RETURNING 1) SELECT count(*) FROM deleted")
        return fragment.statement()
    }
}
