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
            renderCoding(spelled, into: &body)
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
                    for index in plan.relations.indices {
                        if index > 0 { relations.line() }
                        renderRelation(plan.relations[index], into: &relations)
                    }
                }
            }
            renderRelationNames(into: &body)
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

    /// The JSON shape: Swift's synthesized `Codable` keyed by the columns by default; property
    /// names as keys, and an `encode(to:)` that writes nil as `null`, when the plan says so.
    private func renderCoding(_ spelled: SpelledProperties, into writer: inout SourceWriter) {
        switch plan.json.keys {
        case .columnNames:
            writer.line(access, "typealias CodingKeys = Column")
        case .propertyNames:
            writer.documentation(["JSON keys: the property names."])
            writer.block("\(access)enum CodingKeys: String, CodingKey {") { body in
                for name in spelled.names { body.line("case ", name) }
            }
        }
        guard plan.json.nulls == .written else { return }
        writer.line()
        writer.documentation(["Writes every property, nil ones as `null`."])
        writer.block("\(access)func encode(to encoder: any Encoder) throws {") { body in
            body.line("var container = encoder.container(keyedBy: CodingKeys.self)")
            for name in spelled.names {
                body.line("try container.encode(self.", name, ", forKey: .", name, ")")
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
            body.block("\(RuntimeContract.memberAccess(access))var definition: ColumnDefinition {") { getter in
                getter.line("switch self {")
                for index in plan.properties.indices {
                    getter.line("case .", spelled.names[index], ":")
                    getter.startLine()
                    getter.add("    ")
                    Self.writeDefinition(plan.properties[index], into: &getter)
                    getter.endLine()
                }
                getter.line("}")
            }
        }
    }

    static func caseDeclaration(name: String, rawValue: String) -> String {
        let spelled = Spelling.identifier(name)
        return name == rawValue ? "case \(spelled)" : "case \(spelled) = \(SwiftText.literal(rawValue))"
    }

    /// `ColumnDefinition(sqlType: …, isNullable: …, …)`, added to the line being written.
    static func writeDefinition(_ property: PropertyPlan, into writer: inout SourceWriter) {
        writer.add("ColumnDefinition(sqlType: ")
        writer.addLiteral(property.sqlType)
        writer.add(property.isOptional ? ", isNullable: true" : ", isNullable: false")
        if let expression = property.defaultExpression {
            writer.add(", defaultExpression: ")
            writer.addLiteral(expression)
        }
        if let generation = property.generation {
            writer.add(", generation: .")
            writer.add(Spelling.generation(generation))
        }
        if let cast = property.readCast {
            writer.add(", readCast: ")
            writer.addLiteral(cast)
        }
        writer.add(")")
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

    /// `relationName(forConstraint:onTable:)`: the relation each foreign key stands for, so a
    /// foreign-key violation can name it. The constraint belongs to the referencing table: this
    /// entity's for a `BelongsTo`, the target's for a `HasMany`/`HasOne`. A self-reference's
    /// constraint names the `BelongsTo` (an insert or update of the row is the common case).
    private func renderRelationNames(into writer: inout SourceWriter) {
        var seen: Set<String> = []
        var cases: [(constraint: String, table: String, name: String)] = []
        let belongsToFirst = plan.relations.filter { $0.kind == .belongsTo } + plan.relations.filter { $0.kind != .belongsTo }
        for relation in belongsToFirst {
            guard relation.kind != .manyToMany, let constraint = relation.constraint else { continue }
            let referencing = relation.kind == .belongsTo ? plan.typeName : relation.targetType
            guard seen.insert(constraint + "\u{0}" + referencing).inserted else { continue }
            cases.append((constraint, referencing, relation.name))
        }
        guard !cases.isEmpty else { return }
        writer.line()
        writer.documentation(["The relation in `Relations` that a foreign-key constraint of `table` stands for."])
        writer.block("\(access)static func relationName(forConstraint constraint: String, onTable table: String) -> String? {") { body in
            body.line("switch (constraint, table) {")
            for (constraint, table, name) in cases {
                body.line("case (", SwiftText.literal(constraint), ", ", table, ".tableName): ", SwiftText.literal(name))
            }
            body.line("default: nil")
            body.line("}")
        }
    }

    private func renderRelation(_ relation: RelationPlan, into writer: inout SourceWriter) {
        writer.documentation(relation.documentation)
        writer.line(access, "static let ", Spelling.identifier(relation.name), " = ", Spelling.relationType(relation), "(")
        // Arguments one per line, each but the last followed by a comma.
        var isFirst = true
        func argument(_ label: String) {
            if !isFirst { writer.add(","); writer.endLine() }
            isFirst = false
            writer.startLine()
            writer.add("    ")
            writer.add(label)
        }
        func pairs(_ pairs: [ColumnPairPlan]) {
            writer.add("[")
            for (index, pair) in pairs.enumerated() {
                writer.add(index == 0 ? ".init(." : ", .init(.")
                writer.add(Spelling.identifier(pair.source))
                writer.add(", .")
                writer.add(Spelling.identifier(pair.target))
                writer.add(")")
            }
            writer.add("]")
        }
        switch relation.kind {
        case .manyToMany:
            argument("sourceColumns: ")
            pairs(relation.columnPairs)
            argument("targetColumns: ")
            pairs(relation.targetPairs)
        case .belongsTo, .hasMany, .hasOne:
            argument("constraint: ")
            writer.addLiteral(relation.constraint ?? "")
            argument("columns: ")
            pairs(relation.columnPairs)
            if let onDelete = relation.onDelete {
                argument("onDelete: .")
                writer.add(Spelling.action(onDelete))
            }
            if let onUpdate = relation.onUpdate {
                argument("onUpdate: .")
                writer.add(Spelling.action(onUpdate))
            }
        }
        writer.endLine()
        writer.line(")")
    }
}
