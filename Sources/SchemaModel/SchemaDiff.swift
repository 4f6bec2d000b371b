/// One difference between two snapshots, worded for a person.
public struct SchemaChange: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case added = "+"
        case removed = "-"
        case changed = "~"
    }

    public var kind: Kind
    /// What changed, such as `table public.users`.
    public var subject: String
    /// How, for a change inside the subject, such as `column email type text → citext`.
    public var detail: String?

    public var description: String {
        "\(kind.rawValue) \(subject)" + (detail.map { ": \($0)" } ?? "")
    }
}

/// Compares two snapshots: what `new` has that `old` lacks is added, and so on.
public enum SchemaDiff {
    public static func changes(from old: SchemaSnapshot, to new: SchemaSnapshot) -> [SchemaChange] {
        var changes: [SchemaChange] = []
        let oldRelations = Dictionary(old.relations.map { ($0.qualifiedName, $0) }, uniquingKeysWith: { first, _ in first })
        let newRelations = Dictionary(new.relations.map { ($0.qualifiedName, $0) }, uniquingKeysWith: { first, _ in first })
        for name in Set(oldRelations.keys).union(newRelations.keys).sorted() {
            switch (oldRelations[name], newRelations[name]) {
            case let (nil, relation?):
                changes.append(SchemaChange(kind: .added, subject: "\(noun(relation.kind)) \(name)"))
            case let (relation?, nil):
                changes.append(SchemaChange(kind: .removed, subject: "\(noun(relation.kind)) \(name)"))
            case let (before?, after?):
                changes += RelationDiff(before: before, after: after).changes
            default:
                break
            }
        }
        let userTypes = { (snapshot: SchemaSnapshot) in
            Dictionary(snapshot.types.filter { $0.schema != "pg_catalog" && $0.kind != .array }.map { ($0.qualifiedName, $0) },
                       uniquingKeysWith: { first, _ in first })
        }
        let oldTypes = userTypes(old)
        let newTypes = userTypes(new)
        for name in Set(oldTypes.keys).union(newTypes.keys).sorted() {
            switch (oldTypes[name], newTypes[name]) {
            case let (nil, type?):
                changes.append(SchemaChange(kind: .added, subject: "\(noun(type.kind)) \(name)"))
            case let (type?, nil):
                changes.append(SchemaChange(kind: .removed, subject: "\(noun(type.kind)) \(name)"))
            case let (before?, after?):
                changes += typeChanges(before, after)
            default:
                break
            }
        }
        return changes
    }

    static func noun(_ kind: RelationKind) -> String {
        switch kind {
        case .table: "table"
        case .partitionedTable: "partitioned table"
        case .view: "view"
        case .materializedView: "materialized view"
        case .foreignTable: "foreign table"
        }
    }

    static func noun(_ kind: TypeKind) -> String {
        switch kind {
        case .enumeration: "enum"
        case .domain: "domain"
        case .composite: "composite type"
        case .range: "range type"
        case .multirange: "multirange type"
        case .base, .array, .pseudo: "type"
        }
    }

    private static func typeChanges(_ before: TypeDefinition, _ after: TypeDefinition) -> [SchemaChange] {
        let subject = "\(noun(after.kind)) \(after.qualifiedName)"
        func change(_ detail: String) -> SchemaChange { SchemaChange(kind: .changed, subject: subject, detail: detail) }
        var changes: [SchemaChange] = []
        if before.kind != after.kind {
            changes.append(change("was a \(noun(before.kind))"))
            return changes
        }
        let oldLabels = before.enumLabels ?? [], newLabels = after.enumLabels ?? []
        for label in newLabels where !oldLabels.contains(label) { changes.append(change("label '\(label)' added")) }
        for label in oldLabels where !newLabels.contains(label) { changes.append(change("label '\(label)' removed")) }
        if oldLabels.filter(newLabels.contains) != newLabels.filter(oldLabels.contains) { changes.append(change("labels reordered")) }
        if let old = before.domain, let new = after.domain {
            if old.baseSQLType != new.baseSQLType { changes.append(change("base type \(old.baseSQLType) → \(new.baseSQLType)")) }
            if old.isNotNull != new.isNotNull { changes.append(change(new.isNotNull ? "now NOT NULL" : "no longer NOT NULL")) }
            if old.defaultExpression != new.defaultExpression {
                changes.append(change("default \(old.defaultExpression ?? "none") → \(new.defaultExpression ?? "none")"))
            }
            if old.checks != new.checks { changes.append(change("checks changed")) }
        }
        let oldAttributes = before.attributes ?? [], newAttributes = after.attributes ?? []
        for attribute in newAttributes where !oldAttributes.contains(where: { $0.name == attribute.name }) {
            changes.append(change("attribute \(attribute.name) added (\(attribute.sqlType))"))
        }
        for attribute in oldAttributes {
            guard let new = newAttributes.first(where: { $0.name == attribute.name }) else {
                changes.append(change("attribute \(attribute.name) removed"))
                continue
            }
            if new.sqlType != attribute.sqlType { changes.append(change("attribute \(attribute.name) type \(attribute.sqlType) → \(new.sqlType)")) }
        }
        if before.rangeElement != after.rangeElement { changes.append(change("subtype changed")) }
        if before.comment != after.comment { changes.append(change("comment changed")) }
        return changes
    }
}

/// The differences inside one relation.
private struct RelationDiff {
    let before: Relation
    let after: Relation

    var changes: [SchemaChange] {
        let subject = "\(SchemaDiff.noun(after.kind)) \(after.qualifiedName)"
        var details: [String] = []
        if before.kind != after.kind { details.append("was a \(SchemaDiff.noun(before.kind))") }
        details += columnChanges
        if before.primaryKey?.columns != after.primaryKey?.columns || before.primaryKey?.withoutOverlaps != after.primaryKey?.withoutOverlaps {
            details.append("primary key \(keyText(before.primaryKey)) → \(keyText(after.primaryKey))")
        }
        details += named(before.uniqueConstraints, after.uniqueConstraints, "unique constraint", describe: { "(\($0.columns.joined(separator: ", ")))" })
        details += named(before.foreignKeys, after.foreignKeys, "foreign key", describe: { key in
            let columns = key.columns.map { $0 == key.period ? "PERIOD \($0)" : $0 }.joined(separator: ", ")
            let referenced = key.referencedColumns.map { $0 == key.referencedPeriod ? "PERIOD \($0)" : $0 }.joined(separator: ", ")
            let state = key.isEnforced == false ? " NOT ENFORCED" : key.isValidated == false ? " NOT VALID" : ""
            return "(\(columns) → \(key.referencedRelation)(\(referenced)) ON DELETE \(key.onDelete.sql)\(state))"
        })
        details += named(before.checkConstraints, after.checkConstraints, "check constraint", describe: { $0.definition })
        details += named(before.indexes, after.indexes, "index", describe: { $0.definition })
        if !ViewDefinitions.equivalent(before.viewDefinition ?? "", after.viewDefinition ?? "") { details.append("definition changed") }
        if before.partitionOf != after.partitionOf {
            details.append("partition of \(after.partitionOf.map(\.description) ?? "nothing") (was \(before.partitionOf.map(\.description) ?? "nothing"))")
        }
        if before.inheritsFrom != after.inheritsFrom { details.append("inherits from \(after.inheritsFrom.map(\.description).joined(separator: ", "))") }
        if before.comment != after.comment { details.append("comment changed") }
        return details.map { SchemaChange(kind: .changed, subject: subject, detail: $0) }
    }

    private var columnChanges: [String] {
        var details: [String] = []
        for column in after.columns where before.column(named: column.name) == nil {
            details.append("column \(column.name) added (\(column.sqlType)\(column.isNullable ? "" : " NOT NULL"))")
        }
        for column in before.columns {
            guard let new = after.column(named: column.name) else {
                details.append("column \(column.name) removed")
                continue
            }
            let name = "column \(column.name)"
            if column.sqlType != new.sqlType { details.append("\(name) type \(column.sqlType) → \(new.sqlType)") }
            if column.isNullable != new.isNullable { details.append("\(name) \(new.isNullable ? "now nullable" : "now NOT NULL")") }
            if column.defaultExpression != new.defaultExpression {
                details.append("\(name) default \(column.defaultExpression ?? "none") → \(new.defaultExpression ?? "none")")
            }
            if column.identity != new.identity {
                details.append("\(name) identity \(column.identity?.rawValue ?? "none") → \(new.identity?.rawValue ?? "none")")
            }
            if column.generatedExpression != new.generatedExpression { details.append("\(name) generation expression changed") }
            if column.isVirtual != new.isVirtual, new.generatedExpression != nil {
                details.append("\(name) now generated \(new.isVirtual == true ? "VIRTUAL" : "STORED")")
            }
            if column.comment != new.comment { details.append("\(name) comment changed") }
        }
        let kept = before.columns.map(\.name).filter { name in after.column(named: name) != nil }
        let newOrder = after.columns.map(\.name).filter { name in before.column(named: name) != nil }
        if kept != newOrder { details.append("columns reordered") }
        return details
    }

    private func keyText(_ key: KeyConstraint?) -> String {
        key.map { key in "(\(key.columns.map { $0 == key.withoutOverlaps ? "\($0) WITHOUT OVERLAPS" : $0 }.joined(separator: ", ")))" } ?? "none"
    }

    private func named<Item: Equatable>(_ old: [Item], _ new: [Item], _ noun: String, describe: (Item) -> String) -> [String] where Item: NamedSchemaObject {
        var details: [String] = []
        for item in new {
            guard let previous = old.first(where: { $0.name == item.name }) else {
                details.append("\(noun) \(item.name) added: \(describe(item))")
                continue
            }
            if previous != item { details.append("\(noun) \(item.name) changed: \(describe(previous)) → \(describe(item))") }
        }
        for item in old where !new.contains(where: { $0.name == item.name }) {
            details.append("\(noun) \(item.name) dropped")
        }
        return details
    }
}

/// Constraints and indexes, compared by name.
protocol NamedSchemaObject {
    var name: String { get }
}

extension KeyConstraint: NamedSchemaObject {}
extension ForeignKey: NamedSchemaObject {}
extension CheckConstraint: NamedSchemaObject {}
extension Index: NamedSchemaObject {}
