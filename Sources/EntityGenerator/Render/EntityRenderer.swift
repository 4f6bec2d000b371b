/// Renders one entity plan as a Swift file.
struct EntityRenderer {
    let plan: EntityPlan
    /// `public ` or `package ` or empty.
    let access: String

    /// The declarations, without the file header and imports.
    func render() -> String {
        var writer = SourceWriter()
        render(into: &writer)
        return writer.text
    }

    /// Writes the declarations, without the file header and imports.
    func render(into writer: inout SourceWriter) {
        let spelled = SpelledProperties(plan.properties)
        let properties = plan.properties
        writer.documentation(plan.documentation)
        var conformances: [SwiftType] = [.known(plan.conformance.knownType), .known(.hashable)]
        if plan.identity != nil { conformances.append(.known(.identifiable)) }
        conformances += plan.additionalConformances
        writer.block("\(access)struct \(plan.typeName): \(Spelling.list(conformances)) {") { body in
            body.line(access, "static let schemaName = ", SwiftText.literal(plan.schema))
            body.line(access, "static let tableName = ", SwiftText.literal(plan.table))
            body.line(access, "static let kind = EntityKind.", Spelling.kind(plan.kind))
            for index in properties.indices {
                body.line()
                body.documentation(properties[index].documentation)
                body.line(access, "var ", spelled.names[index], ": ", spelled.types[index])
            }
            body.line()
            renderInitializer(spelled, into: &body)
            let rows = RowCodingRenderer(access: access)
            body.line()
            rows.reader(spelled, documentation: "Reads a row selected in `Column` order, as `selectList()` selects it.", into: &body)
            body.line()
            rows.writer(spelled, documentation: "Writes the row's values in `Column` order.", into: &body)
            body.line()
            body.line(access, "typealias CodingKeys = Column")
            body.line()
            renderColumns(spelled, into: &body)
            if let key = plan.primaryKey {
                body.line()
                renderPrimaryKey(key, into: &body)
                body.line()
                rows.keyWriter(key, into: &body)
            }
        }
        writer.line()
        writer.block("extension \(plan.typeName) {") { body in
            let queryTypes = QueryTypesRenderer(plan: plan, spelled: spelled, access: access)
            queryTypes.tableColumns(into: &body)
            if plan.conformance != .entity {
                body.line()
                queryTypes.draft(into: &body)
            }
            if !plan.uniqueKeys.isEmpty {
                body.line()
                queryTypes.uniqueKey(into: &body)
            }
            if !plan.relations.isEmpty {
                body.line()
                body.documentation(["Typed relations of `\(plan.schema).\(plan.table)`, named after their foreign-key columns."])
                body.block("\(access)enum Relations {") { relations in
                    for (index, relation) in plan.relations.enumerated() {
                        if index > 0 { relations.line() }
                        renderRelation(relation, into: &relations)
                    }
                }
            }
        }
    }

    private func renderInitializer(_ spelled: SpelledProperties, into writer: inout SourceWriter) {
        writer.documentation(["Creates a row value of `\(plan.schema).\(plan.table)`."])
        writer.line(access, "init(")
        let last = plan.properties.count - 1
        for index in plan.properties.indices {
            writer.line("    ", spelled.names[index], ": ", spelled.types[index], plan.properties[index].isOptional ? " = nil" : "", index == last ? "" : ",")
        }
        writer.block(") {") { body in
            for name in spelled.names {
                body.line("self.", name, " = ", name)
            }
        }
    }

    private func renderColumns(_ spelled: SpelledProperties, into writer: inout SourceWriter) {
        writer.documentation(["The columns of `\(plan.schema).\(plan.table)` in table order; raw values are the column names."])
        writer.block("\(access)enum Column: String, EntityColumn {") { body in
            for index in plan.properties.indices {
                let columnName = plan.properties[index].columnName
                if plan.properties[index].name == columnName {
                    body.line("case ", spelled.names[index])
                } else {
                    body.line("case ", spelled.names[index], " = ", SwiftText.literal(columnName))
                }
            }
            body.line()
            body.block("\(access)var definition: ColumnDefinition {") { getter in
                getter.line("switch self {")
                for index in plan.properties.indices {
                    getter.line("case .", spelled.names[index], ":")
                    getter.line("    ", Self.definitionExpression(plan.properties[index]))
                }
                getter.line("}")
            }
        }
    }

    static func caseDeclaration(name: String, rawValue: String) -> String {
        let spelled = Spelling.identifier(name)
        return name == rawValue ? "case \(spelled)" : "case \(spelled) = \(SwiftText.literal(rawValue))"
    }

    static func definitionExpression(_ property: PropertyPlan) -> String {
        var text = "ColumnDefinition(sqlType: \(SwiftText.literal(property.sqlType)), isNullable: \(property.isOptional)"
        if let expression = property.defaultExpression { text += ", defaultExpression: \(SwiftText.literal(expression))" }
        if let generation = property.generation { text += ", generation: .\(Spelling.generation(generation))" }
        if let cast = property.readCast { text += ", readCast: \(SwiftText.literal(cast))" }
        return text + ")"
    }

    private func renderPrimaryKey(_ key: PrimaryKeyPlan, into writer: inout SourceWriter) {
        if key.isComposite {
            writer.documentation(["The primary key of `\(plan.schema).\(plan.table)` (`\(key.constraintName)`)."])
            writer.block("\(access)struct PrimaryKey: Hashable, Sendable, Codable {") { body in
                for field in key.compositeFields {
                    body.line("\(access)var \(Spelling.identifier(field.name)): \(Spelling.type(field.type))")
                }
                body.line()
                let parameters = key.compositeFields.map { "\(Spelling.identifier($0.name)): \(Spelling.type($0.type))" }.joined(separator: ", ")
                body.block("\(access)init(\(parameters)) {") { initializer in
                    for field in key.compositeFields {
                        let name = Spelling.identifier(field.name)
                        initializer.line("self.\(name) = \(name)")
                    }
                }
                body.line()
                body.block("private enum CodingKeys: String, CodingKey {") { keys in
                    for field in key.compositeFields {
                        keys.line(Self.caseDeclaration(name: field.name, rawValue: field.columnName))
                    }
                }
            }
            writer.line()
        }
        writer.documentation(["The primary key columns in key order (`\(key.constraintName)`)."])
        writer.line("\(access)static let primaryKeyColumns: [Column] = [\(key.properties.map { "." + Spelling.identifier($0) }.joined(separator: ", "))]")
        writer.line()
        if key.isComposite {
            let arguments = key.compositeFields.map { "\(Spelling.argumentLabel($0.name)): self.\(Spelling.identifier($0.name))" }.joined(separator: ", ")
            writer.line("\(access)var primaryKey: \(Spelling.type(key.type)) { \(Spelling.type(key.type))(\(arguments)) }")
        } else {
            writer.line("\(access)var primaryKey: \(Spelling.type(key.type)) { self.\(Spelling.identifier(key.properties[0])) }")
        }
        if let identity = plan.identity, identity.needsAccessor {
            writer.line()
            writer.documentation(["The primary key, as `Identifiable` names it."])
            writer.line("\(access)var id: \(Spelling.type(identity.type)) { self.\(Spelling.identifier(identity.property)) }")
        }
    }

    private func renderRelation(_ relation: RelationPlan, into writer: inout SourceWriter) {
        writer.documentation(relation.documentation)
        writer.line("\(access)static let \(Spelling.identifier(relation.name)) = \(Spelling.relationType(relation))(")
        var arguments: [String] = []
        let pairs = { (pairs: [ColumnPairPlan]) in
            "[" + pairs.map { ".init(.\(Spelling.identifier($0.source)), .\(Spelling.identifier($0.target)))" }.joined(separator: ", ") + "]"
        }
        switch relation.kind {
        case .manyToMany:
            arguments.append("sourceColumns: \(pairs(relation.columnPairs))")
            arguments.append("targetColumns: \(pairs(relation.targetPairs))")
        case .belongsTo, .hasMany, .hasOne:
            arguments.append("constraint: \(SwiftText.literal(relation.constraint ?? ""))")
            arguments.append("columns: \(pairs(relation.columnPairs))")
            if let onDelete = relation.onDelete { arguments.append("onDelete: .\(Spelling.action(onDelete))") }
            if let onUpdate = relation.onUpdate { arguments.append("onUpdate: .\(Spelling.action(onUpdate))") }
        }
        for (index, argument) in arguments.enumerated() {
            writer.line("    \(argument)\(index == arguments.count - 1 ? "" : ",")")
        }
        writer.line(")")
    }
}
