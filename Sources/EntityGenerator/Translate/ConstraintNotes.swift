import SchemaModel

/// What constraints that are not plain equality keys, or not checked, mean for generated code:
/// temporal keys (`WITHOUT OVERLAPS`, `PERIOD`, PostgreSQL 18), `NOT ENFORCED` and `NOT VALID`
/// foreign keys, and `NOT NULL … NOT VALID` columns. Every decision is said in a doc comment and,
/// where a relation is dropped, in a warning.
enum ConstraintNotes {
    /// A `PERIOD` foreign key means "this range is covered by the ranges of the referenced rows
    /// with equal other columns", possibly several rows: no equality relation expresses that.
    static func hasEqualityRelation(_ key: ForeignKey) -> Bool {
        key.period == nil
    }

    /// Lines for the entity's documentation.
    static func entityLines(for relation: Relation) -> [String] {
        var lines: [String] = []
        if let key = relation.primaryKey, let period = key.withoutOverlaps {
            let others = key.columns.filter { $0 != period }
            lines.append("Its primary key `\(key.name)` is temporal: rows with the same \(list(others)) "
                + "have `\(period)` ranges that never overlap (WITHOUT OVERLAPS).")
        }
        for key in relation.foreignKeys where !hasEqualityRelation(key) {
            lines.append(periodKeyExplanation(key) + ", so it has no typed relation.")
        }
        return lines
    }

    /// Lines for a column's documentation.
    static func columnLines(for column: Column, in relation: Relation) -> [String] {
        var lines: [String] = []
        if column.notNullNotValid == true {
            lines.append("Optional: its NOT NULL constraint is NOT VALID, so rows written before it may hold NULL.")
        }
        for key in relation.foreignKeys where !hasEqualityRelation(key) && key.columns.contains(column.name) {
            lines.append("Part of the PERIOD foreign key `\(key.name)` to `\(key.referencedRelation)`: no typed relation (see the type's documentation).")
        }
        return lines
    }

    /// The warning for each foreign key that gets no relation because of its `PERIOD`.
    static func warnings(for relation: Relation) -> [(subject: String, message: String)] {
        relation.foreignKeys.filter { !hasEqualityRelation($0) }.map { key in
            ("\(relation.qualifiedName).\(key.name)",
             "is a PERIOD foreign key: \(periodKeyExplanation(key, startingSentence: false)); no typed relation generated")
        }
    }

    /// Lines for the documentation of a relation built from `key` (either end).
    static func relationLines(for key: ForeignKey) -> [String] {
        if key.isEnforced == false {
            return ["", "NOT ENFORCED: the database never checks this key, so the row it names may not exist."]
        }
        if key.isValidated == false {
            return ["", "NOT VALID: rows written before the key was added are not checked, so for them the row it names may not exist."]
        }
        return []
    }

    private static func periodKeyExplanation(_ key: ForeignKey, startingSentence: Bool = true) -> String {
        let period = key.period ?? ""
        let referencedPeriod = key.referencedPeriod ?? ""
        let pairs = zip(key.columns, key.referencedColumns).filter { $0.0 != period }
            .map { "`\($0.1)` = `\($0.0)`" }.joined(separator: " and ")
        let start = startingSentence ? "`\(key.name)` is a PERIOD foreign key: its" : "its"
        return "\(start) `\(period)` range must be covered by the `\(referencedPeriod)` ranges of the `\(key.referencedRelation)` "
            + "rows with \(pairs), possibly several rows"
    }

    private static func list(_ columns: [String]) -> String {
        columns.map { "`\($0)`" }.joined(separator: ", ")
    }
}
