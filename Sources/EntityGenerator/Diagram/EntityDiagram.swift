/// The entity-relationship view of a ``GenerationPlan``: what both diagram formats draw. It is
/// read off the plan, never inferred again: entities and their key and foreign-key columns, and
/// one edge per foreign key (with the cardinality the plan's relations give it) and per
/// many-to-many relation pair.
public struct EntityDiagram: Sendable, Equatable {
    public struct Entity: Sendable, Equatable {
        /// The generated type's name, which identifies the entity in the diagram.
        public var name: String
        /// `schema.table`.
        public var table: String
        public var kind: EntityPlan.Kind
        /// Key and foreign-key columns, in table order.
        public var columns: [Column]

        public var isView: Bool { kind == .view || kind == .materializedView }
    }

    public struct Column: Sendable, Equatable {
        public var name: String
        public var sqlType: String
        public var isPrimaryKey: Bool
        public var isForeignKey: Bool
    }

    public enum Cardinality: Sendable, Equatable {
        /// Each parent row has at most one child row (has-one).
        case oneToOne
        /// Each parent row has any number of child rows (has-many).
        case oneToMany
        /// Rows on both ends are linked through a junction table.
        case manyToMany
    }

    /// A relationship drawn once: a foreign key from `child` to `parent`, or a many-to-many
    /// between `parent` and `child` through `junction`.
    public struct Edge: Sendable, Equatable {
        public var parent: String
        public var child: String
        public var cardinality: Cardinality
        /// The child may have no parent (a nullable foreign key).
        public var parentIsOptional: Bool
        /// Relation names on both ends, as the generated code spells them: `user / refreshTokens`.
        public var label: String
        /// The foreign key, or the junction's two keys.
        public var constraints: [String]
        public var junction: String?
    }

    public var schemas: [String]
    public var entities: [Entity]
    public var edges: [Edge]

    public init(plan: GenerationPlan) {
        schemas = plan.prelude.schemas
        entities = plan.entities.map { entity in
            let keyProperties = Set(entity.primaryKey?.properties ?? [])
            let foreignKeyProperties = Set(entity.relations.filter { $0.kind == .belongsTo }.flatMap { $0.columnPairs.map(\.source) })
            return Entity(
                name: entity.typeName, table: "\(entity.schema).\(entity.table)", kind: entity.kind,
                columns: entity.properties.compactMap { property in
                    let isKey = keyProperties.contains(property.name)
                    let isForeign = foreignKeyProperties.contains(property.name)
                    guard isKey || isForeign else { return nil }
                    return Column(name: property.columnName, sqlType: property.sqlType, isPrimaryKey: isKey, isForeignKey: isForeign)
                })
        }
        let byName = Dictionary(plan.entities.map { ($0.typeName, $0) }, uniquingKeysWith: { first, _ in first })
        var edges: [Edge] = []
        var seenJunctionPairs = Set<[String]>()
        for entity in plan.entities {
            for relation in entity.relations {
                switch relation.kind {
                case .belongsTo:
                    let inverse = byName[relation.targetType]?.relations.first {
                        $0.kind != .belongsTo && $0.kind != .manyToMany && $0.constraint == relation.constraint && $0.targetType == entity.typeName
                    }
                    let keyColumns = Set(relation.columnPairs.map(\.source))
                    let optional = entity.properties.contains { keyColumns.contains($0.name) && $0.isOptional }
                    edges.append(Edge(
                        parent: relation.targetType, child: entity.typeName,
                        cardinality: inverse?.kind == .hasOne ? .oneToOne : .oneToMany, parentIsOptional: optional,
                        label: inverse.map { "\(relation.name) / \($0.name)" } ?? relation.name,
                        constraints: relation.constraint.map { [$0] } ?? [], junction: nil))
                case .manyToMany:
                    // Each pair is declared on both ends; draw it once.
                    let constraints = [relation.junctionConstraint ?? "", relation.constraint ?? ""]
                    guard seenJunctionPairs.insert([relation.junctionType ?? ""] + constraints.sorted()).inserted else { continue }
                    let other = byName[relation.targetType]?.relations.first {
                        $0.kind == .manyToMany && $0.junctionType == relation.junctionType
                            && $0.constraint == relation.junctionConstraint && $0.junctionConstraint == relation.constraint
                    }
                    edges.append(Edge(
                        parent: entity.typeName, child: relation.targetType, cardinality: .manyToMany, parentIsOptional: true,
                        label: other.map { "\(relation.name) / \($0.name)" } ?? relation.name,
                        constraints: constraints, junction: relation.junctionType))
                case .hasMany, .hasOne:
                    break
                }
            }
        }
        self.edges = edges.sorted { ($0.parent, $0.child, $0.label) < ($1.parent, $1.child, $1.label) }
    }
}
