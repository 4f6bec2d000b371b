/// What an upsert does when the row conflicts with an existing one on its conflict key.
public enum UpsertAction<Root: Entity>: Sendable {
    /// Keep the existing row; the upsert returns it unchanged.
    case doNothing
    /// Overwrite every column the draft gives, except the conflict key's.
    case updateAll
    /// Overwrite only these columns with the draft's values.
    case update([Root.Column])
}

extension WriteStatements {
    /// `INSERT … ON CONFLICT (<key>) DO UPDATE … / DO NOTHING`, returning the stored row and
    /// whether it was inserted (an extra boolean column after the entity's columns).
    ///
    /// The conflict target can only be the table's primary key or one of its unique keys, as
    /// generated in `UniqueKey`: PostgreSQL rejects any other target.
    public static func upsert<D: EntityDraft>(
        _ draft: D, onConflict key: D.Root.UniqueKey, action: UpsertAction<D.Root>
    ) -> SQLStatement where D.Root: KeyedEntity, D.Root.UniqueKey.Root == D.Root {
        typealias E = D.Root
        var collector = LiteralCollector()
        draft.write(to: &collector)
        let given = D.columns.indices.filter { collector.values[$0] != nil }
        let keyColumns = key.columns
        let target = "(" + keyColumns.map(\.quotedName).joined(separator: ", ") + ")"
        var fragment = SQLFragment(sql: "INSERT INTO \(E.qualifiedTableName) ")
        if given.isEmpty {
            fragment.append(sql: "DEFAULT VALUES")
        } else {
            fragment.append(sql: "(" + given.map { D.columns[$0].quotedName }.joined(separator: ", ") + ") VALUES (")
            fragment.append(.joined(given.map { SQLFragment(literal: collector.values[$0] ?? .null) }, separator: ", "))
            fragment.append(sql: ")")
        }
        fragment.append(sql: " ON CONFLICT \(target) ")
        let updated: [E.Column] = switch action {
        case .doNothing: []
        case .updateAll: given.map { D.columns[$0] }.filter { !keyColumns.contains($0) }
        case let .update(columns): columns
        }
        let returning = E.selectList()
        if updated.isEmpty {
            // DO NOTHING returns no row on a conflict: read the existing one in the same
            // statement (it sees the table as before the insert).
            let keyValues = keyColumns.map { column in D.columns.firstIndex(of: column).flatMap { collector.values[$0] } }
            var existing = SQLFragment(sql: "SELECT \(returning), false FROM \(E.qualifiedTableName) WHERE ")
            if keyValues.contains(where: { $0 == nil || $0 == .null }) {
                existing.append(sql: "FALSE")
            } else {
                existing.append(.joined(zip(keyColumns, keyValues).map { "\(unsafeRaw: $0.quotedName) = \(literal: $1 ?? .null)" }, separator: " AND "))
            }
            var statement = SQLFragment(sql: "WITH inserted AS (")
            statement.append(fragment)
            statement.append(sql: "DO NOTHING RETURNING \(returning)) SELECT *, true FROM inserted UNION ALL ")
            statement.append(existing)
            statement.append(sql: " AND NOT EXISTS (SELECT 1 FROM inserted)")
            return statement.statement()
        }
        fragment.append(sql: "DO UPDATE SET " + updated.map { "\($0.quotedName) = EXCLUDED.\($0.quotedName)" }.joined(separator: ", "))
        // A row the upsert inserted has no deleting transaction yet; an updated one does.
        fragment.append(sql: " RETURNING \(returning), (xmax = 0)")
        return fragment.statement()
    }
}
