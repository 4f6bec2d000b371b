import SchemaModel

/// Makes every generation decision: which relations become entities, every Swift name, every
/// type, every relation. Its output is a ``GenerationPlan``; it writes no text.
public struct Translator {
    let snapshot: SchemaSnapshot
    let options: GeneratorOptions

    public init(snapshot: SchemaSnapshot, options: GeneratorOptions) {
        self.snapshot = snapshot
        self.options = options
    }

    /// The plan.
    public func plan() throws -> GenerationPlan {
        try plan(reusing: nil)
    }

    /// The first half of translation: names and properties, which need only relations, columns
    /// and types. Run on a snapshot without constraints (``CatalogReader`` hands one over while
    /// the server still reads keys), it lets ``plan(reusing:)`` skip that half. Never throws:
    /// a problem here is found again, and reported, by ``plan(reusing:)``.
    public func translateColumns() -> ColumnTranslation {
        do {
            try checkOptions()
            var ignored = Diagnostics()
            return ColumnTranslation(translated: try translateColumns(of: try selectRelations(&ignored)))
        } catch {
            return ColumnTranslation(translated: nil)
        }
    }

    /// The plan, taking names and properties from `columns` when it was made from the same
    /// relations and columns as this snapshot's.
    public func plan(reusing columns: ColumnTranslation?) throws -> GenerationPlan {
        try checkOptions()
        var diagnostics = Diagnostics()
        let relations = try selectRelations(&diagnostics)

        let renames = Renames(options: options)
        try renames.ambiguousRelationKeys(in: relations)
        let first: TranslatedColumns
        if let reused = columns?.translated, reused.matches(relations) {
            first = reused
        } else {
            first = try translateColumns(of: relations)
        }
        let (typesByName, generatedTypes, named, mapper, columnTranslator) =
            (first.typesByName, first.generatedTypes, first.named, first.mapper, first.columnTranslator)

        let translated = Parallel.map(Array(relations.indices)) { index -> Result<(EntityPlan, Diagnostics), GenerationError> in
            var local = first.propertyDiagnostics[index]
            var properties = first.properties[index]
            if EntityTranslator.propertiesDependOnKeys(relations[index]) {
                local = Diagnostics()
                do throws(GenerationError) {
                    properties = try columnTranslator.properties(for: relations[index], diagnostics: &local)
                } catch {
                    return .failure(error)
                }
            }
            let entity = columnTranslator.entity(for: relations[index], typeName: named.entities[index],
                                                 renamedBy: named.entityRenamedBy[index], properties: properties, diagnostics: &local)
            return .success((entity, local))
        }
        var entities: [EntityPlan] = []
        for result in translated {
            let (entity, local) = try result.get()
            entities.append(entity)
            diagnostics.merge(local)
        }
        try RelationInference(relations: relations, entities: entities, renames: renames).addRelations(to: &entities, diagnostics: &diagnostics)
        reportUnusedOverrides(relations: relations, types: typesByName, diagnostics: &diagnostics)
        for key in renames.unmatchedKeys(relations: relations, types: generatedTypes) {
            diagnostics.warn(key, "rename matches no generated table, type, column, enum label or foreign key: check the name, or remove it")
        }

        var enums: [EnumPlan] = []
        var composites: [CompositePlan] = []
        var domains: [DomainPlan] = []
        for (index, type) in generatedTypes.enumerated() {
            let name = named.types[index]
            let renamedBy = named.typeRenamedBy[index]
            switch type.kind {
            case .enumeration:
                enums.append(try TypeTranslator.enumeration(type, typeName: name, renamedBy: renamedBy, columns: columnTranslator))
            case .composite:
                composites.append(try columnTranslator.composite(type, typeName: name, renamedBy: renamedBy, diagnostics: &diagnostics))
            case .domain:
                domains.append(TypeTranslator.domain(type, typeName: name, renamedBy: renamedBy, mapper: mapper))
            default:
                break
            }
        }
        ConformanceDecisions(options: options).apply(entities: &entities, enums: &enums, composites: &composites, diagnostics: &diagnostics)
        for index in entities.indices { entities[index].json = options.json }

        entities.sort { $0.typeName < $1.typeName }
        enums.sort { $0.typeName < $1.typeName }
        composites.sort { $0.typeName < $1.typeName }
        domains.sort { $0.typeName < $1.typeName }
        return GenerationPlan(
            accessLevel: options.accessLevel,
            imports: (["EntityKit", "Foundation"] + options.additionalImports + options.conformances.imports).uniquedSorted(),
            entities: entities,
            enums: enums,
            composites: composites,
            domains: domains,
            prelude: PreludePlan(
                registryName: ReservedNames.registry,
                schemas: options.schemas,
                entityTypes: entities.map(\.typeName),
                enumTypes: enums.map(\.typeName)),
            diagnostics: diagnostics.sorted
        )
    }

    private func checkOptions() throws {
        try options.validate()
        let available = Set(snapshot.schemas.map(\.name))
        if let missing = options.schemas.first(where: { !available.contains($0) }) {
            throw GenerationError.schemaNotInSnapshot(schema: missing, available: available.sorted())
        }
    }

    /// Names, type mapping and every entity's properties, for the selected `relations`.
    private func translateColumns(of relations: [Relation]) throws(GenerationError) -> TranslatedColumns {
        let renames = Renames(options: options)
        let typesByName = snapshot.typesByName
        let generatedTypes = reachableTypes(from: relations, types: typesByName)
        let named = try typeNames(relations: relations, types: generatedTypes, renames: renames)
        var generatedTypeNames: [QualifiedName: String] = [:]
        for (type, name) in zip(generatedTypes, named.types) { generatedTypeNames[type.qualifiedName] = name }

        let uses = Set(relations.flatMap { relation in relation.columns.map { MappingKey(type: $0.type, dimensions: $0.dimensions) } })
        let mapper = TypeMapper(types: typesByName, generatedTypeNames: generatedTypeNames, typeOverrides: options.typeOverrides,
                                optionalArrayElements: options.optionalArrayElements).memoizing(uses)
        let relationsByName = Dictionary(snapshot.relations.map { ($0.qualifiedName, $0) }, uniquingKeysWith: { first, _ in first })
        let columnTranslator = EntityTranslator(
            mapper: mapper, types: typesByName, relationsByName: relationsByName, columnOverrides: options.columnOverrides,
            renames: renames, generatedTypeNames: Set(named.entities + named.types))

        let translated = Parallel.map(Array(relations.indices)) { index -> Result<([PropertyPlan], Diagnostics), GenerationError> in
            var local = Diagnostics()
            do throws(GenerationError) {
                return .success((try columnTranslator.properties(for: relations[index], diagnostics: &local), local))
            } catch {
                return .failure(error)
            }
        }
        var properties: [[PropertyPlan]] = []
        var diagnostics: [Diagnostics] = []
        properties.reserveCapacity(relations.count)
        diagnostics.reserveCapacity(relations.count)
        for result in translated {
            let (list, local) = try result.get()
            properties.append(list)
            diagnostics.append(local)
        }
        return TranslatedColumns(
            relationNames: relations.map(\.qualifiedName), columnCounts: relations.map(\.columns.count),
            typesByName: typesByName, generatedTypes: generatedTypes, named: named, mapper: mapper,
            columnTranslator: columnTranslator, properties: properties, propertyDiagnostics: diagnostics)
    }

    /// Type names for entities, then enums, composites and domains, from one allocator (type
    /// names become file names, so they are unique case-insensitively). Renames are granted
    /// first; a rename that would take another type's own name is refused.
    private func typeNames(relations: [Relation], types: [TypeDefinition], renames: Renames) throws(GenerationError) -> AllocatedTypeNames {
        let primarySchema = options.schemas[0]
        let entityCandidates = relations.map { relation in
            NameCandidates.entity(
                schema: relation.schema, table: relation.name,
                isPrimarySchema: relation.schema == primarySchema,
                kindSuffix: relation.kind == .view || relation.kind == .materializedView ? "View" : "Table")
        }
        let typeCandidates = types.map { type in
            NameCandidates.type(
                schema: type.schema, name: type.name,
                isPrimarySchema: type.schema == primarySchema,
                kindSuffix: type.kind == .enumeration ? "Enum" : type.kind == .composite ? "Type" : "Domain")
        }
        var typeNamer = NameAllocator(reserved: ReservedNames.typeNames.union(SwiftIdentifiers.keywords), caseInsensitive: true)
        let owners = relations.map(\.qualifiedName) + types.map(\.qualifiedName)
        var renamed: [Int: (key: String, name: String)] = [:]
        for (index, owner) in owners.enumerated() {
            guard let rename = renames.type(schema: owner.schema, name: owner.name) else { continue }
            try Renames.checkType(rename.name, key: rename.key)
            renamed[index] = rename
        }
        guard !renamed.isEmpty else {
            return AllocatedTypeNames(entities: typeNamer.allocate(entityCandidates), types: typeNamer.allocate(typeCandidates),
                                      entityRenamedBy: Array(repeating: nil, count: relations.count),
                                      typeRenamedBy: Array(repeating: nil, count: types.count))
        }
        // Checked over both groups at once, so an entity's rename cannot take an enum's name.
        let all = entityCandidates + typeCandidates
        try Renames.check(renamed, candidates: all, allocator: typeNamer) { other in
            "the type of \(owners[other]) (named `\(all[other][0])`)"
        }
        let entityGranted = renamed.filter { $0.key < relations.count }.mapValues(\.name)
        let typeGranted = Dictionary(uniqueKeysWithValues: renamed.filter { $0.key >= relations.count }.map { ($0.key - relations.count, $0.value.name) })
        // Type renames are held from the start, so no entity falls back onto one.
        for name in typeGranted.values { typeNamer.reserve(name) }
        let entityNames = typeNamer.allocate(entityCandidates, granted: entityGranted)
        let typeNames = typeNamer.allocate(typeCandidates, granted: typeGranted)
        return AllocatedTypeNames(entities: entityNames, types: typeNames,
                                  entityRenamedBy: relations.indices.map { renamed[$0]?.key },
                                  typeRenamedBy: types.indices.map { renamed[relations.count + $0]?.key })
    }

    /// Relations of the requested schemas that become entities: not partitions, not filtered out,
    /// with at least one column.
    private func selectRelations(_ diagnostics: inout Diagnostics) throws(GenerationError) -> [Relation] {
        let schemas = Set(options.schemas)
        func matches(_ relation: Relation, _ pattern: String) -> Bool {
            pattern == relation.name || pattern == "\(relation.schema).\(relation.name)"
        }
        var partitions: [QualifiedName: [Relation]] = [:]
        for relation in snapshot.relations {
            if let parent = relation.partitionOf { partitions[parent, default: []].append(relation) }
        }
        var selected: [Relation] = []
        for relation in snapshot.relations where schemas.contains(relation.schema) && relation.partitionOf == nil {
            if !options.tables.isEmpty, !options.tables.contains(where: { matches(relation, $0) }) { continue }
            if options.ignoreTables.contains(where: { matches(relation, $0) }) { continue }
            // A table named in `tables` was asked for by name, hidden or not.
            if relation.name.hasPrefix("_"), !options.includeHiddenTables,
               !options.tables.contains(where: { matches(relation, $0) }) {
                diagnostics.warn(relation.qualifiedName.description, GenerationError.hiddenTableSkipped)
                continue
            }
            guard !relation.columns.isEmpty else {
                diagnostics.warn(relation.qualifiedName.description, "has no columns: no entity generated")
                continue
            }
            selected.append(PartitionKeys.lift(relation, partitions: partitions[relation.qualifiedName] ?? []))
        }
        let unmatched = options.tables.filter { pattern in
            !snapshot.relations.contains { schemas.contains($0.schema) && matches($0, pattern) }
        }
        if !unmatched.isEmpty {
            throw GenerationError.unmatchedTables(unmatched, schemas: options.schemas)
        }
        return selected
    }

    /// Enums, composites and domains that the selected relations use, directly or indirectly,
    /// sorted by qualified name.
    private func reachableTypes(from relations: [Relation], types: [QualifiedName: TypeDefinition]) -> [TypeDefinition] {
        var seen = Set<QualifiedName>()
        var stack = relations.flatMap { $0.columns.map(\.type) }
        while let name = stack.popLast() {
            guard seen.insert(name).inserted, let type = types[name] else { continue }
            if let element = type.element { stack.append(element) }
            if let base = type.domain?.baseType { stack.append(base) }
            if let attributes = type.attributes { stack.append(contentsOf: attributes.map(\.type)) }
            if let range = type.rangeElement { stack.append(range) }
        }
        return seen.compactMap { types[$0] }
            .filter { [.enumeration, .composite, .domain].contains($0.kind) }
            .sorted { $0.qualifiedName < $1.qualifiedName }
    }

    private func reportUnusedOverrides(relations: [Relation], types: [QualifiedName: TypeDefinition], diagnostics: inout Diagnostics) {
        guard !options.columnOverrides.isEmpty || !options.typeOverrides.isEmpty else { return }
        let columns = Set(relations.flatMap { relation in relation.columns.map { "\(relation.schema).\(relation.name).\($0.name)" } })
        for key in options.columnOverrides.keys.sorted() where !columns.contains(key) {
            diagnostics.warn(key, "column override names no generated column")
        }
        let typeKeys = Set(types.keys.flatMap { ["\($0.schema).\($0.name)", $0.name] })
        for key in options.typeOverrides.keys.sorted() where !typeKeys.contains(key) {
            diagnostics.warn(key, "type override names no type used by the generated columns")
        }
    }
}

/// The first half of a translation (see ``Translator/translateColumns()``), to hand to
/// ``Translator/plan(reusing:)``.
public struct ColumnTranslation: Sendable {
    /// Nil when translating failed; the plan then finds the problem again.
    let translated: TranslatedColumns?
}

/// Names, type mapping and properties of the selected relations.
struct TranslatedColumns: Sendable {
    let relationNames: [QualifiedName]
    let columnCounts: [Int]
    let typesByName: [QualifiedName: TypeDefinition]
    let generatedTypes: [TypeDefinition]
    let named: AllocatedTypeNames
    let mapper: TypeMapper
    let columnTranslator: EntityTranslator
    /// Per selected relation.
    let properties: [[PropertyPlan]]
    let propertyDiagnostics: [Diagnostics]

    /// True when made from these relations, with the same columns.
    func matches(_ relations: [Relation]) -> Bool {
        relations.count == relationNames.count
            && relations.indices.allSatisfy { relations[$0].qualifiedName == relationNames[$0] && relations[$0].columns.count == columnCounts[$0] }
    }
}

/// Type names, parallel to the relations and to the generated types, and the configuration
/// keys that chose them.
struct AllocatedTypeNames: Sendable {
    let entities: [String]
    let types: [String]
    let entityRenamedBy: [String?]
    let typeRenamedBy: [String?]
}

/// Collects diagnostics and returns them in a stable order.
struct Diagnostics: Sendable {
    private var items: [Diagnostic] = []
    private var seen = Set<String>()

    mutating func warn(_ subject: String, _ message: String) {
        add(Diagnostic(severity: .warning, subject: subject, message: message))
    }

    mutating func merge(_ other: Diagnostics) {
        for item in other.items { add(item) }
    }

    mutating func note(_ subject: String, _ message: String) {
        add(Diagnostic(severity: .note, subject: subject, message: message))
    }

    private mutating func add(_ diagnostic: Diagnostic) {
        if seen.insert(diagnostic.description).inserted { items.append(diagnostic) }
    }

    var sorted: [Diagnostic] {
        items.sorted { ($0.subject, $0.severity.rawValue, $0.message) < ($1.subject, $1.severity.rawValue, $1.message) }
    }
}

extension Array where Element == String {
    func uniquedSorted() -> [String] { Array(Set(self)).sorted() }
}
