import SchemaModel

/// Turns the rows of the catalog queries into a sorted, OID-free ``SchemaSnapshot``.
///
/// Every value is read by its column's name (the query's ``CatalogColumn`` enum); a column the
/// query does not return, or a NULL where the query promises a value, is an error naming both.
///
/// Assembly runs in two halves, so that a caller can work on relations, columns and types
/// while the server still answers the constraints and indexes queries:
/// ``assembleColumns()`` needs only the first four results, ``complete(_:constraints:indexes:)``
/// adds the last two.
struct SnapshotAssembler<Table: CatalogTable> {
    let schemas: Table
    let relations: Table
    let columns: Table
    let types: Table
    let requestedSchemas: [String]
    /// The constraints and indexes results, when they were given up front.
    private let keyTables: (constraints: Table, indexes: Table)?

    typealias Columns = CatalogQueries

    /// An assembler for the first half only (see ``assembleColumns()``).
    init(schemas: Table, relations: Table, columns: Table, types: Table, requestedSchemas: [String]) {
        self.schemas = schemas
        self.relations = relations
        self.columns = columns
        self.types = types
        self.requestedSchemas = requestedSchemas
        keyTables = nil
    }

    /// An assembler of every result, for ``assemble()``.
    init(results: CatalogResults<Table>, requestedSchemas: [String]) {
        schemas = results.schemas
        relations = results.relations
        columns = results.columns
        types = results.types
        self.requestedSchemas = requestedSchemas
        keyTables = (results.constraints, results.indexes)
    }

    /// The whole snapshot, from an assembler made with every result.
    func assemble() throws(IntrospectionError) -> SchemaSnapshot {
        guard let keyTables else { preconditionFailure("assemble() needs the constraints and indexes results") }
        return try complete(try assembleColumns(), constraints: keyTables.constraints, indexes: keyTables.indexes)
    }

    /// Schemas, relations with their columns, and types: everything but constraints and
    /// indexes, already sorted as the final snapshot is.
    func assembleColumns() throws(IntrospectionError) -> ColumnAssembly {
        let namespaces = try readNamespaces()
        let typeRows = try CatalogRows<Columns.TypeColumn, Table>(types)
        let typeNames = try readTypeNames(typeRows)
        var relations: [Relation] = []
        var oids: [Int] = []
        var indexByOID: [Int: Int] = [:]
        var viewQueryTrees: [(relation: Int, tree: String)] = []
        try readRelations(into: &relations, oids: &oids, indexByOID: &indexByOID, viewQueryTrees: &viewQueryTrees)
        // View origins name columns by number; only those columns' names are kept while reading.
        let viewOrigins = viewQueryTrees.map { ($0.relation, ViewColumnOrigins.origins(inQueryTree: $0.tree)) }
        let wanted = Set(viewOrigins.flatMap { $0.1.values })
        let attributeNames = try readColumns(into: &relations, indexByOID: indexByOID, typeNames: typeNames, naming: wanted)
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
        // Sorted now, so the second half adds keys in place; OIDs follow their relations.
        let order = relations.indices.sorted { relations[$0].qualifiedName < relations[$1].qualifiedName }
        let sorted = order.map { relations[$0] }
        var sortedIndexByOID: [Int: Int] = [:]
        sortedIndexByOID.reserveCapacity(order.count)
        for (position, original) in order.enumerated() { sortedIndexByOID[oids[original]] = position }
        let types = try readTypes(typeRows, typeNames: typeNames).sorted { $0.qualifiedName < $1.qualifiedName }
        return ColumnAssembly(snapshot: SchemaSnapshot(schemas: namespaces, relations: sorted, types: types), indexByOID: sortedIndexByOID)
    }

    /// The snapshot with the constraints and indexes results added to `assembly`.
    func complete(_ assembly: ColumnAssembly, constraints: Table, indexes: Table) throws(IntrospectionError) -> SchemaSnapshot {
        var snapshot = assembly.snapshot
        try readConstraints(constraints, into: &snapshot.relations, indexByOID: assembly.indexByOID)
        try readIndexes(indexes, into: &snapshot.relations, indexByOID: assembly.indexByOID)
        for index in snapshot.relations.indices {
            snapshot.relations[index].uniqueConstraints.sort { $0.name < $1.name }
            snapshot.relations[index].foreignKeys.sort { $0.name < $1.name }
            snapshot.relations[index].checkConstraints.sort { $0.name < $1.name }
            snapshot.relations[index].indexes.sort { $0.name < $1.name }
        }
        return snapshot
    }

    private func readNamespaces() throws(IntrospectionError) -> [Namespace] {
        let rows = try CatalogRows<Columns.SchemaColumn, Table>(schemas)
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

    private func readRelations(into relations: inout [Relation], oids: inout [Int], indexByOID: inout [Int: Int],
                               viewQueryTrees: inout [(relation: Int, tree: String)]) throws(IntrospectionError) {
        let rows = try CatalogRows<Columns.RelationColumn, Table>(self.relations)
        relations.reserveCapacity(rows.count)
        oids.reserveCapacity(rows.count)
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
            let oid = try rows.int(row, .oid)
            indexByOID[oid] = relations.count
            oids.append(oid)
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
        let rows = try CatalogRows<Columns.ColumnColumn, Table>(columns)
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

extension SnapshotAssembler: Sendable where Table: Sendable {}

/// The first half of a snapshot's assembly: no constraints or indexes yet.
struct ColumnAssembly: Sendable {
    /// Relations (sorted, with columns), schemas and types.
    var snapshot: SchemaSnapshot
    /// Each relation's position in `snapshot.relations`, by OID.
    var indexByOID: [Int: Int]
}
