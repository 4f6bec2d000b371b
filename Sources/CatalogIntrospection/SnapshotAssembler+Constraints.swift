import SchemaModel

extension SnapshotAssembler {
    func readConstraints(_ table: Table, into relations: inout [Relation], indexByOID: [Int: Int]) throws(IntrospectionError) {
        let rows = try CatalogRows<Columns.ConstraintColumn, Table>(table)
        for row in 0..<rows.count {
            guard let index = indexByOID[try rows.int(row, .relationOID)] else { continue }
            let name = try rows.required(row, .name)
            let columns = try rows.strings(row, .columns)
            let comment = rows.string(row, .comment)
            // A temporal key's (PostgreSQL 18) WITHOUT OVERLAPS or PERIOD column is its last.
            let isPeriod = try rows.bool(row, .isPeriod)
            switch try rows.code(row, .kind) {
            case UInt8(ascii: "p"):
                relations[index].primaryKey = KeyConstraint(name: name, columns: columns, comment: comment,
                                                            withoutOverlaps: isPeriod ? columns.last : nil)
            case UInt8(ascii: "u"):
                relations[index].uniqueConstraints.append(KeyConstraint(name: name, columns: columns, comment: comment,
                                                                        withoutOverlaps: isPeriod ? columns.last : nil))
            case UInt8(ascii: "f"):
                let referencedColumns = try rows.strings(row, .referencedColumns)
                relations[index].foreignKeys.append(ForeignKey(
                    name: name,
                    columns: columns,
                    referencedRelation: QualifiedName(schema: try rows.required(row, .referencedSchema),
                                                      name: try rows.required(row, .referencedRelation)),
                    referencedColumns: referencedColumns,
                    onUpdate: Self.action(try rows.code(row, .onUpdate)),
                    onDelete: Self.action(try rows.code(row, .onDelete)),
                    isDeferrable: try rows.bool(row, .isDeferrable),
                    comment: comment,
                    period: isPeriod ? columns.last : nil,
                    referencedPeriod: isPeriod ? referencedColumns.last : nil,
                    isEnforced: try rows.bool(row, .isEnforced) ? nil : false,
                    isValidated: try rows.bool(row, .isValidated) ? nil : false
                ))
            default:
                relations[index].checkConstraints.append(CheckConstraint(name: name, definition: try rows.required(row, .definition)))
            }
        }
    }

    private static func action(_ code: UInt8) -> ReferentialAction {
        switch code {
        case UInt8(ascii: "r"): .restrict
        case UInt8(ascii: "c"): .cascade
        case UInt8(ascii: "n"): .setNull
        case UInt8(ascii: "d"): .setDefault
        default: .noAction
        }
    }

    func readIndexes(_ table: Table, into relations: inout [Relation], indexByOID: [Int: Int]) throws(IntrospectionError) {
        let rows = try CatalogRows<Columns.IndexColumn, Table>(table)
        for row in 0..<rows.count {
            guard let index = indexByOID[try rows.int(row, .relationOID)] else { continue }
            relations[index].indexes.append(Index(
                name: try rows.required(row, .name),
                columns: try rows.optionalStrings(row, .columns),
                isUnique: try rows.bool(row, .isUnique),
                predicate: rows.string(row, .predicate),
                method: try rows.required(row, .method),
                definition: try rows.required(row, .definition)
            ))
        }
    }
}
