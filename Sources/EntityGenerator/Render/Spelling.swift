import SchemaModel

/// How plan values are written in Swift source. Every mapping from a plan enum to a runtime
/// spelling is an exhaustive switch, so a case added on either side fails to compile here
/// instead of rendering a name that does not exist.
enum Spelling {
    /// A plan type as Swift source: `String?`, `[PGRange<Int32>]`.
    static func type(_ type: SwiftType) -> String {
        switch type {
        case let .known(known): return known.spelling
        case let .generated(name): return name
        case let .user(name): return name
        case let .generic(known, arguments): return known.spelling + "<" + arguments.map(Self.type).joined(separator: ", ") + ">"
        case let .optional(wrapped): return Self.type(wrapped) + "?"
        case let .array(element): return "[" + Self.type(element) + "]"
        }
    }

    /// An inheritance clause's types: `KeyedEntity, Hashable, Identifiable`.
    static func list(_ types: [SwiftType]) -> String {
        types.map(Self.type).joined(separator: ", ")
    }

    /// A declared name, in backticks when it is a keyword.
    static func identifier(_ name: String) -> String {
        SwiftIdentifiers.escaped(name)
    }

    /// An argument label at a call site. Swift accepts every keyword there but `inout` bare, and
    /// warns about needless backticks on the others.
    static func argumentLabel(_ name: String) -> String {
        name == "inout" ? "`inout`" : name
    }

    /// The `EntityKind` case.
    static func kind(_ kind: EntityPlan.Kind) -> String {
        switch kind {
        case .table: return "table"
        case .partitionedTable: return "partitionedTable"
        case .view: return "view"
        case .materializedView: return "materializedView"
        case .foreignTable: return "foreignTable"
        case .tableWithoutPrimaryKey: return "tableWithoutPrimaryKey"
        }
    }

    /// The `ColumnGeneration` case.
    static func generation(_ generation: PropertyPlan.Generation) -> String {
        switch generation {
        case .identityAlways: return "identityAlways"
        case .identityByDefault: return "identityByDefault"
        case .computed: return "computed"
        }
    }

    /// The `ReferentialAction` case.
    static func action(_ action: ReferentialAction) -> String {
        switch action {
        case .noAction: return "noAction"
        case .restrict: return "restrict"
        case .cascade: return "cascade"
        case .setNull: return "setNull"
        case .setDefault: return "setDefault"
        }
    }

    /// The relation's descriptor type: `BelongsTo<RefreshToken, User>`.
    static func relationType(_ relation: RelationPlan) -> String {
        let arguments = [relation.sourceType] + (relation.junctionType.map { [$0] } ?? []) + [relation.targetType]
        return relation.kind.knownType.spelling + "<" + arguments.joined(separator: ", ") + ">"
    }
}
