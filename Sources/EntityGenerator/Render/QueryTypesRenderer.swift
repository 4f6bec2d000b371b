/// Renders an entity's query vocabulary: typed column references, the insert draft and the
/// upsert conflict targets.
struct QueryTypesRenderer {
    let plan: EntityPlan
    let spelled: SpelledProperties
    let access: String

    private var table: String { "`\(plan.schema).\(plan.table)`" }
    private var entity: String { plan.typeName }

    /// `TableColumns`: one typed reference per column.
    func tableColumns(into writer: inout SourceWriter) {
        writer.documentation(["Typed references to the columns of \(table), for queries: `\(entity).where { $0.… == … }`."])
        writer.block("\(access)struct TableColumns: ColumnReferences {") { body in
            body.line(access, "typealias Root = ", entity)
            body.line()
            body.documentation(["The table alias that qualifies the columns in a join; nil for a single table."])
            body.line(access, "let tableAlias: String?")
            body.line()
            body.block("\(access)init(alias: String?) {") { initializer in
                initializer.line("self.tableAlias = alias")
            }
            body.line()
            let columnType = ": TableColumn<" + entity + ", "
            for index in spelled.names.indices {
                let name = spelled.names[index]
                body.line(access, "var ", name, columnType, spelled.types[index], "> { TableColumn(.", name, ", tableAlias) }")
            }
        }
    }

    /// `Draft`: the values of a row to insert.
    func draft(into writer: inout SourceWriter) {
        let fields = plan.properties.indices.filter { plan.properties[$0].draftRole != .excluded }
        writer.documentation([
            "The values of a \(table) row to insert.",
            "",
            "Columns the database fills (defaults, serials, identities) are optional: nil leaves them to the database. "
                + "Computed columns and `GENERATED ALWAYS` identities are not here: they are never written.",
            "",
            "Decodable from JSON with the entity's keys (a request body): a missing key or `null` leaves an optional field nil.",
        ])
        // A database-filled column is an optional of the column's type: nil means "the database
        // fills it", so a nullable one becomes a double optional.
        let types = fields.map { plan.properties[$0].draftRole == .databaseFilled ? spelled.types[$0] + "?" : spelled.types[$0] }
        writer.block("\(access)struct Draft: EntityDraft, Decodable {") { body in
            body.line(access, "typealias Root = ", entity)
            body.line()
            body.documentation(["The columns a draft writes, in the order of `write(to:)`."])
            body.startLine()
            body.add(access)
            body.add("static let columns: [")
            body.add(entity)
            body.add(".Column] = [")
            for (position, index) in fields.enumerated() {
                body.add(position == 0 ? "." : ", .")
                body.add(spelled.names[index])
            }
            body.add("]")
            body.endLine()
            for (position, index) in fields.enumerated() {
                body.line()
                if plan.properties[index].draftRole == .databaseFilled {
                    let column = plan.properties[index].columnName
                    if SwiftText.needsNoCommentEscaping(column) {
                        body.line("/// Nil leaves `", column, "` to the database.")
                    } else {
                        body.documentation(["Nil leaves `\(column)` to the database."])
                    }
                }
                body.line(access, "var ", spelled.names[index], ": ", types[position])
            }
            body.line()
            body.documentation(["Creates the values of a row to insert."])
            body.line(access, "init(")
            for (position, index) in fields.enumerated() {
                let defaultValue = plan.properties[index].draftRole == .required ? "" : " = nil"
                body.line("    ", spelled.names[index], ": ", types[position], defaultValue, position == fields.count - 1 ? "" : ",")
            }
            body.block(") {") { initializer in
                for index in fields {
                    initializer.line("self.", spelled.names[index], " = ", spelled.names[index])
                }
            }
            body.line()
            draftCodingKeys(fields, into: &body)
            body.line()
            body.documentation(["Writes the values in `columns` order; nil database-filled columns as their default."])
            body.block("\(RuntimeContract.memberAccess(access))func write(to writer: inout some RowWriter) {") { method in
                for index in fields {
                    if plan.properties[index].draftRole == .databaseFilled {
                        method.line("writer.write(orDefault: self.", spelled.names[index], ")")
                    } else {
                        method.line("writer.write(self.", spelled.names[index], ")")
                    }
                }
            }
        }
    }

    /// The draft's JSON keys, the entity's: its column names, or its property names when the
    /// plan says so. Private: only the synthesized `init(from:)` reads them.
    private func draftCodingKeys(_ fields: [Int], into writer: inout SourceWriter) {
        writer.block("private enum CodingKeys: String, CodingKey {") { keys in
            for index in fields {
                let key = plan.json.keys == .propertyNames ? plan.properties[index].name : plan.properties[index].columnName
                if key == plan.properties[index].name {
                    keys.line("case ", spelled.names[index])
                } else {
                    keys.line("case ", spelled.names[index], " = ", SwiftText.literal(key))
                }
            }
        }
    }

    /// `UniqueKey`: what an upsert may conflict on.
    func uniqueKey(into writer: inout SourceWriter) {
        writer.documentation(["What an upsert into \(table) may conflict on: the primary key and the unique constraints."])
        writer.block("\(access)enum UniqueKey: EntityUniqueKey {") { body in
            body.line("\(access)typealias Root = \(entity)")
            body.line()
            for key in plan.uniqueKeys {
                body.documentation(["`\(key.constraintName)`"])
                body.line("case \(Spelling.identifier(key.name))")
            }
            body.line()
            body.documentation(["The key's columns, in key order."])
            body.block("\(access)var columns: [\(entity).Column] {") { getter in
                getter.line("switch self {")
                for key in plan.uniqueKeys {
                    getter.line("case .\(Spelling.identifier(key.name)): [\(key.properties.map { "." + Spelling.identifier($0) }.joined(separator: ", "))]")
                }
                getter.line("}")
            }
            body.line()
            body.documentation(["The constraint (or unique index) that enforces the key."])
            body.block("\(access)var constraintName: String {") { getter in
                getter.line("switch self {")
                for key in plan.uniqueKeys {
                    getter.line("case .\(Spelling.identifier(key.name)): \(SwiftText.literal(key.constraintName))")
                }
                getter.line("}")
            }
        }
    }
}
