extension MigrationDSL {
    /// Raw SQL, for everything the DSL does not spell (views, domains, functions, data).
    public struct SQL: MigrationStep {
        public var statements: [String]

        /// Statements run as written, one by one: `SQL("CREATE VIEW …")`. Nothing is quoted for you.
        public init(_ statements: String...) {
            self.statements = statements
        }

        /// Statements run as written, one by one, from a list built at run time.
        public init(statements: [String]) {
            self.statements = statements
        }
    }
}
