extension MigrationDSL {
    /// `CREATE INDEX`.
    public struct CreateIndex: MigrationStep {
        /// The index name (in the table's schema).
        public var name: String
        /// The indexed table.
        public var table: SQLName
        /// The indexed columns, in index order.
        public var columns: [String]
        /// `UNIQUE`: no two rows may share the indexed values.
        public var isUnique: Bool
        /// `IF NOT EXISTS`: do nothing when an index of that name exists.
        public var ifNotExists: Bool
        /// `CONCURRENTLY`: only outside a transaction (set `runsInTransaction` to false).
        public var concurrently: Bool
        /// The access method after `USING` (`gin`, `gist`, `brin`…); nil for B-tree.
        public var method: String?
        /// The `WHERE` predicate of a partial index, as SQL.
        public var predicate: String?

        /// `CREATE [UNIQUE] INDEX [CONCURRENTLY] name ON table [USING method] (columns…) [WHERE predicate]`:
        /// `CreateIndex("idx_posts_author", on: "posts", columns: ["author_id"])`.
        public init(_ name: String, on table: SQLName, columns: [String], unique: Bool = false, ifNotExists: Bool = false,
                    concurrently: Bool = false, using method: String? = nil, where predicate: String? = nil) {
            self.name = name
            self.table = table
            self.columns = columns
            self.isUnique = unique
            self.ifNotExists = ifNotExists
            self.concurrently = concurrently
            self.method = method
            self.predicate = predicate
        }

        public var statements: [String] {
            var text = "CREATE \(isUnique ? "UNIQUE " : "")INDEX \(concurrently ? "CONCURRENTLY " : "")\(ifNotExists ? "IF NOT EXISTS " : "")"
            text += "\(SQLIdentifier.quote(name)) ON \(table.sql)"
            if let method { text += " USING \(method)" }
            text += " (\(columnList(columns)))"
            if let predicate { text += " WHERE \(predicate)" }
            return [text]
        }
    }
}
