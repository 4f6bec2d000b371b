/// A primary key or unique constraint.
public struct KeyConstraint: Codable, Sendable, Equatable {
    public var name: String
    /// Key columns in constraint order.
    public var columns: [String]
    public var comment: String?
    /// For a temporal key (`WITHOUT OVERLAPS`, PostgreSQL 18): its last column, a range whose
    /// values may not overlap among rows that are equal on the other columns. Absent otherwise.
    public var withoutOverlaps: String?

    public init(name: String, columns: [String], comment: String? = nil, withoutOverlaps: String? = nil) {
        self.name = name
        self.columns = columns
        self.comment = comment
        self.withoutOverlaps = withoutOverlaps
    }
}

/// What a foreign key does when the referenced row is updated or deleted.
public enum ReferentialAction: String, Codable, Sendable {
    case noAction
    case restrict
    case cascade
    case setNull
    case setDefault

    /// The SQL spelling, such as `SET NULL`.
    public var sql: String {
        switch self {
        case .noAction: "NO ACTION"
        case .restrict: "RESTRICT"
        case .cascade: "CASCADE"
        case .setNull: "SET NULL"
        case .setDefault: "SET DEFAULT"
        }
    }
}

/// A foreign key constraint.
public struct ForeignKey: Codable, Sendable, Equatable {
    public var name: String
    /// Referencing columns, in constraint order.
    public var columns: [String]
    public var referencedRelation: QualifiedName
    /// Referenced columns, pairwise with ``columns``.
    public var referencedColumns: [String]
    public var onUpdate: ReferentialAction
    public var onDelete: ReferentialAction
    public var isDeferrable: Bool
    public var comment: String?
    /// For a `PERIOD` foreign key (PostgreSQL 18): the last referencing column, whose range must
    /// be covered by the ranges of the referenced rows (``referencedPeriod``), possibly several.
    /// Absent otherwise.
    public var period: String?
    /// For a `PERIOD` foreign key: the last referenced column.
    public var referencedPeriod: String?
    /// False for a `NOT ENFORCED` key (PostgreSQL 18), which the database never checks; absent
    /// when enforced.
    public var isEnforced: Bool?
    /// False for a `NOT VALID` key, which rows written before it was added may violate (and for
    /// every `NOT ENFORCED` key); absent when validated.
    public var isValidated: Bool?

    public init(
        name: String,
        columns: [String],
        referencedRelation: QualifiedName,
        referencedColumns: [String],
        onUpdate: ReferentialAction = .noAction,
        onDelete: ReferentialAction = .noAction,
        isDeferrable: Bool = false,
        comment: String? = nil,
        period: String? = nil,
        referencedPeriod: String? = nil,
        isEnforced: Bool? = nil,
        isValidated: Bool? = nil
    ) {
        self.name = name
        self.columns = columns
        self.referencedRelation = referencedRelation
        self.referencedColumns = referencedColumns
        self.onUpdate = onUpdate
        self.onDelete = onDelete
        self.isDeferrable = isDeferrable
        self.comment = comment
        self.period = period
        self.referencedPeriod = referencedPeriod
        self.isEnforced = isEnforced
        self.isValidated = isValidated
    }
}

/// A `CHECK` or `EXCLUDE` constraint, kept for documentation and drift detection.
public struct CheckConstraint: Codable, Sendable, Equatable {
    public var name: String
    /// The definition as `pg_get_constraintdef` prints it.
    public var definition: String

    public init(name: String, definition: String) {
        self.name = name
        self.definition = definition
    }
}

/// An index that does not back a constraint.
public struct Index: Codable, Sendable, Equatable {
    public var name: String
    /// Key columns in index order; `nil` for an expression key.
    public var columns: [String?]
    public var isUnique: Bool
    /// The `WHERE` clause of a partial index.
    public var predicate: String?
    /// The access method, such as `btree` or `gin`.
    public var method: String
    /// The definition as `pg_get_indexdef` prints it.
    public var definition: String

    public init(
        name: String,
        columns: [String?],
        isUnique: Bool,
        predicate: String? = nil,
        method: String = "btree",
        definition: String
    ) {
        self.name = name
        self.columns = columns
        self.isUnique = isUnique
        self.predicate = predicate
        self.method = method
        self.definition = definition
    }

    /// True when every row has a distinct value for exactly these plain columns.
    public var guaranteesUniqueness: Bool {
        isUnique && predicate == nil && !columns.contains(nil)
    }
}
