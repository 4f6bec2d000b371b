/// A column of one entity matched with a column of another, as in a foreign key.
@_spi(Generated)
public struct ColumnPair<Source: Entity, Target: Entity>: Sendable, Hashable {
    /// The column on the source side (the referencing column of a `BelongsTo`).
    public let source: Source.Column
    /// The column on the target side, which `source` equals.
    public let target: Target.Column

    /// `source` matched with `target`: generated relations write `.init(.userID, .id)`.
    public init(_ source: Source.Column, _ target: Target.Column) {
        self.source = source
        self.target = target
    }
}

/// What a foreign key does when the referenced row changes.
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

/// The referencing side of a foreign key: each `Source` row points at zero or one `Target` row.
public struct BelongsTo<Source: Entity, Target: Entity>: Sendable, Hashable {
    /// The foreign key constraint's name.
    public let constraint: String
    /// Referencing column → referenced column, in key order.
    @_spi(Generated) public let columns: [ColumnPair<Source, Target>]
    /// What deleting the referenced row does to the referencing ones.
    public let onDelete: ReferentialAction
    /// What changing the referenced key does to the referencing rows.
    public let onUpdate: ReferentialAction

    /// A foreign key of `Source`'s, as generated in `Source.Relations`.
    @_spi(Generated) public init(
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
    /// The foreign key constraint's name (on `Target`'s table).
    public let constraint: String
    /// Referenced column (in `Source`) → referencing column (in `Target`).
    @_spi(Generated) public let columns: [ColumnPair<Source, Target>]

    /// The referenced side of the foreign key `constraint`, as generated in `Source.Relations`.
    @_spi(Generated) public init(constraint: String, columns: [ColumnPair<Source, Target>]) {
        self.constraint = constraint
        self.columns = columns
    }
}

/// The referenced side of a foreign key whose columns are unique: at most one `Target` row.
public struct HasOne<Source: Entity, Target: Entity>: Sendable, Hashable {
    /// The foreign key constraint's name (on `Target`'s table).
    public let constraint: String
    /// Referenced column (in `Source`) → referencing column (in `Target`).
    @_spi(Generated) public let columns: [ColumnPair<Source, Target>]

    /// The referenced side of the unique foreign key `constraint`, as generated in `Source.Relations`.
    @_spi(Generated) public init(constraint: String, columns: [ColumnPair<Source, Target>]) {
        self.constraint = constraint
        self.columns = columns
    }
}

/// Rows of `Source` and `Target` linked through a junction table.
public struct ManyToMany<Source: Entity, Junction: Entity, Target: Entity>: Sendable, Hashable {
    /// `Source` column → junction column (the junction's foreign key to `Source`).
    @_spi(Generated) public let sourceColumns: [ColumnPair<Source, Junction>]
    /// Junction column → `Target` column (the junction's foreign key to `Target`).
    @_spi(Generated) public let targetColumns: [ColumnPair<Junction, Target>]

    /// A link through `Junction`, whose two foreign keys are `sourceColumns` and `targetColumns`,
    /// as generated in `Source.Relations`.
    @_spi(Generated) public init(sourceColumns: [ColumnPair<Source, Junction>], targetColumns: [ColumnPair<Junction, Target>]) {
        self.sourceColumns = sourceColumns
        self.targetColumns = targetColumns
    }
}
