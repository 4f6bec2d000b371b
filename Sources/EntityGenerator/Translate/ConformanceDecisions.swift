/// Decides the protocols generated types conform to beyond what the generator requires:
/// `Identifiable` for entities keyed by one column, and the configuration's extra protocols.
struct ConformanceDecisions {
    let options: GeneratorOptions

    func apply(entities: inout [EntityPlan], enums: inout [EnumPlan], composites: inout [CompositePlan], diagnostics: inout Diagnostics) {
        let conformances = options.conformances
        var matched = Set<String>()
        for index in entities.indices {
            let key = "\(entities[index].schema).\(entities[index].table)"
            if conformances.types[key] != nil { matched.insert(key) }
            if options.identifiable { entities[index].identity = identity(of: entities[index], diagnostics: &diagnostics) }
            var given: Set<String> = [entities[index].conformance.knownType.spelling, KnownType.hashable.spelling]
            if entities[index].identity != nil { given.insert(KnownType.identifiable.spelling) }
            entities[index].additionalConformances = Self.added(conformances.all + conformances.entities + (conformances.types[key] ?? []), besides: given)
        }
        for index in enums.indices {
            let key = "\(enums[index].schema).\(enums[index].name)"
            if conformances.types[key] != nil { matched.insert(key) }
            enums[index].additionalConformances = Self.added(conformances.all + conformances.enums + (conformances.types[key] ?? []),
                                                             besides: [KnownType.string.spelling, KnownType.pgEnum.spelling])
        }
        for index in composites.indices {
            let key = "\(composites[index].schema).\(composites[index].name)"
            if conformances.types[key] != nil { matched.insert(key) }
            composites[index].additionalConformances = Self.added(conformances.all + conformances.composites + (conformances.types[key] ?? []),
                                                                  besides: [KnownType.pgComposite.spelling])
        }
        for key in conformances.types.keys.sorted() where !matched.contains(key) {
            diagnostics.warn(key, "conformance names no generated entity, enum or composite: check the name (schema.name), or remove it")
        }
    }

    /// `Identifiable` through the single-column key, unless another property is named `id`.
    private func identity(of entity: EntityPlan, diagnostics: inout Diagnostics) -> IdentityPlan? {
        guard entity.conformance == .keyedEntity, let key = entity.primaryKey, !key.isComposite, let property = key.properties.first else {
            return nil
        }
        if property != "id", let taken = entity.properties.first(where: { $0.name == "id" }) {
            diagnostics.note(
                "\(entity.schema).\(entity.table)",
                "not Identifiable: its property `id` is the column `\(taken.columnName)`, not the primary key `\(property)`; "
                    + "rename one of them in codegen.json (\"renames\") to get Identifiable")
            return nil
        }
        return IdentityPlan(property: property, type: key.type)
    }

    /// The protocols in `names`, once each, in order, without those the type already has.
    private static func added(_ names: [String], besides given: Set<String>) -> [SwiftType] {
        var seen = given
        return names.filter { seen.insert($0).inserted }.map { .user($0) }
    }
}
