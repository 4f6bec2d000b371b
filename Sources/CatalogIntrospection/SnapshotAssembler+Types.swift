import SchemaModel

extension SnapshotAssembler {
    func readTypeNames(_ rows: CatalogRows<Columns.TypeColumn, Table>) throws(IntrospectionError) -> [Int: QualifiedName] {
        var names: [Int: QualifiedName] = [:]
        names.reserveCapacity(rows.count)
        for row in 0..<rows.count {
            names[try rows.int(row, .oid)] = QualifiedName(schema: try rows.required(row, .schema), name: try rows.required(row, .name))
        }
        return names
    }

    func readTypes(_ rows: CatalogRows<Columns.TypeColumn, Table>, typeNames: [Int: QualifiedName]) throws(IntrospectionError) -> [TypeDefinition] {
        var types: [TypeDefinition] = []
        types.reserveCapacity(rows.count)
        // The types query is closed over the types it refers to, so every OID has a row.
        func name(_ oid: Int, _ row: Int, _ column: Columns.TypeColumn) throws(IntrospectionError) -> QualifiedName {
            guard let name = typeNames[oid] else {
                throw .catalogValueMissing(
                    query: Columns.TypeColumn.query, column: column.rawValue, detail: "row \(row + 1) names type \(oid), which has no row")
            }
            return name
        }
        for row in 0..<rows.count {
            var definition = TypeDefinition(
                schema: try rows.required(row, .schema),
                name: try rows.required(row, .name),
                kind: .base,
                category: try rows.required(row, .category),
                hasBinaryIO: try rows.bool(row, .binaryIO),
                comment: rows.string(row, .comment)
            )
            switch try rows.code(row, .kind) {
            case UInt8(ascii: "e"):
                definition.kind = .enumeration
                definition.enumLabels = try rows.strings(row, .enumLabels)
            case UInt8(ascii: "d"):
                definition.kind = .domain
                let checks = zip(try rows.strings(row, .checkNames), try rows.strings(row, .checkDefinitions))
                    .map { CheckConstraint(name: $0, definition: $1) }
                definition.domain = DomainDetails(
                    baseType: try name(try rows.int(row, .baseTypeOID), row, .baseTypeOID),
                    baseSQLType: try rows.required(row, .baseSQLType),
                    isNotNull: try rows.bool(row, .notNull),
                    defaultExpression: rows.string(row, .defaultExpression),
                    dimensions: try rows.int(row, .dimensions),
                    checks: checks
                )
            case UInt8(ascii: "c"):
                definition.kind = .composite
                let names = try rows.strings(row, .attributeNames)
                let oids = try rows.ints(row, .attributeTypeOIDs)
                let sqlTypes = try rows.strings(row, .attributeSQLTypes)
                guard oids.count == names.count, sqlTypes.count == names.count else {
                    throw .catalogValueMissing(query: Columns.TypeColumn.query, column: Columns.TypeColumn.attributeTypeOIDs.rawValue,
                                               detail: "row \(row + 1) has \(names.count) attribute names, \(oids.count) types and \(sqlTypes.count) SQL types")
                }
                var attributes: [CompositeAttribute] = []
                for position in names.indices {
                    attributes.append(CompositeAttribute(name: names[position], type: try name(oids[position], row, .attributeTypeOIDs),
                                                         sqlType: sqlTypes[position]))
                }
                definition.attributes = attributes
            case UInt8(ascii: "r"):
                definition.kind = .range
                definition.rangeElement = try name(try rows.int(row, .rangeElementOID), row, .rangeElementOID)
            case UInt8(ascii: "m"):
                definition.kind = .multirange
                definition.rangeElement = try name(try rows.int(row, .rangeElementOID), row, .rangeElementOID)
            case UInt8(ascii: "p"):
                definition.kind = .pseudo
            default:
                if let element = try rows.optionalInt(row, .elementOID) {
                    definition.kind = .array
                    definition.element = try name(element, row, .elementOID)
                }
            }
            types.append(definition)
        }
        return types
    }
}
