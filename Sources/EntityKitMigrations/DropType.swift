extension MigrationDSL {
    /// `DROP TYPE` (enums, composite types, domains with `DropType(…, domain: true)`).
    public struct DropType: MigrationStep {
        /// The types to drop, in one statement.
        public var names: [SQLName]
        /// `IF EXISTS`: no error for a type that does not exist.
        public var ifExists: Bool
        /// `CASCADE`: drop what depends on the types too (columns of that type included).
        public var cascade: Bool
        /// `DROP DOMAIN` instead of `DROP TYPE`.
        public var isDomain: Bool

        /// `DROP TYPE names…`, or `DROP DOMAIN names…` with `domain: true`.
        public init(_ names: SQLName..., ifExists: Bool = false, cascade: Bool = false, domain: Bool = false) {
            self.names = names
            self.ifExists = ifExists
            self.cascade = cascade
            self.isDomain = domain
        }

        public var statements: [String] {
            ["DROP \(isDomain ? "DOMAIN" : "TYPE") \(ifExists ? "IF EXISTS " : "")\(names.map(\.sql).joined(separator: ", "))\(cascade ? " CASCADE" : "")"]
        }
    }
}
