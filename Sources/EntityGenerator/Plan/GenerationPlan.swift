/// The code to emit, fully decided: names are final (keywords already in backticks), types are
/// spelled, comments are worded. Rendering turns it into text without making choices.
public struct GenerationPlan: Sendable, Equatable {
    public var accessLevel: GeneratorOptions.AccessLevel
    /// Modules every file imports, sorted.
    public var imports: [String]
    public var entities: [EntityPlan]
    public var enums: [EnumPlan]
    public var composites: [CompositePlan]
    public var domains: [DomainPlan]
    public var prelude: PreludePlan
    /// Warnings and notes for the user, in a stable order.
    public var diagnostics: [Diagnostic]
}

/// A message about something the generator could not do as asked, or did differently.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case warning
        case note
    }

    public var severity: Severity
    /// The object it is about, such as `public.users.settings`.
    public var subject: String
    public var message: String

    public var description: String { "\(severity.rawValue): \(subject): \(message)" }
}

/// One generated entity struct.
public struct EntityPlan: Sendable, Equatable {
    public var typeName: String
    public var schema: String
    public var table: String
    /// The `EntityKind` case, such as `table` or `view`.
    public var kind: String
    /// `Entity`, `WritableEntity` or `KeyedEntity`.
    public var conformance: String
    public var documentation: [String]
    public var properties: [PropertyPlan]
    public var primaryKey: PrimaryKeyPlan?
    public var relations: [RelationPlan]
}

/// A stored property, its column case and its column definition.
public struct PropertyPlan: Sendable, Equatable {
    /// The identifier, in backticks if it is a keyword.
    public var name: String
    public var columnName: String
    /// The full Swift type, optional marker included (`String?`).
    public var swiftType: String
    public var isOptional: Bool
    public var documentation: [String]
    public var sqlType: String
    public var defaultExpression: String?
    /// A `ColumnGeneration` case name, if any.
    public var generation: String?
    public var readCast: String?
}

/// The primary key of an entity.
public struct PrimaryKeyPlan: Sendable, Equatable {
    /// Property names in key order.
    public var properties: [String]
    /// The key's type: the property's type for one column, `PrimaryKey` for several.
    public var typeName: String
    /// For a composite key: the nested struct's fields (name, Swift type, column name).
    public var compositeFields: [CompositeKeyField]
    public var constraintName: String
}

public struct CompositeKeyField: Sendable, Equatable {
    public var name: String
    public var swiftType: String
    public var columnName: String
}

/// A typed relation in an entity's `Relations` namespace.
public struct RelationPlan: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case belongsTo = "BelongsTo"
        case hasMany = "HasMany"
        case hasOne = "HasOne"
        case manyToMany = "ManyToMany"
    }

    public var kind: Kind
    public var name: String
    public var documentation: [String]
    /// `BelongsTo<RefreshToken, User>`.
    public var typeExpression: String
    /// For key relations: the constraint name.
    public var constraint: String?
    /// Case names of (source, target) pairs, or (source, junction) for many-to-many.
    public var columnPairs: [ColumnPairPlan]
    /// Many-to-many only: (junction, target) pairs.
    public var targetPairs: [ColumnPairPlan]
    /// Belongs-to only: `ReferentialAction` case names, when not `noAction`.
    public var onDelete: String?
    public var onUpdate: String?
}

public struct ColumnPairPlan: Sendable, Equatable {
    public var source: String
    public var target: String
}

/// A Swift enum for a PostgreSQL enum type.
public struct EnumPlan: Sendable, Equatable {
    public var typeName: String
    public var schema: String
    public var name: String
    public var documentation: [String]
    public var cases: [EnumCasePlan]
}

public struct EnumCasePlan: Sendable, Equatable {
    public var name: String
    public var label: String
    public var documentation: [String]
}

/// A Swift struct for a PostgreSQL composite type.
public struct CompositePlan: Sendable, Equatable {
    public var typeName: String
    public var schema: String
    public var name: String
    public var documentation: [String]
    /// Fields in attribute order; `columnName` holds the attribute name.
    public var fields: [PropertyPlan]
}

/// A type alias that keeps a domain's name.
public struct DomainPlan: Sendable, Equatable {
    public var typeName: String
    public var schema: String
    public var name: String
    public var documentation: [String]
    public var underlyingType: String
}

/// The prelude: re-exports EntityKit and lists what was generated.
public struct PreludePlan: Sendable, Equatable {
    public var registryName: String
    public var schemas: [String]
    public var entityTypes: [String]
    public var enumTypes: [String]
}
