import SchemaModel

/// The code to emit, fully decided: names are final and legal, types are structured
/// (``SwiftType``), kinds and actions are enums, comments are worded. Rendering turns it into
/// text without making choices; spelling (backticks, `?`, generic brackets) is the renderer's.
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
    /// What the entity reads from; mirrors EntityKit's `EntityKind`.
    public enum Kind: Sendable, Equatable, CaseIterable {
        case table
        case partitionedTable
        case view
        case materializedView
        case foreignTable
        case tableWithoutPrimaryKey
    }

    /// The EntityKit protocol the entity conforms to, which decides what it can do.
    public enum Conformance: Sendable, Equatable, CaseIterable {
        /// Read-only: views, foreign tables, tables without a primary key.
        case entity
        /// Rows can be inserted.
        case writableEntity
        /// Rows can be inserted, found, updated and deleted by key.
        case keyedEntity

        /// The protocol's name in the names table.
        public var knownType: KnownType {
            switch self {
            case .entity: return .entity
            case .writableEntity: return .writableEntity
            case .keyedEntity: return .keyedEntity
            }
        }
    }

    public var typeName: String
    public var schema: String
    public var table: String
    public var kind: Kind
    public var conformance: Conformance
    public var documentation: [String]
    public var properties: [PropertyPlan]
    public var primaryKey: PrimaryKeyPlan?
    /// Keyed entities only: the conflict targets an upsert may name, the primary key first.
    public var uniqueKeys: [UniqueKeyPlan]
    public var relations: [RelationPlan]
    /// `Identifiable`, when the primary key is one column and no other property is `id`.
    public var identity: IdentityPlan?
    /// Protocols the configuration adds, after the generator's own.
    public var additionalConformances: [SwiftType] = []
    /// How the entity reads and writes JSON.
    public var json = JSONShape()
}

/// How an entity is `Identifiable`: its `id` is its single-column primary key.
public struct IdentityPlan: Sendable, Equatable {
    /// The key's property.
    public var property: String
    /// The key's type, which becomes `ID`.
    public var type: SwiftType

    /// True when the key property is not itself named `id`, so `var id` must forward to it.
    public var needsAccessor: Bool { property != "id" }
}

/// A case of an entity's `UniqueKey`: the primary key or a unique constraint (or unique index).
public struct UniqueKeyPlan: Sendable, Equatable {
    /// The case name, legal and unescaped.
    public var name: String
    /// Property names in key order.
    public var properties: [String]
    public var constraintName: String
}

/// A stored property, its column case and its column definition.
public struct PropertyPlan: Sendable, Equatable {
    /// The identifier, legal and unescaped; the renderer adds backticks where Swift needs them.
    public var name: String
    public var columnName: String
    /// The property's type, optional when the column can be NULL.
    public var type: SwiftType
    public var documentation: [String]
    public var sqlType: String
    public var defaultExpression: String?
    public var generation: Generation?
    /// The SQL type to cast the column to when reading it (`text`, `text[]`), if any.
    public var readCast: String?
    /// How an insert's draft holds the column.
    public var draftRole: DraftRole

    /// How the database fills a column; mirrors EntityKit's `ColumnGeneration`.
    public enum Generation: Sendable, Equatable, CaseIterable {
        case identityAlways
        case identityByDefault
        case computed
    }

    public var isOptional: Bool { type.isOptional }
}

/// How a column appears in its entity's `Draft`, the shape of a row to insert.
public enum DraftRole: Sendable, Equatable, CaseIterable {
    /// NOT NULL without a default: the compiler requires a value.
    case required
    /// Nullable without a default: optional, NULL unless given.
    case nullable
    /// The database can fill it (a default, a serial, an identity): optional, filled unless given.
    case databaseFilled
    /// Computed or `GENERATED ALWAYS`: never written.
    case excluded
}

/// The primary key of an entity.
public struct PrimaryKeyPlan: Sendable, Equatable {
    /// Property names in key order.
    public var properties: [String]
    /// The key's type: the property's (non-optional) type for one column; for several, the
    /// nested `PrimaryKey` struct with ``compositeFields``.
    public var type: SwiftType
    /// For a composite key: the nested struct's fields; empty for a single column.
    public var compositeFields: [CompositeKeyField]
    public var constraintName: String

    public var isComposite: Bool { !compositeFields.isEmpty }
}

/// A field of a composite primary key's struct.
public struct CompositeKeyField: Sendable, Equatable {
    public var name: String
    public var type: SwiftType
    public var columnName: String
}

/// A typed relation in an entity's `Relations` namespace.
public struct RelationPlan: Sendable, Equatable {
    /// Mirrors EntityKit's relation descriptor types.
    public enum Kind: Sendable, Equatable, CaseIterable {
        case belongsTo
        case hasMany
        case hasOne
        case manyToMany

        /// The descriptor type in the names table.
        public var knownType: KnownType {
            switch self {
            case .belongsTo: return .belongsTo
            case .hasMany: return .hasMany
            case .hasOne: return .hasOne
            case .manyToMany: return .manyToMany
            }
        }
    }

    public var kind: Kind
    /// The relation's property name, legal and unescaped.
    public var name: String
    public var documentation: [String]
    /// The entity the relation is declared on.
    public var sourceType: String
    /// The entity at the other end.
    public var targetType: String
    /// Many-to-many only: the junction entity.
    public var junctionType: String?
    /// For key relations: the constraint name. For many-to-many: the junction's key to the
    /// target.
    public var constraint: String?
    /// Many-to-many only: the junction's key to the source.
    public var junctionConstraint: String? = nil
    /// Case names of (source, target) pairs, or (source, junction) for many-to-many.
    public var columnPairs: [ColumnPairPlan]
    /// Many-to-many only: (junction, target) pairs.
    public var targetPairs: [ColumnPairPlan]
    /// Belongs-to only: the key's actions, when not `NO ACTION`.
    public var onDelete: ReferentialAction?
    public var onUpdate: ReferentialAction?
}

/// Two column cases matched by a relation.
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
    /// Protocols the configuration adds, after `String, PGEnum`.
    public var additionalConformances: [SwiftType] = []
}

/// A case of a generated enum and the label it stands for.
public struct EnumCasePlan: Sendable, Equatable {
    /// The case name, legal and unescaped.
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
    /// Protocols the configuration adds, after `PGComposite`.
    public var additionalConformances: [SwiftType] = []
}

/// A type alias that keeps a domain's name.
public struct DomainPlan: Sendable, Equatable {
    public var typeName: String
    public var schema: String
    public var name: String
    public var documentation: [String]
    public var underlyingType: SwiftType
}

/// The prelude: re-exports EntityKit and lists what was generated.
public struct PreludePlan: Sendable, Equatable {
    public var registryName: String
    public var schemas: [String]
    public var entityTypes: [String]
    public var enumTypes: [String]
}
