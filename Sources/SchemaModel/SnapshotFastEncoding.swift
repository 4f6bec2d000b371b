/// Hand-written encoding of columns and qualified names, the counterpart of
/// `SnapshotFastDecoding` and under the same guard: it is used only while `Column`,
/// `QualifiedName` and `ColumnReference` have exactly the properties it knows, so a new field
/// falls back to the synthesized `Encodable` until it is added here.
///
/// A column becomes its final pretty-printed text at once (a raw node), in sorted key order,
/// rather than a dozen tree nodes for the writer to sort: nine values in ten of a large snapshot
/// are inside columns. The text is built from the writer's own pieces (`ByteBuffer`), and
/// `SnapshotCodingTests` compares the bytes with JSONEncoder's.
enum SnapshotFastEncoding {
    /// Encodes `value` into `slot` when `T` has a fast path; false otherwise. `depth` is the
    /// slot's nesting depth (its coding path's length), which sets the indentation.
    @inline(__always)
    static func encode<T>(_ value: T, into slot: Int, depth: () -> Int, _ tree: EncodedTree) -> Bool {
        guard T.self == [Column].self || T.self == Column.self || T.self == QualifiedName.self, SnapshotFastDecoding.isEnabled else { return false }
        let depth = depth()
        tree.setRaw(slot) { text in
            if T.self == [Column].self {
                columns(unsafeBitCast(value, to: [Column].self), depth: depth, &text)
            } else if T.self == Column.self {
                column(unsafeBitCast(value, to: Column.self), depth: depth, &text)
            } else {
                qualifiedName(unsafeBitCast(value, to: QualifiedName.self), depth: depth, &text)
            }
        }
        return true
    }

    static func columns(_ columns: [Column], depth: Int, _ text: inout ByteBuffer) {
        text.append("[\n")
        for (index, column) in columns.enumerated() {
            if index > 0 { text.append(",\n") }
            text.appendIndent(depth + 1)
            self.column(column, depth: depth + 1, &text)
        }
        text.append("\n")
        text.appendIndent(depth)
        text.append("]")
    }

    /// `nil` optionals are left out, as the synthesized `encodeIfPresent` does.
    static func column(_ column: Column, depth: Int, _ text: inout ByteBuffer) {
        var object = ObjectText(depth: depth, &text)
        if let comment = column.comment { object.member("comment", &text); text.appendJSONString(comment) }
        if let expression = column.defaultExpression { object.member("defaultExpression", &text); text.appendJSONString(expression) }
        object.member("dimensions", &text); text.appendUTF8(String(column.dimensions))
        if let expression = column.generatedExpression { object.member("generatedExpression", &text); text.appendJSONString(expression) }
        if let identity = column.identity { object.member("identity", &text); text.appendJSONString(identity.rawValue) }
        object.member("isNullable", &text); text.append(column.isNullable ? "true" : "false")
        if let isVirtual = column.isVirtual { object.member("isVirtual", &text); text.append(isVirtual ? "true" : "false") }
        object.member("name", &text); text.appendJSONString(column.name)
        if let notNullNotValid = column.notNullNotValid { object.member("notNullNotValid", &text); text.append(notNullNotValid ? "true" : "false") }
        if let origin = column.origin {
            object.member("origin", &text)
            var reference = ObjectText(depth: depth + 1, &text)
            reference.member("column", &text); text.appendJSONString(origin.column)
            reference.member("relation", &text)
            qualifiedName(origin.relation, depth: depth + 2, &text)
            reference.close(&text)
        }
        object.member("sqlType", &text); text.appendJSONString(column.sqlType)
        object.member("type", &text)
        qualifiedName(column.type, depth: depth + 1, &text)
        object.close(&text)
    }

    static func qualifiedName(_ name: QualifiedName, depth: Int, _ text: inout ByteBuffer) {
        var object = ObjectText(depth: depth, &text)
        object.member("name", &text); text.appendJSONString(name.name)
        object.member("schema", &text); text.appendJSONString(name.schema)
        object.close(&text)
    }

    /// An object being written at `depth`: members one level deeper, as the writer indents them.
    struct ObjectText {
        let depth: Int
        private var isFirst = true

        init(depth: Int, _ text: inout ByteBuffer) {
            self.depth = depth
            text.append("{\n")
        }

        /// Writes the separator, the indent and `"key" : `; the value follows.
        mutating func member(_ key: StaticString, _ text: inout ByteBuffer) {
            if !isFirst { text.append(",\n") }
            isFirst = false
            text.appendIndent(depth + 1)
            text.append(UInt8(ascii: "\""))
            text.append(key)
            text.append("\" : ")
        }

        func close(_ text: inout ByteBuffer) {
            text.append("\n")
            text.appendIndent(depth)
            text.append("}")
        }
    }
}
