import SchemaModel

/// Infers typed relations from foreign keys and names them after their columns.
///
/// - A foreign key gives its table a belongs-to relation named after the key column
///   (`user_id` → `user`, `sender_id` → `sender`), or after the target for composite keys.
/// - The referenced table gets the inverse: has-one when the key columns are unique (or are the
///   primary key), has-many otherwise. It is named after the referencing entity (`refreshTokens`),
///   qualified by the belongs-to name when the pair is ambiguous (`messagesAsSender`, and every
///   self reference: `employeesAsManager`).
/// - A junction table whose primary key is exactly two foreign keys links both ends many-to-many,
///   named after the junction's other key (`film_actor.actor_id` gives `Film.Relations.actors`).
///
/// Names are allocated per entity, so collisions fall back to longer names, never to numbers.
struct RelationInference: Sendable {
    /// Selected relations, parallel to the entity plans.
    let relations: [Relation]
    let entities: [EntityPlan]
    let renames: Renames
    /// Every entity's type name, which no relation may take (see ``name(_:of:)``).
    let entityTypeNames: Set<String>

    init(relations: [Relation], entities: [EntityPlan], renames: Renames = Renames(options: GeneratorOptions())) {
        self.relations = relations
        self.entities = entities
        self.renames = renames
        self.entityTypeNames = Set(entities.map(\.typeName))
    }

    private struct Proposal: Sendable {
        var candidates: [String]
        var plan: RelationPlan
        /// The configuration's name for it, with the key that gave it.
        var rename: (key: String, name: String)?
    }

    private static let keyWords: Set<String> = ["id", "ids", "fk", "uuid", "guid", "key", "ref", "code"]

    func addRelations(to plans: inout [EntityPlan], diagnostics: inout Diagnostics) throws(GenerationError) {
        let indexByName = Dictionary(relations.enumerated().map { ($1.qualifiedName, $0) }, uniquingKeysWith: { first, _ in first })
        var keysBetween: [Int: Int] = [:]
        func pairKey(_ source: Int, _ target: Int) -> Int { source * relations.count + target }
        for (source, relation) in relations.enumerated() {
            for key in relation.foreignKeys where ConstraintNotes.hasEqualityRelation(key) {
                if let target = indexByName[key.referencedRelation] { keysBetween[pairKey(source, target), default: 0] += 1 }
            }
        }

        // Proposals come from each relation's keys (in parallel), and land on both ends.
        let keyCounts = keysBetween
        let relationCount = relations.count
        let perSource = Parallel.map(Array(relations.indices)) { source -> (proposals: [(Int, Proposal)], notes: [Diagnostic]) in
            self.proposals(from: source, indexByName: indexByName) { source, target in
                keyCounts[source * relationCount + target] ?? 0
            }
        }
        // Each entity's proposals, by position in `perSource`: gathered without copying them.
        var gathered = [[(source: Int, position: Int)]](repeating: [], count: relations.count)
        for source in perSource.indices {
            for position in perSource[source].proposals.indices {
                gathered[perSource[source].proposals[position].0].append((source, position))
            }
            for note in perSource[source].notes { diagnostics.note(note.subject, note.message) }
        }
        let positions = gathered
        let typeNames = plans.map(\.typeName)
        let named = Parallel.map(Array(plans.indices)) { index -> Result<[RelationPlan], GenerationError> in
            let proposals = positions[index].map { perSource[$0.source].proposals[$0.position].1 }
            return Result { () throws(GenerationError) in try self.name(proposals, of: typeNames[index]) }
        }
        BackgroundRelease.release(consume perSource)
        for index in plans.indices { plans[index].relations = try named[index].get() }
    }

    /// Names one entity's relations: renames first, then the candidates, never a number unless
    /// every candidate is taken.
    private func name(_ proposals: [Proposal], of typeName: String) throws(GenerationError) -> [RelationPlan] {
        // Relations are declared beside `BelongsTo<Source, Target>`: an entity's name would be shadowed.
        var namer = NameAllocator(reserved: ReservedNames.keywordMembers, shadowed: entityTypeNames)
        let candidates = proposals.map { $0.candidates.map { NameCandidates.legal($0, fallback: "related") } }
        var renamed: [Int: (key: String, name: String)] = [:]
        for (index, proposal) in proposals.enumerated() {
            guard let rename = proposal.rename else { continue }
            try Renames.checkMember(rename.name, key: rename.key, reserved: ReservedNames.keywordMembers)
            renamed[index] = rename
        }
        let names = try Renames.grant(renamed, candidates: candidates, allocator: &namer) { other in
            "the relation `\(candidates[other][0])` of \(typeName)"
        }
        return zip(proposals, names).enumerated().map { index, element in
            var plan = element.0
            plan.plan.name = element.1
            if let key = renamed[index]?.key { plan.plan.documentation += ["", RenameNote.configured(name: element.1, key: key)] }
            return plan.plan
        }.sorted { $0.name < $1.name }
    }

    /// Every relation that `source`'s foreign keys (and its junction role) give, with the entity
    /// each belongs to.
    private func proposals(
        from source: Int, indexByName: [QualifiedName: Int], keysBetween: (Int, Int) -> Int
    ) -> (proposals: [(Int, Proposal)], notes: [Diagnostic]) {
        let relation = relations[source]
        var result: [(Int, Proposal)] = []
        var notes: [Diagnostic] = []
        for key in relation.foreignKeys where ConstraintNotes.hasEqualityRelation(key) {
            guard let target = indexByName[key.referencedRelation] else {
                notes.append(Diagnostic(severity: .note, subject: "\(relation.qualifiedName).\(key.name)",
                                        message: "references \(key.referencedRelation), which is not generated: no typed relation"))
                continue
            }
            guard let pairs = columnPairs(key, source: source, target: target) else { continue }
            let belongsName = belongsToName(key, targetType: entities[target].typeName)
            let via = "Via" + Words.upperCamel(Words.split(key.name))
            let schema = relation.schema, table = relation.name
            result.append((source, Proposal(
                candidates: [belongsName, belongsName + via],
                plan: RelationPlan(
                    kind: .belongsTo, name: "",
                    documentation: ["The `\(key.referencedRelation)` row that \(columnList(key.columns)) refers to (\(constraintDescription(key)))."]
                        + (key.comment.map { ["", $0] } ?? []) + ConstraintNotes.relationLines(for: key),
                    sourceType: entities[source].typeName, targetType: entities[target].typeName, junctionType: nil,
                    constraint: key.name, columnPairs: pairs, targetPairs: [],
                    onDelete: key.onDelete == .noAction ? nil : key.onDelete,
                    onUpdate: key.onUpdate == .noAction ? nil : key.onUpdate),
                rename: renames.relation(constraint: key.name, schema: schema, table: table, role: .belongsTo))))

            let isUnique = columnsAreUnique(key.columns, in: relation)
            let sourceWords = Words.split(entities[source].typeName)
            let base = Words.lowerCamel(isUnique ? sourceWords : Inflector.pluralize(sourceWords))
            let qualified = base + "As" + Words.upperCamel(Words.split(belongsName))
            let isPlain = keysBetween(source, target) == 1 && source != target
            let inverseKind: RelationPlan.Kind = isUnique ? .hasOne : .hasMany
            let rows = isUnique ? "row" : "rows"
            let uniqueness = isUnique ? "; at most one, as \(columnList(key.columns)) \(key.columns.count == 1 ? "is" : "are") unique" : ""
            result.append((target, Proposal(
                candidates: isPlain ? [base, qualified, qualified + via] : [qualified, qualified + via],
                plan: RelationPlan(
                    kind: inverseKind, name: "",
                    documentation: ["The `\(relation.qualifiedName)` \(rows) whose \(columnList(key.columns)) "
                            + "\(key.columns.count == 1 ? "refers" : "refer") to this row\(uniqueness) (`\(key.name)`)."]
                        + ConstraintNotes.relationLines(for: key),
                    sourceType: entities[target].typeName, targetType: entities[source].typeName, junctionType: nil,
                    constraint: key.name,
                    columnPairs: pairs.map { ColumnPairPlan(source: $0.target, target: $0.source) },
                    targetPairs: [], onDelete: nil, onUpdate: nil),
                rename: renames.relation(constraint: key.name, schema: schema, table: table, role: .inverse))))
        }
        result += manyToMany(junction: source, indexByName: indexByName)
        return (result, notes)
    }

    private func manyToMany(junction: Int, indexByName: [QualifiedName: Int]) -> [(Int, Proposal)] {
        let relation = relations[junction]
        guard let primaryKey = relation.primaryKey, entities[junction].conformance == .keyedEntity else { return [] }
        let keyColumns = Set(primaryKey.columns)
        let keyReferences = relation.foreignKeys.filter {
            ConstraintNotes.hasEqualityRelation($0) && Set($0.columns).isSubset(of: keyColumns) && indexByName[$0.referencedRelation] != nil
        }
        guard keyReferences.count == 2 else { return [] }
        let (first, second) = (keyReferences[0], keyReferences[1])
        guard Set(first.columns).isDisjoint(with: second.columns),
              Set(first.columns).union(second.columns) == keyColumns,
              let firstTarget = indexByName[first.referencedRelation],
              let secondTarget = indexByName[second.referencedRelation],
              let firstPairs = columnPairs(first, source: junction, target: firstTarget),
              let secondPairs = columnPairs(second, source: junction, target: secondTarget)
        else { return [] }
        let junctionType = entities[junction].typeName
        let via = "Via" + junctionType
        var result: [(Int, Proposal)] = []
        for (from, fromKey, fromPairs, to, toKey, toPairs) in [
            (firstTarget, first, firstPairs, secondTarget, second, secondPairs),
            (secondTarget, second, secondPairs, firstTarget, first, firstPairs),
        ] {
            let otherName = belongsToName(toKey, targetType: entities[to].typeName)
            let name = Words.lowerCamel(Inflector.pluralize(Words.split(otherName)))
            result.append((from, Proposal(
                candidates: [name, name + via],
                plan: RelationPlan(
                    kind: .manyToMany, name: "",
                    documentation: ["The `\(relations[to].qualifiedName)` rows linked to this row "
                        + "through `\(relation.qualifiedName)` (`\(fromKey.name)`, `\(toKey.name)`)."],
                    sourceType: entities[from].typeName, targetType: entities[to].typeName, junctionType: junctionType,
                    constraint: toKey.name, junctionConstraint: fromKey.name,
                    columnPairs: fromPairs.map { ColumnPairPlan(source: $0.target, target: $0.source) },
                    targetPairs: toPairs,
                    onDelete: nil, onUpdate: nil),
                rename: renames.relation(constraint: toKey.name, schema: relation.schema, table: relation.name, role: .manyToMany))))
        }
        return result
    }

    /// Property (case) names pairing the key's columns with the referenced columns.
    private func columnPairs(_ key: ForeignKey, source: Int, target: Int) -> [ColumnPairPlan]? {
        guard key.columns.count == key.referencedColumns.count else { return nil }
        var pairs: [ColumnPairPlan] = []
        for (column, referenced) in zip(key.columns, key.referencedColumns) {
            guard let sourceName = property(of: column, in: source), let targetName = property(of: referenced, in: target) else { return nil }
            pairs.append(ColumnPairPlan(source: sourceName, target: targetName))
        }
        return pairs
    }

    /// The property name of `column` in entity `entity`. A key has a column or two: searching
    /// beats a dictionary of every entity's columns, built for a few lookups each.
    private func property(of column: String, in entity: Int) -> String? {
        entities[entity].properties.first { $0.columnName == column }?.name
    }

    /// `user_id` → `user`, `id_user` → `user`, `manager` → `manager`; composite keys and a bare
    /// `id` take the target's name.
    func belongsToName(_ key: ForeignKey, targetType: String) -> String {
        let targetName = Words.lowerCamel(Words.split(targetType))
        guard key.columns.count == 1 else { return targetName }
        var words = Words.split(key.columns[0])
        if words.count > 1, let last = words.last, Self.keyWords.contains(last.lowercased()) {
            words.removeLast()
        } else if words.count > 1, let first = words.first, Self.keyWords.contains(first.lowercased()) {
            words.removeFirst()
        }
        if words.isEmpty || (words.count == 1 && Self.keyWords.contains(words[0].lowercased())) { return targetName }
        return Words.lowerCamel(words)
    }

    /// True when no two rows can share values of `columns`: a key or unique index covers them.
    private func columnsAreUnique(_ columns: [String], in relation: Relation) -> Bool {
        // Keys have a column or two: `contains` beats building sets.
        func covered(_ key: [String]) -> Bool { key.allSatisfy { columns.contains($0) } }
        if let key = relation.primaryKey, covered(key.columns) { return true }
        if relation.uniqueConstraints.contains(where: { covered($0.columns) }) { return true }
        return relation.indexes.contains { index in
            index.guaranteesUniqueness && covered(index.columns.compactMap { $0 })
        }
    }

    private func columnList(_ columns: [String]) -> String {
        columns.map { "`\($0)`" }.joined(separator: ", ")
    }

    private func constraintDescription(_ key: ForeignKey) -> String {
        var parts = ["`\(key.name)`"]
        if key.onDelete != .noAction { parts.append("ON DELETE \(key.onDelete.sql)") }
        if key.onUpdate != .noAction { parts.append("ON UPDATE \(key.onUpdate.sql)") }
        return parts.joined(separator: ", ")
    }
}
