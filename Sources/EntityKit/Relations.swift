/// A column of one entity matched with a column of another, as in a foreign key.
public struct ColumnPair<Source: Entity, Target: Entity>: Sendable, Hashable {
    public let source: Source.Column
    public let target: Target.Column

    public init(_ source: Source.Column, _ target: Target.Column) {
        self.source = source
        self.target = target
    }
}

/// What a foreign key does when the referenced row changes.
public enum ReferentialAction: String, Sendable, Hashable {
    case noAction = "NO ACTION"
    case restrict = "RESTRICT"
    case cascade = "CASCADE"
    case setNull = "SET NULL"
    case setDefault = "SET DEFAULT"
}

/// The referencing side of a foreign key: each `Source` row points at zero or one `Target` row.
public struct BelongsTo<Source: Entity, Target: Entity>: Sendable, Hashable {
    /// The foreign key constraint's name.
    public let constraint: String
    /// Referencing column → referenced column, in key order.
    public let columns: [ColumnPair<Source, Target>]
    public let onDelete: ReferentialAction
    public let onUpdate: ReferentialAction

    public init(
        constraint: String,
        columns: [ColumnPair<Source, Target>],
        onDelete: ReferentialAction = .noAction,
        onUpdate: ReferentialAction = .noAction
    ) {
        self.constraint = constraint
        self.columns = columns
        self.onDelete = onDelete
        self.onUpdate = onUpdate
    }
}

/// The referenced side of a foreign key: each `Source` row has any number of `Target` rows.
public struct HasMany<Source: Entity, Target: Entity>: Sendable, Hashable {
    public let constraint: String
    /// Referenced column (in `Source`) → referencing column (in `Target`).
    public let columns: [ColumnPair<Source, Target>]

    public init(constraint: String, columns: [ColumnPair<Source, Target>]) {
        self.constraint = constraint
        self.columns = columns
    }
}

/// The referenced side of a foreign key whose columns are unique: at most one `Target` row.
public struct HasOne<Source: Entity, Target: Entity>: Sendable, Hashable {
    public let constraint: String
    /// Referenced column (in `Source`) → referencing column (in `Target`).
    public let columns: [ColumnPair<Source, Target>]

    public init(constraint: String, columns: [ColumnPair<Source, Target>]) {
        self.constraint = constraint
        self.columns = columns
    }
}

/// Rows of `Source` and `Target` linked through a junction table.
public struct ManyToMany<Source: Entity, Junction: Entity, Target: Entity>: Sendable, Hashable {
    /// `Source` column → junction column (the junction's foreign key to `Source`).
    public let sourceColumns: [ColumnPair<Source, Junction>]
    /// Junction column → `Target` column (the junction's foreign key to `Target`).
    public let targetColumns: [ColumnPair<Junction, Target>]

    public init(sourceColumns: [ColumnPair<Source, Junction>], targetColumns: [ColumnPair<Junction, Target>]) {
        self.sourceColumns = sourceColumns
        self.targetColumns = targetColumns
    }
}
