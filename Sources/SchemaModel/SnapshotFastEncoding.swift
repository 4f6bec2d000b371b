/// Hand-written encoding of columns and qualified names into the tree, the counterpart of
/// `SnapshotFastDecoding` and under the same guard: it is used only while `Column`,
/// `QualifiedName` and `ColumnReference` have exactly the properties it knows, so a new field
/// falls back to the synthesized `Encodable` until it is added here. Members are added in sorted
/// key order, which the writer's sort then checks in one pass; the bytes are the same either way
/// (`SnapshotCodingTests` compares them with JSONEncoder's).
enum SnapshotFastEncoding {
    /// Encodes `value` into `slot` when `T` has a fast path; false otherwise.
    @inline(__always)
    static func encode<T>(_ value: T, into slot: Int, _ tree: EncodedTree) -> Bool {
        guard T.self == [Column].self || T.self == Column.self || T.self == QualifiedName.self, SnapshotFastDecoding.isEnabled else { return false }
        if T.self == [Column].self {
            tree.set(slot, .array)
            for column in unsafeBitCast(value, to: [Column].self) {
                self.column(column, into: tree.appendContainer(to: slot, key: "", .object), tree)
            }
        } else if T.self == Column.self {
            tree.set(slot, .object)
            column(unsafeBitCast(value, to: Column.self), into: slot, tree)
        } else {
            tree.set(slot, .object)
            qualifiedName(unsafeBitCast(value, to: QualifiedName.self), into: slot, tree)
        }
        return true
    }

    /// Fills the empty object `slot`; `nil` optionals are left out, as `encodeIfPresent` does.
    static func column(_ column: Column, into slot: Int, _ tree: EncodedTree) {
        if let comment = column.comment { tree.append(to: slot, key: "comment", .string, text: comment) }
        if let expression = column.defaultExpression { tree.append(to: slot, key: "defaultExpression", .string, text: expression) }
        tree.append(to: slot, key: "dimensions", .number, text: String(column.dimensions))
        if let expression = column.generatedExpression { tree.append(to: slot, key: "generatedExpression", .string, text: expression) }
        if let identity = column.identity { tree.append(to: slot, key: "identity", .string, text: identity.rawValue) }
        tree.append(to: slot, key: "isNullable", column.isNullable ? .true : .false)
        tree.append(to: slot, key: "name", .string, text: column.name)
        if let origin = column.origin {
            let reference = tree.appendContainer(to: slot, key: "origin", .object)
            tree.append(to: reference, key: "column", .string, text: origin.column)
            qualifiedName(origin.relation, into: tree.appendContainer(to: reference, key: "relation", .object), tree)
        }
        tree.append(to: slot, key: "sqlType", .string, text: column.sqlType)
        qualifiedName(column.type, into: tree.appendContainer(to: slot, key: "type", .object), tree)
    }

    static func qualifiedName(_ name: QualifiedName, into slot: Int, _ tree: EncodedTree) {
        tree.append(to: slot, key: "name", .string, text: name.name)
        tree.append(to: slot, key: "schema", .string, text: name.schema)
    }
}
