import SchemaModel

/// Turns relations and composite types into entity and composite plans: property names, Swift
/// types, nullability and documentation.
struct EntityTranslator: Sendable {
    let mapper: TypeMapper
    let types: [QualifiedName: TypeDefinition]
    let relationsByName: [QualifiedName: Relation]
    let columnOverrides: [String: String]
    let renames: Renames
    /// Partition names by partitioned table, sorted.
    let partitions: [QualifiedName: [String]]
    /// Inheriting tables by parent, sorted.
    let inheritors: [QualifiedName: [String]]
    /// Every generated type's name: a property or attribute of the same name would shadow the
    /// type inside its entity or composite, where generated code names property types.
    let generatedTypeNames: Set<String>

    init(mapper: TypeMapper, types: [QualifiedName: TypeDefinition], relationsByName: [QualifiedName: Relation], columnOverrides: [String: String],
         renames: Renames, generatedTypeNames: Set<String>) {
        self.mapper = mapper
        self.generatedTypeNames = generatedTypeNames
        self.renames = renames
        self.types = types
        self.relationsByName = relationsByName
        self.columnOverrides = columnOverrides
        var partitions: [QualifiedName: [String]] = [:]
        var inheritors: [QualifiedName: [String]] = [:]
        for relation in relationsByName.values {
            if let parent = relation.partitionOf { partitions[parent, default: []].append(relation.name) }
            for parent in relation.inheritsFrom { inheritors[parent, default: []].append(relation.qualifiedName.description) }
        }
        self.partitions = partitions.mapValues { $0.sorted() }
        self.inheritors = inheritors.mapValues { $0.sorted() }
    }

    /// - Parameter renamedBy: the configuration key that chose `typeName`, if one did.
    func entity(for relation: Relation, typeName: String, renamedBy: String?, diagnostics: inout Diagnostics) throws(GenerationError) -> EntityPlan {
        entity(for: relation, typeName: typeName, renamedBy: renamedBy,
               properties: try properties(for: relation, diagnostics: &diagnostics), diagnostics: &diagnostics)
    }

    /// The relation's properties: names, types, documentation. They depend on the columns, the
    /// types and the other relations' columns; on keys only through PERIOD foreign keys (see
    /// ``propertiesDependOnKeys(_:)``), so they can be worked out before constraints are read.
    func properties(for relation: Relation, diagnostics: inout Diagnostics) throws(GenerationError) -> [PropertyPlan] {
        let candidates = relation.columns.map { NameCandidates.member($0.name, fallback: "column", suffix: "Column") }
        let names = try memberNames(candidates, owner: relation.qualifiedName, originals: relation.columns.map(\.name),
                                    reserved: ReservedNames.memberNames, shadowed: generatedTypeNames, kind: "column")
        var properties: [PropertyPlan] = []
        properties.reserveCapacity(relation.columns.count)
        for index in relation.columns.indices {
            properties.append(property(for: relation.columns[index], of: relation, name: names.names[index],
                                       plainName: candidates[index][0], renamedBy: names.renamedBy[index], diagnostics: &diagnostics))
        }
        return properties
    }

    /// True when the relation's properties say something about its keys: a PERIOD foreign key
    /// is noted on its columns. Properties worked out without keys must be worked out again.
    static func propertiesDependOnKeys(_ relation: Relation) -> Bool {
        relation.foreignKeys.contains { !ConstraintNotes.hasEqualityRelation($0) }
    }

    /// The entity of `relation` around `properties` (from ``properties(for:diagnostics:)``):
    /// kind, keys, conformance and documentation.
    func entity(for relation: Relation, typeName: String, renamedBy: String?, properties: [PropertyPlan],
                diagnostics: inout Diagnostics) -> EntityPlan {
        let subject = relation.qualifiedName.description
        let isView = relation.kind == .view || relation.kind == .materializedView
        var primaryKey: PrimaryKeyPlan?
        if !isView, relation.kind != .foreignTable, let key = relation.primaryKey {
            primaryKey = primaryKeyPlan(key, properties: properties)
        }
        let kind: EntityPlan.Kind
        let conformance: EntityPlan.Conformance
        switch relation.kind {
        case .view: (kind, conformance) = (.view, .entity)
        case .materializedView: (kind, conformance) = (.materializedView, .entity)
        case .foreignTable: (kind, conformance) = (.foreignTable, .entity)
        case .table, .partitionedTable:
            if primaryKey != nil {
                (kind, conformance) = (relation.kind == .table ? .table : .partitionedTable, .keyedEntity)
            } else {
                (kind, conformance) = (.tableWithoutPrimaryKey, .entity)
                diagnostics.warn(subject, "has no primary key: generated as a read-only entity")
            }
        }
        for warning in ConstraintNotes.warnings(for: relation) { diagnostics.warn(warning.subject, warning.message) }
        return EntityPlan(
            typeName: typeName,
            schema: relation.schema,
            table: relation.name,
            kind: kind,
            conformance: conformance,
            documentation: documentation(of: relation, hasPrimaryKey: primaryKey != nil) + ConstraintNotes.entityLines(for: relation)
                + (renamedBy.map { ["", RenameNote.configured(name: typeName, key: $0)] } ?? []),
            properties: properties,
            primaryKey: primaryKey,
            uniqueKeys: conformance == .keyedEntity ? UniqueKeys.plans(for: relation, properties: properties, primaryKey: primaryKey) : [],
            relations: []
        )
    }

    /// Member names for `originals` of `owner`, with the configuration's renames granted first.
    func memberNames(_ candidates: [[String]], owner: QualifiedName, originals: [String], reserved: Set<String>,
                     shadowed: Set<String> = [], kind: String) throws(GenerationError) -> (names: [String], renamedBy: [String?]) {
        var namer = NameAllocator(reserved: reserved, shadowed: shadowed)
        var renamed: [Int: (key: String, name: String)] = [:]
        if !renames.isEmpty {
            for (index, original) in originals.enumerated() {
                guard let rename = renames.member(schema: owner.schema, owner: owner.name, name: original) else { continue }
                try Renames.checkMember(rename.name, key: rename.key, reserved: reserved)
                renamed[index] = rename
            }
        }
        if renamed.isEmpty { return (namer.allocate(candidates), Array(repeating: nil, count: originals.count)) }
        let names = try Renames.grant(renamed, candidates: candidates, allocator: &namer) { other in
            "the \(kind) `\(originals[other])` of \(owner) (named `\(candidates[other][0])`)"
        }
        return (names, originals.indices.map { renamed[$0]?.key })
    }

    private func property(for column: Column, of relation: Relation, name: String, plainName: String, renamedBy: String?,
                          diagnostics: inout Diagnostics) -> PropertyPlan {
        var mapped = mapper.map(column.type, dimensions: column.dimensions)
        var subject: String { "\(relation.schema).\(relation.name).\(column.name)" }
        if !columnOverrides.isEmpty, let override = columnOverrides[subject] {
            mapped = MappedType(type: .user(override), readCast: mapped.readCast,
                                notes: ["Column override: read as `\(override)`."])
        }
        for warning in mapped.warnings { diagnostics.warn(subject, warning) }

        let isView = relation.kind == .view || relation.kind == .materializedView
        let origin = isView ? neverNullOrigin(of: column, in: relation, depth: 0) : nil
        let isOptional = isView ? origin == nil : column.isNullable && !isDomainNotNull(column.type)

        var docs = Self.commentLines(column.comment)
        if !docs.isEmpty { docs.append("") }
        docs.append("`\(Self.declaration(of: column, inView: isView))`")
        if let origin {
            docs += ["", "Never NULL: it is `\(origin.relation).\(origin.column)`, which is NOT NULL."]
        }
        var notes = ConstraintNotes.columnLines(for: column, in: relation) + mapped.notes
        if let renamedBy {
            notes.insert(RenameNote.configured(name: name, key: renamedBy), at: 0)
        } else if name != plainName, let note = RenameNote.member(original: column.name, name: name, kind: "column", plain: plainName) {
            notes.insert(note, at: 0)
        }
        for note in notes { docs += ["", note] }

        let generation: PropertyPlan.Generation? = if column.generatedExpression != nil {
            .computed
        } else if column.identity == .always {
            .identityAlways
        } else if column.identity == .byDefault {
            .identityByDefault
        } else {
            nil
        }
        return PropertyPlan(
            name: name,
            columnName: column.name,
            type: mapped.type.optional(if: isOptional),
            documentation: docs,
            sqlType: column.sqlType,
            defaultExpression: column.defaultExpression,
            generation: generation,
            readCast: mapped.readCast,
            draftRole: Self.draftRole(generation: generation, hasDefault: column.defaultExpression != nil, isOptional: isOptional)
        )
    }

    /// How an insert takes the column: never when the database always computes it; optional
    /// when the database can fill it or it may be NULL; required otherwise.
    static func draftRole(generation: PropertyPlan.Generation?, hasDefault: Bool, isOptional: Bool) -> DraftRole {
        switch generation {
        case .computed, .identityAlways: return .excluded
        case .identityByDefault: return .databaseFilled
        case nil: return hasDefault ? .databaseFilled : isOptional ? .nullable : .required
        }
    }

    /// The NOT NULL table column a view column is a plain copy of, following views of views.
    private func neverNullOrigin(of column: Column, in relation: Relation, depth: Int) -> ColumnReference? {
        guard depth < 32, let origin = column.origin,
              let source = relationsByName[origin.relation],
              let sourceColumn = source.column(named: origin.column) else { return nil }
        switch source.kind {
        case .view, .materializedView:
            return neverNullOrigin(of: sourceColumn, in: source, depth: depth + 1) != nil ? origin : nil
        default:
            return !sourceColumn.isNullable || isDomainNotNull(sourceColumn.type) ? origin : nil
        }
    }

    /// True when the type is a domain (at any depth) declared NOT NULL.
    private func isDomainNotNull(_ type: QualifiedName) -> Bool {
        var current = types[type]
        var depth = 0
        while let definition = current, let domain = definition.domain, depth < 16 {
            if domain.isNotNull { return true }
            current = types[domain.baseType]
            depth += 1
        }
        return false
    }

    private func primaryKeyPlan(_ key: KeyConstraint, properties: [PropertyPlan]) -> PrimaryKeyPlan? {
        // A key has a column or two: a search beats building a dictionary of every column.
        let keyProperties = key.columns.compactMap { column in properties.first { $0.columnName == column } }
        guard keyProperties.count == key.columns.count, !keyProperties.isEmpty else { return nil }
        if keyProperties.count == 1 {
            return PrimaryKeyPlan(properties: [keyProperties[0].name], type: keyProperties[0].type.nonOptional,
                                  compositeFields: [], constraintName: key.name)
        }
        return PrimaryKeyPlan(
            properties: keyProperties.map(\.name),
            type: .generated("PrimaryKey"),
            compositeFields: keyProperties.map { CompositeKeyField(name: $0.name, type: $0.type.nonOptional, columnName: $0.columnName) },
            constraintName: key.name)
    }

    private func documentation(of relation: Relation, hasPrimaryKey: Bool) -> [String] {
        var docs = Self.commentLines(relation.comment)
        if !docs.isEmpty { docs.append("") }
        let name = "`\(relation.schema).\(relation.name)`"
        switch relation.kind {
        case .table:
            docs.append("Table \(name).")
        case .partitionedTable:
            let partitions = self.partitions[relation.qualifiedName] ?? []
            let list = partitions.isEmpty ? "" : " (\(partitions.map { "`\($0)`" }.joined(separator: ", ")))"
            docs.append("Partitioned table \(name): rows are read and written through it, never through its partitions\(list).")
        case .view:
            docs.append("View \(name): read-only.")
        case .materializedView:
            docs.append("Materialized view \(name): read-only; its rows change when it is refreshed.")
        case .foreignTable:
            docs.append("Foreign table \(name): read-only here.")
        }
        if !hasPrimaryKey, relation.kind == .table || relation.kind == .partitionedTable {
            docs.append("It has no primary key, so rows cannot be told apart: the entity is read-only.")
        }
        if !relation.inheritsFrom.isEmpty {
            let parents = relation.inheritsFrom.map { "`\($0)`" }.joined(separator: ", ")
            docs.append("Inherits from \(parents): reading the parent also returns this table's rows.")
        }
        let children = inheritors[relation.qualifiedName] ?? []
        if !children.isEmpty {
            docs.append("Inherited by \(children.map { "`\($0)`" }.joined(separator: ", ")): reading this table also returns their rows.")
        }
        return docs
    }

    func composite(_ type: TypeDefinition, typeName: String, renamedBy: String?, diagnostics: inout Diagnostics) throws(GenerationError) -> CompositePlan {
        let attributes = type.attributes ?? []
        let allocated = try memberNames(attributes.map { NameCandidates.member($0.name, fallback: "field", suffix: "Field") },
                                        owner: type.qualifiedName, originals: attributes.map(\.name),
                                        reserved: ReservedNames.memberNames, shadowed: generatedTypeNames, kind: "attribute")
        var fields: [PropertyPlan] = []
        for (index, (attribute, name)) in zip(attributes, allocated.names).enumerated() {
            let mapped = mapper.map(attribute.type)
            for warning in mapped.warnings { diagnostics.warn("\(type.qualifiedName).\(attribute.name)", warning) }
            var docs = ["`\(attribute.name) \(attribute.sqlType)`"]
            var notes = mapped.notes
            if let key = allocated.renamedBy[index] {
                notes.insert(RenameNote.configured(name: name, key: key), at: 0)
            } else if let note = RenameNote.member(original: attribute.name, name: name, kind: "attribute") {
                notes.insert(note, at: 0)
            }
            for note in notes { docs += ["", note] }
            fields.append(PropertyPlan(
                name: name, columnName: attribute.name,
                type: mapped.type.optional, documentation: docs,
                sqlType: attribute.sqlType, defaultExpression: nil, generation: nil, readCast: mapped.readCast,
                draftRole: .nullable))
        }
        var docs = Self.commentLines(type.comment)
        if !docs.isEmpty { docs.append("") }
        docs.append("Composite type `\(type.qualifiedName)`. PostgreSQL lets any attribute of a composite value be NULL, so every field is optional.")
        if let renamedBy { docs += ["", RenameNote.configured(name: typeName, key: renamedBy)] }
        return CompositePlan(typeName: typeName, schema: type.schema, name: type.name, documentation: docs, fields: fields)
    }

    /// `name type NOT NULL DEFAULT …`, as a reader of the schema would write it.
    static func declaration(of column: Column, inView: Bool) -> String {
        var text = "\(column.name) \(column.sqlType)"
        if inView { return text }
        if !column.isNullable { text += " NOT NULL" }
        if column.notNullNotValid == true { text += " NOT NULL NOT VALID" }
        if let expression = column.generatedExpression {
            text += " GENERATED ALWAYS AS (\(expression)) \(column.isVirtual == true ? "VIRTUAL" : "STORED")"
        } else if column.identity == .always {
            text += " GENERATED ALWAYS AS IDENTITY"
        } else if column.identity == .byDefault {
            text += " GENERATED BY DEFAULT AS IDENTITY"
        } else if let expression = column.defaultExpression {
            text += " DEFAULT \(expression)"
        }
        return text
    }

    static func commentLines(_ comment: String?) -> [String] {
        guard let comment, !comment.isEmpty else { return [] }
        return comment.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
    }
}
