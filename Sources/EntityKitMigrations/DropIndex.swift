extension MigrationDSL {
    /// `DROP INDEX`.
    public struct DropIndex: MigrationStep {
        /// The index to drop (schema-qualified when not on the search path).
        public var name: SQLName
        /// `IF EXISTS`: no error for an index that does not exist.
        public var ifExists: Bool
        /// `CONCURRENTLY`: without blocking writes; only outside a transaction (set
        /// `runsInTransaction` to false).
        public var concurrently: Bool

        /// `DROP INDEX [CONCURRENTLY] [IF EXISTS] name`.
        public init(_ name: SQLName, ifExists: Bool = false, concurrently: Bool = false) {
            self.name = name
            self.ifExists = ifExists
            self.concurrently = concurrently
        }

        public var statements: [String] {
            ["DROP INDEX \(concurrently ? "CONCURRENTLY " : "")\(ifExists ? "IF EXISTS " : "")\(name.sql)"]
        }
    }
}
