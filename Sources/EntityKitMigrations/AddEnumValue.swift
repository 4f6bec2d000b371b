extension MigrationDSL {
    /// `ALTER TYPE … ADD VALUE …`.
    public struct AddEnumValue: MigrationStep {
        /// The enum type.
        public var name: SQLName
        /// The new label.
        public var value: String
        /// Where the label goes; nil puts it last.
        public var position: Position?

        /// Where a new label sorts among the existing ones.
        public enum Position: Sendable {
            /// `BEFORE label`.
            case before(String)
            /// `AFTER label`.
            case after(String)
        }

        /// `ALTER TYPE name ADD VALUE IF NOT EXISTS value [BEFORE|AFTER label]`. Before
        /// PostgreSQL 12 this cannot run in a transaction; from 12 on, the new label cannot be used in
        /// the same transaction.
        public init(_ value: String, to name: SQLName, _ position: Position? = nil) {
            self.value = value
            self.name = name
            self.position = position
        }

        public var statements: [String] {
            var text = "ALTER TYPE \(name.sql) ADD VALUE IF NOT EXISTS \(SQLString.quote(value))"
            switch position {
            case let .before(label)?: text += " BEFORE \(SQLString.quote(label))"
            case let .after(label)?: text += " AFTER \(SQLString.quote(label))"
            case nil: break
            }
            return [text]
        }
    }
}
