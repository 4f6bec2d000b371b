import SchemaModel

/// Turns the rows of the catalog queries into a sorted, OID-free ``SchemaSnapshot``.
///
/// Column positions follow the SELECT lists in ``CatalogQueries``.
struct SnapshotAssembler {
    let results: CatalogResults
    let requestedSchemas: [String]

    func assemble() throws(IntrospectionError) -> SchemaSnapshot {
        let namespaces = try readNamespaces()
        let typeNames = readTypeNames()
        var relations: [Relation] = []
        var indexByOID: [Int: Int] = [:]
        var viewQueryTrees: [(relation: Int, tree: String)] = []
        readRelations(into: &relations, indexByOID: &indexByOID, viewQueryTrees: &viewQueryTrees)
        // View origins name columns by number; only those columns' names are kept while reading.
        let viewOrigins = viewQueryTrees.map { ($0.relation, ViewColumnOrigins.origins(inQueryTree: $0.tree)) }
        let wanted = Set(viewOrigins.flatMap { $0.1.values })
        let attributeNames = readColumns(into: &relations, indexByOID: indexByOID, typeNames: typeNames, naming: wanted)
        readConstraints(into: &relations, indexByOID: indexByOID)
        readIndexes(into: &relations, indexByOID: indexByOID)
        for (relationIndex, origins) in viewOrigins {
            for (position, origin) in origins {
                guard let originIndex = indexByOID[origin.relationOID],
                      let columnName = attributeNames[origin],
                      position >= 1, position <= relations[relationIndex].columns.count
                else { continue }
                relations[relationIndex].columns[position - 1].origin = ColumnReference(
                    relation: relations[originIndex].qualifiedName, column: columnName)
            }
        }
        for index in relations.indices {
            relations[index].uniqueConstraints.sort { $0.name < $1.name }
            relations[index].foreignKeys.sort { $0.name < $1.name }
            relations[index].checkConstraints.sort { $0.name < $1.name }
            relations[index].indexes.sort { $0.name < $1.name }
        }
        relations.sort { $0.qualifiedName < $1.qualifiedName }
        let types = readTypes(typeNames: typeNames).sorted { $0.qualifiedName < $1.qualifiedName }
        return SchemaSnapshot(schemas: namespaces, relations: relations, types: types)
    }

    private func readNamespaces() throws(IntrospectionError) -> [Namespace] {
        let table = results.schemas
        var found: [Namespace] = []
        var available: [String] = []
        var database = ""
        for row in 0..<table.rowCount {
            let name = table.requiredString(row, 0)
            database = table.requiredString(row, 3)
            if table.bool(row, 2) {
                found.append(Namespace(name: name, comment: table.string(row, 1)))
            }
            if !name.hasPrefix("pg_") && name != "information_schema" { available.append(name) }
        }
        let missing = requestedSchemas.filter { name in !found.contains { $0.name == name } }
        guard missing.isEmpty else {
            throw .schemasMissing(missing, database: database, available: available.sorted())
        }
        return found.sorted { $0.name < $1.name }
    }

    private func readTypeNames() -> [Int: QualifiedName] {
        let table = results.types
        var names: [Int: QualifiedName] = [:]
        names.reserveCapacity(table.rowCount)
        for row in 0..<table.rowCount {
            names[table.int(row, 0)] = QualifiedName(schema: table.requiredString(row, 1), name: table.requiredString(row, 2))
        }
        return names
    }

    private func readRelations(into relations: inout [Relation], indexByOID: inout [Int: Int], viewQueryTrees: inout [(relation: Int, tree: String)]) {
        let table = results.relations
        relations.reserveCapacity(table.rowCount)
        for row in 0..<table.rowCount {
            let kind: RelationKind
            switch table.character(row, 3) {
            case "p": kind = .partitionedTable
            case "v": kind = .view
            case "m": kind = .materializedView
            case "f": kind = .foreignTable
            default: kind = .table
            }
            var partitionOf: QualifiedName?
            if table.bool(row, 4), let schema = table.string(row, 6), let name = table.string(row, 7) {
                partitionOf = QualifiedName(schema: schema, name: name)
            }
            let parents = zip(table.stringArray(row, 8), table.stringArray(row, 9)).map { QualifiedName(schema: $0, name: $1) }
            indexByOID[table.int(row, 0)] = relations.count
            if let tree = table.string(row, 11) { viewQueryTrees.append((relations.count, tree)) }
            relations.append(Relation(
                schema: table.requiredString(row, 1),
                name: table.requiredString(row, 2),
                kind: kind,
                comment: table.string(row, 5),
                columns: [],
                partitionOf: partitionOf,
                inheritsFrom: parents,
                viewDefinition: table.string(row, 10)
            ))
        }
    }

    /// Returns the names of the `wanted` columns (those view origins point at).
    private func readColumns(into relations: inout [Relation], indexByOID: [Int: Int], typeNames: [Int: QualifiedName],
                             naming wanted: Set<ViewColumnOrigins.Origin>) -> [ViewColumnOrigins.Origin: String] {
        var names: [ViewColumnOrigins.Origin: String] = [:]
        let table = results.columns
        for row in 0..<table.rowCount {
            let relationOID = table.int(row, 0)
            guard let index = indexByOID[relationOID] else { continue }
            let name = table.requiredString(row, 2)
            if !wanted.isEmpty {
                let attribute = ViewColumnOrigins.Origin(relationOID: relationOID, attributeNumber: table.int(row, 1))
                if wanted.contains(attribute) { names[attribute] = name }
            }
            let identity: IdentityKind? = switch table.character(row, 7) {
            case "a": .always
            case "d": .byDefault
            default: nil
            }
            let isGenerated = table.character(row, 8) == "s"
            let expression = table.string(row, 6)
            relations[index].columns.append(Column(
                name: name,
                type: typeNames[table.int(row, 3)] ?? QualifiedName(schema: "pg_catalog", name: "unknown"),
                sqlType: table.requiredString(row, 4),
                isNullable: !table.bool(row, 5),
                defaultExpression: isGenerated ? nil : expression,
                identity: identity,
                generatedExpression: isGenerated ? expression : nil,
                dimensions: table.int(row, 9),
                comment: table.string(row, 10)
            ))
        }
        return names
    }

    private func readConstraints(into relations: inout [Relation], indexByOID: [Int: Int]) {
        let table = results.constraints
        for row in 0..<table.rowCount {
            guard let index = indexByOID[table.int(row, 0)] else { continue }
            let name = table.requiredString(row, 1)
            let columns = table.stringArray(row, 3)
            let comment = table.string(row, 11)
            switch table.character(row, 2) {
            case "p":
                relations[index].primaryKey = KeyConstraint(name: name, columns: columns, comment: comment)
            case "u":
                relations[index].uniqueConstraints.append(KeyConstraint(name: name, columns: columns, comment: comment))
            case "f":
                relations[index].foreignKeys.append(ForeignKey(
                    name: name,
                    columns: columns,
                    referencedRelation: QualifiedName(schema: table.requiredString(row, 4), name: table.requiredString(row, 5)),
                    referencedColumns: table.stringArray(row, 6),
                    onUpdate: Self.action(table.character(row, 7)),
                    onDelete: Self.action(table.character(row, 8)),
                    isDeferrable: table.bool(row, 9),
                    comment: comment
                ))
            default:
                relations[index].checkConstraints.append(CheckConstraint(name: name, definition: table.requiredString(row, 10)))
            }
        }
    }

    private static func action(_ code: Character?) -> ReferentialAction {
        switch code {
        case "r": .restrict
        case "c": .cascade
        case "n": .setNull
        case "d": .setDefault
        default: .noAction
        }
    }

    private func readIndexes(into relations: inout [Relation], indexByOID: [Int: Int]) {
        let table = results.indexes
        for row in 0..<table.rowCount {
            guard let index = indexByOID[table.int(row, 0)] else { continue }
            relations[index].indexes.append(Index(
                name: table.requiredString(row, 1),
                columns: table.optionalStringArray(row, 3),
                isUnique: table.bool(row, 2),
                predicate: table.string(row, 4),
                method: table.requiredString(row, 5),
                definition: table.requiredString(row, 6)
            ))
        }
    }

    private func readTypes(typeNames: [Int: QualifiedName]) -> [TypeDefinition] {
        let table = results.types
        var types: [TypeDefinition] = []
        types.reserveCapacity(table.rowCount)
        func name(_ oid: Int) -> QualifiedName {
            typeNames[oid] ?? QualifiedName(schema: "pg_catalog", name: "unknown")
        }
        for row in 0..<table.rowCount {
            let category = table.requiredString(row, 4)
            let element = table.string(row, 7).flatMap(Int.init).map(name)
            var definition = TypeDefinition(
                schema: table.requiredString(row, 1),
                name: table.requiredString(row, 2),
                kind: .base,
                category: category,
                hasBinaryIO: table.bool(row, 5),
                comment: table.string(row, 6)
            )
            switch table.character(row, 3) {
            case "e":
                definition.kind = .enumeration
                definition.enumLabels = table.stringArray(row, 8)
            case "d":
                definition.kind = .domain
                let checks = zip(table.stringArray(row, 14), table.stringArray(row, 15)).map { CheckConstraint(name: $0, definition: $1) }
                definition.domain = DomainDetails(
                    baseType: name(table.int(row, 9)),
                    baseSQLType: table.requiredString(row, 10),
                    isNotNull: table.bool(row, 11),
                    defaultExpression: table.string(row, 12),
                    dimensions: table.int(row, 13),
                    checks: checks
                )
            case "c":
                definition.kind = .composite
                let names = table.stringArray(row, 16)
                let oids = table.intArray(row, 17)
                let sqlTypes = table.stringArray(row, 18)
                definition.attributes = names.indices.map { position in
                    CompositeAttribute(
                        name: names[position],
                        type: position < oids.count ? name(oids[position]) : QualifiedName(schema: "pg_catalog", name: "unknown"),
                        sqlType: position < sqlTypes.count ? sqlTypes[position] : "unknown"
                    )
                }
            case "r":
                definition.kind = .range
                definition.rangeElement = table.string(row, 19).flatMap(Int.init).map(name)
            case "m":
                definition.kind = .multirange
                definition.rangeElement = table.string(row, 19).flatMap(Int.init).map(name)
            case "p":
                definition.kind = .pseudo
            default:
                if let element {
                    definition.kind = .array
                    definition.element = element
                }
            }
            types.append(definition)
        }
        return types
    }
}
