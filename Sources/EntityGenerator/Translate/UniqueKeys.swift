import SchemaModel

/// The conflict targets of a keyed entity's upserts: its primary key, then every unique
/// constraint and every unique index on plain columns without a predicate (PostgreSQL infers
/// an `ON CONFLICT` target only from those), each column set once.
enum UniqueKeys {
    static func plans(for relation: Relation, properties: [PropertyPlan], primaryKey: PrimaryKeyPlan?) -> [UniqueKeyPlan] {
        guard let primaryKey else { return [] }
        let primaryKeyPlan = UniqueKeyPlan(name: "primaryKey", properties: primaryKey.properties, constraintName: primaryKey.constraintName)
        let candidates = relation.uniqueConstraints.map { ($0.name, $0.columns) }
            + relation.indexes.filter(\.guaranteesUniqueness).map { ($0.name, $0.columns.compactMap { $0 }) }
        // Most tables have no other unique key than the primary key's (whose index is one).
        // Keys have a column or two: comparing arrays as sets beats building sets.
        let primaryKeyColumns = primaryKey.properties.compactMap { name in properties.first { $0.name == name }?.columnName }
        func isPrimaryKey(_ columns: [String]) -> Bool {
            columns.allSatisfy { primaryKeyColumns.contains($0) } && primaryKeyColumns.allSatisfy { columns.contains($0) }
        }
        if candidates.allSatisfy({ isPrimaryKey($0.1) }) { return [primaryKeyPlan] }
        func property(of column: String) -> String? { properties.first { $0.columnName == column }?.name }
        var seen: Set<[String]> = [primaryKey.properties.sorted()]
        var keys: [(constraint: String, properties: [String])] = []
        for (constraint, columns) in candidates {
            let names = columns.compactMap { property(of: $0) }
            guard names.count == columns.count, !names.isEmpty, seen.insert(names.sorted()).inserted else { continue }
            keys.append((constraint, names))
        }
        keys.sort { $0.constraint < $1.constraint }
        var namer = NameAllocator(reserved: Self.reservedCaseNames)
        let caseNames = namer.allocate(keys.map { key in
            let joined = key.properties.enumerated().map { index, name in
                index == 0 ? name : Words.upperCamel(Words.split(name))
            }.joined()
            let fromConstraint = NameCandidates.legal(Words.lowerCamel(Words.split(key.constraint)), fallback: "uniqueKey")
            return [joined, fromConstraint, fromConstraint + "Key"]
        })
        return [primaryKeyPlan]
            + zip(keys, caseNames).map { UniqueKeyPlan(name: $1, properties: $0.properties, constraintName: $0.constraint) }
    }

    /// Names a key case may not take: keywords, and the members every `UniqueKey` has.
    private static let reservedCaseNames = ReservedNames.keywordMembers.union(["primaryKey", "allCases", "columns", "constraintName", "hashValue"])
}
