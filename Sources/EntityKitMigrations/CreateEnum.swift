extension MigrationDSL {
    /// `CREATE TYPE … AS ENUM (…)`.
    public struct CreateEnum: MigrationStep {
        /// The enum type's name.
        public var name: SQLName
        /// The labels, in sort order.
        public var values: [String]

        /// `CREATE TYPE name AS ENUM (values…)`: codegen turns it into a Swift enum conforming to `PGEnum`.
        public init(_ name: SQLName, values: [String]) {
            self.name = name
            self.values = values
        }

        public var statements: [String] {
            ["CREATE TYPE \(name.sql) AS ENUM (\(values.map(SQLString.quote).joined(separator: ", ")))"]
        }
    }
}
