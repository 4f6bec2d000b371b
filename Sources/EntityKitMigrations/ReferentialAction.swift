extension MigrationDSL {
    /// What a foreign key does to referencing rows when the referenced row is deleted or its key
    /// changes: `ON DELETE` and `ON UPDATE`. Written `.cascade`, `.setNull`, … in a migration.
    public enum ReferentialAction: String, Sendable, Hashable {
        /// `NO ACTION`: the change fails if referencing rows remain at the end of the statement
        /// (or transaction, when the constraint is deferred). The default.
        case noAction = "NO ACTION"
        /// `RESTRICT`: the change fails at once if referencing rows exist.
        case restrict = "RESTRICT"
        /// `CASCADE`: referencing rows are deleted, or their keys updated, too.
        case cascade = "CASCADE"
        /// `SET NULL`: the referencing columns become NULL.
        case setNull = "SET NULL"
        /// `SET DEFAULT`: the referencing columns take their defaults.
        case setDefault = "SET DEFAULT"
    }
}
