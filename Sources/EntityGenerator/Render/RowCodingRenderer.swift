/// Renders how entities and composites read and write themselves positionally: one cell per
/// column through a `RowReader`, one value per column into a `RowWriter`. Every member is
/// reached through `self.`, so a column named like a parameter (`row`, `writer`) cannot shadow.
struct RowCodingRenderer {
    let access: String

    /// `init(row:)` reading `fields` in order.
    func reader(_ fields: SpelledProperties, documentation: String, into writer: inout SourceWriter) {
        writer.documentation([documentation])
        writer.block("\(RuntimeContract.memberAccess(access))init(row: inout some RowReader) throws {") { body in
            for index in fields.names.indices {
                body.line("self.", fields.names[index], " = try row.next(", fields.types[index], ".self)")
            }
        }
    }

    /// `write(to:)` writing `fields` in order.
    func writer(_ fields: SpelledProperties, documentation: String, into writer: inout SourceWriter) {
        writer.documentation([documentation])
        writer.block("\(RuntimeContract.memberAccess(access))func write(to writer: inout some RowWriter) {") { body in
            for name in fields.names {
                body.line("writer.write(self.", name, ")")
            }
        }
    }

    /// `write(key:to:)` writing a primary key's values in key order.
    func keyWriter(_ key: PrimaryKeyPlan, into writer: inout SourceWriter) {
        writer.documentation(["Writes a primary key's values in key order."])
        writer.block("\(RuntimeContract.memberAccess(access))static func write(key: \(Spelling.type(key.type)), to writer: inout some RowWriter) {") { body in
            if key.isComposite {
                for field in key.compositeFields { body.line("writer.write(key.\(Spelling.identifier(field.name)))") }
            } else {
                body.line("writer.write(key)")
            }
        }
    }
}
