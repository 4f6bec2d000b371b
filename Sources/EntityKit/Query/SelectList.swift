extension Entity {
    /// `"schema"."table"`, optionally followed by an alias: the FROM item.
    public static func fromItem(alias: String?) -> String {
        alias.map { "\(qualifiedTableName) \(SQLIdentifier.quote($0))" } ?? qualifiedTableName
    }

    /// The select list that reads every column in `init(row:)` order, each with its
    /// read cast: `"id", "tags"::text[] AS "tags"`.
    public static func selectList(alias: String? = nil) -> String {
        Column.allCases.map { column in
            let reference = alias.map { SQLIdentifier.quote($0) + "." + column.quotedName } ?? column.quotedName
            guard let cast = column.definition.readCast else { return reference }
            return "\(reference)::\(cast) AS \(column.quotedName)"
        }.joined(separator: ", ")
    }

    /// The column names a result must have, in order, to be read positionally (computed once
    /// per type: readers ask for them per result set).
    public static var columnNames: [String] {
        PerTypeCache.value(for: Self.self, .columnNames) { Column.allCases.map(\.rawValue) }
    }
}
