import SchemaModel

/// Turns the rows of the catalog queries into a sorted, OID-free ``SchemaSnapshot``.
///
/// Every value is read by its column's name (the query's ``CatalogColumn`` enum); a column the
/// query does not return, or a NULL where the query promises a value, is an error naming both.
struct SnapshotAssembler<Table: CatalogTable> {
    let results: CatalogResults<Table>
    let requestedSchemas: [String]

    typealias Columns = CatalogQueries

    func assemble() throws(IntrospectionError) -> SchemaSnapshot {
        let namespaces = try readNamespaces()
        let typeRows = try CatalogRows<Columns.TypeColumn, Table>(results.types)
        let typeNames = try readTypeNames(typeRows)
        var relations: [Relation] = []
        var indexByOID: [Int: Int] = [:]
        var viewQueryTrees: [(relation: Int, tree: String)] = []
        try readRelations(into: &relations, indexByOID: &indexByOID, viewQueryTrees: &viewQueryTrees)
        // View origins name columns by number; only those columns' names are kept while reading.
        let viewOrigins = viewQueryTrees.map { ($0.relation, ViewColumnOrigins.origins(inQueryTree: $0.tree)) }
        let wanted = Set(viewOrigins.flatMap { $0.1.values })
        let attributeNames = try readColumns(into: &relations, indexByOID: indexByOID, typeNames: typeNames, naming: wanted)
        try readConstraints(into: &relations, indexByOID: indexByOID)
        try readIndexes(into: &relations, indexByOID: indexByOID)
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
        let types = try readTypes(typeRows, typeNames: typeNames).sorted { $0.qualifiedName < $1.qualifiedName }
        return SchemaSnapshot(schemas: namespaces, relations: relations, types: types)
    }

    private func readNamespaces() throws(IntrospectionError) -> [Namespace] {
        let rows = try CatalogRows<Columns.SchemaColumn, Table>(results.schemas)
        var found: [Namespace] = []
        var available: [String] = []
        var database = ""
        for row in 0..<rows.count {
            let name = try rows.required(row, .name)
            database = try rows.required(row, .database)
            if try rows.bool(row, .requested) {
                found.append(Namespace(name: name, comment: rows.string(row, .comment)))
            }
            if !name.hasPrefix("pg_") && name != "information_schema" { available.append(name) }
        }
        let missing = requestedSchemas.filter { name in !found.contains { $0.name == name } }
        guard missing.isEmpty else {
            throw .schemasMissing(missing, database: database, available: available.sorted())
        }
        return found.sorted { $0.name < $1.name }
    }

    private func readRelations(into relations: inout [Relation], indexByOID: inout [Int: Int],
                               viewQueryTrees: inout [(relation: Int, tree: String)]) throws(IntrospectionError) {
        let rows = try CatalogRows<Columns.RelationColumn, Table>(results.relations)
        relations.reserveCapacity(rows.count)
        for row in 0..<rows.count {
            let kind: RelationKind
            switch try rows.code(row, .kind) {
            case UInt8(ascii: "p"): kind = .partitionedTable
            case UInt8(ascii: "v"): kind = .view
            case UInt8(ascii: "m"): kind = .materializedView
            case UInt8(ascii: "f"): kind = .foreignTable
            default: kind = .table
            }
            var partitionOf: QualifiedName?
            if try rows.bool(row, .isPartition) {
                partitionOf = QualifiedName(schema: try rows.required(row, .partitionParentSchema),
                                            name: try rows.required(row, .partitionParentName))
            }
            let parents = zip(try rows.strings(row, .parentSchemas), try rows.strings(row, .parentNames))
                .map { QualifiedName(schema: $0, name: $1) }
            indexByOID[try rows.int(row, .oid)] = relations.count
            if let tree = rows.string(row, .viewQueryTree) { viewQueryTrees.append((relations.count, tree)) }
            relations.append(Relation(
                schema: try rows.required(row, .schema),
                name: try rows.required(row, .name),
                kind: kind,
                comment: rows.string(row, .comment),
                columns: [],
                partitionOf: partitionOf,
                inheritsFrom: parents,
                viewDefinition: rows.string(row, .viewDefinition)
            ))
        }
    }

    /// Returns the names of the `wanted` columns (those view origins point at).
    private func readColumns(into relations: inout [Relation], indexByOID: [Int: Int], typeNames: [Int: QualifiedName],
                             naming wanted: Set<ViewColumnOrigins.Origin>) throws(IntrospectionError) -> [ViewColumnOrigins.Origin: String] {
        var names: [ViewColumnOrigins.Origin: String] = [:]
        let rows = try CatalogRows<Columns.ColumnColumn, Table>(results.columns)
        for row in 0..<rows.count {
            let relationOID = try rows.int(row, .relationOID)
            guard let index = indexByOID[relationOID] else { continue }
            let name = try rows.required(row, .name)
            if !wanted.isEmpty {
                let attribute = ViewColumnOrigins.Origin(relationOID: relationOID, attributeNumber: try rows.int(row, .attributeNumber))
                if wanted.contains(attribute) { names[attribute] = name }
            }
            let identity: IdentityKind? = switch try rows.code(row, .identity) {
            case UInt8(ascii: "a"): .always
            case UInt8(ascii: "d"): .byDefault
            default: nil
            }
            let generated = try rows.code(row, .generated)
            let isGenerated = generated == UInt8(ascii: "s") || generated == UInt8(ascii: "v")
            let expression = rows.string(row, .expression)
            let notNullNotValid = try rows.bool(row, .notNullNotValid)
            let typeOID = try rows.int(row, .typeOID)
            guard let type = typeNames[typeOID] else {
                throw .catalogValueMissing(query: Columns.TypeColumn.query, column: Columns.TypeColumn.oid.rawValue,
                                           detail: "no row for type \(typeOID), the type of \(relations[index].qualifiedName).\(name)")
            }
            relations[index].columns.append(Column(
                name: name,
                type: type,
                sqlType: try rows.required(row, .sqlType),
                isNullable: !(try rows.bool(row, .notNull)) || notNullNotValid,
                defaultExpression: isGenerated ? nil : expression,
                identity: identity,
                generatedExpression: isGenerated ? expression : nil,
                isVirtual: generated == UInt8(ascii: "v") ? true : nil,
                notNullNotValid: notNullNotValid ? true : nil,
                dimensions: try rows.int(row, .dimensions),
                comment: rows.string(row, .comment)
            ))
        }
        return names
    }
}
