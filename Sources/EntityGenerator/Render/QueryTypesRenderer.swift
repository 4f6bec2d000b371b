/// Renders an entity's query vocabulary: typed column references, the insert draft and the
/// upsert conflict targets.
struct QueryTypesRenderer {
    let plan: EntityPlan
    let access: String

    private var table: String { "`\(plan.schema).\(plan.table)`" }
    private var entity: String { plan.typeName }

    /// `TableColumns`: one typed reference per column.
    func tableColumns(into writer: inout SourceWriter) {
        writer.documentation(["Typed references to the columns of \(table), for queries: `\(entity).where { $0.… == … }`."])
        writer.block("\(access)struct TableColumns: ColumnReferences {") { body in
            body.line("\(access)typealias Root = \(entity)")
            body.line()
            body.documentation(["The table alias that qualifies the columns in a join; nil for a single table."])
            body.line("\(access)let tableAlias: String?")
            body.line()
            body.block("\(access)init(alias: String?) {") { initializer in
                initializer.line("self.tableAlias = alias")
            }
            body.line()
            for property in plan.properties {
                body.line("\(access)var \(Spelling.identifier(property.name)): TableColumn<\(entity), \(Spelling.type(property.type))> { TableColumn(.\(Spelling.identifier(property.name)), tableAlias) }")
            }
        }
    }

    /// `Draft`: the values of a row to insert.
    func draft(into writer: inout SourceWriter) {
        let fields = plan.properties.filter { $0.draftRole != .excluded }
        writer.documentation([
            "The values of a \(table) row to insert.",
            "",
            "Columns the database fills (defaults, serials, identities) are optional: nil leaves them to the database. Computed columns and `GENERATED ALWAYS` identities are not here: they are never written.",
        ])
        writer.block("\(access)struct Draft: EntityDraft {") { body in
            body.line("\(access)typealias Root = \(entity)")
            body.line()
            body.documentation(["The columns a draft writes, in the order of `write(to:)`."])
            body.line("\(access)static let columns: [\(entity).Column] = [\(fields.map { "." + Spelling.identifier($0.name) }.joined(separator: ", "))]")
            for field in fields {
                body.line()
                if field.draftRole == .databaseFilled {
                    body.documentation(["Nil leaves `\(field.columnName)` to the database."])
                }
                body.line("\(access)var \(Spelling.identifier(field.name)): \(Spelling.type(draftType(field)))")
            }
            body.line()
            body.documentation(["Creates the values of a row to insert."])
            body.line("\(access)init(")
            for (index, field) in fields.enumerated() {
                let defaultValue = field.draftRole == .required ? "" : " = nil"
                body.line("    \(Spelling.identifier(field.name)): \(Spelling.type(draftType(field)))\(defaultValue)\(index == fields.count - 1 ? "" : ",")")
            }
            body.block(") {") { initializer in
                for field in fields {
                    let name = Spelling.identifier(field.name)
                    initializer.line("self.\(name) = \(name)")
                }
            }
            body.line()
            body.documentation(["Writes the values in `columns` order; nil database-filled columns as their default."])
            body.block("\(access)func write(to writer: inout some RowWriter) {") { method in
                for field in fields {
                    let name = Spelling.identifier(field.name)
                    method.line(field.draftRole == .databaseFilled ? "writer.write(orDefault: self.\(name))" : "writer.write(self.\(name))")
                }
            }
        }
    }

    /// The draft holds a database-filled column as an optional of the column's type: nil
    /// means "the database fills it", so a nullable one becomes a double optional.
    private func draftType(_ field: PropertyPlan) -> SwiftType {
        field.draftRole == .databaseFilled ? .optional(field.type) : field.type
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
        }
    }
}
