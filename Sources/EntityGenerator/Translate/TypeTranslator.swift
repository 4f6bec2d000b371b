import SchemaModel

/// Plans for enums and domains.
enum TypeTranslator {
    static func enumeration(_ type: TypeDefinition, typeName: String, renamedBy: String?, columns: EntityTranslator) throws(GenerationError) -> EnumPlan {
        let labels = type.enumLabels ?? []
        let allocated = try columns.memberNames(
            labels.map { NameCandidates.member($0, fallback: "empty", suffix: "Case") }, owner: type.qualifiedName, originals: labels,
            reserved: ReservedNames.enumCaseNames, kind: "label")
        let cases = labels.indices.map { index in
            let (label, name) = (labels[index], allocated.names[index])
            let note = allocated.renamedBy[index].map { RenameNote.configured(name: name, key: $0) }
                ?? RenameNote.member(original: label, name: name, kind: "label")
            return EnumCasePlan(name: name, label: label, documentation: note.map { [$0] } ?? [])
        }
        var docs = EntityTranslator.commentLines(type.comment)
        if !docs.isEmpty { docs.append("") }
        docs.append("Enum type `\(type.qualifiedName)`; raw values are its labels, in the type's order.")
        if let renamedBy { docs += ["", RenameNote.configured(name: typeName, key: renamedBy)] }
        return EnumPlan(typeName: typeName, schema: type.schema, name: type.name, documentation: docs, cases: cases)
    }

    static func domain(_ type: TypeDefinition, typeName: String, renamedBy: String?, mapper: TypeMapper) -> DomainPlan {
        let domain = type.domain
        let underlying = domain.map { mapper.map($0.baseType, dimensions: $0.dimensions).type } ?? .known(.string)
        var docs = EntityTranslator.commentLines(type.comment)
        if !docs.isEmpty { docs.append("") }
        var declaration = "Domain `\(type.qualifiedName)` over `\(domain?.baseSQLType ?? "unknown")`"
        if domain?.isNotNull == true { declaration += " NOT NULL" }
        docs.append(declaration + ".")
        for check in domain?.checks ?? [] {
            docs.append("`\(check.name)`: `\(check.definition)`")
        }
        if let renamedBy { docs += ["", RenameNote.configured(name: typeName, key: renamedBy)] }
        return DomainPlan(typeName: typeName, schema: type.schema, name: type.name, documentation: docs, underlyingType: underlying)
    }
}
