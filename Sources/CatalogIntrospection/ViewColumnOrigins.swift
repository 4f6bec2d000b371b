/// Finds, for each output column of a view, the table column it is a plain copy of.
///
/// Postgres reports every view column as nullable. A column that is exactly a reference to a
/// NOT NULL column cannot be NULL unless the reference sits on the nullable side of an outer join,
/// or the view uses set operations or grouping sets; those cases record no origin.
enum ViewColumnOrigins {
    /// A column of a relation by OID and attribute number.
    struct Origin: Hashable {
        var relationOID: Int
        var attributeNumber: Int
    }

    /// Output column position (1-based) → origin, for the `_RETURN` rule's query tree.
    static func origins(inQueryTree text: String) -> [Int: Origin] {
        guard let tree = QueryTree.parse(text) else { return [:] }
        let query = tree.elements.first ?? tree
        guard query.nodeName == "QUERY" else { return [:] }
        if query.field("setOperations") != .null { return [:] }
        if let groupingSets = query.field("groupingSets"), groupingSets != .null { return [:] }
        let rangeTable = query.field("rtable")?.elements ?? []
        var nullable = Set<Int>()
        if let joinTree = query.field("jointree") {
            collectNullable(joinTree, isNullable: false, into: &nullable)
        }
        var result: [Int: Origin] = [:]
        for entry in query.field("targetList")?.elements ?? [] where entry.nodeName == "TARGETENTRY" {
            guard case .atom("false")? = entry.field("resjunk"),
                  let position = entry.integer("resno"),
                  let expression = entry.field("expr"),
                  let origin = resolve(expression, rangeTable: rangeTable, nullable: nullable, depth: 0)
            else { continue }
            result[position] = origin
        }
        return result
    }

    /// Marks every range-table index under the nullable side of an outer join.
    private static func collectNullable(_ node: QueryTree, isNullable: Bool, into nullable: inout Set<Int>) {
        switch node.nodeName {
        case "FROMEXPR":
            for item in node.field("fromlist")?.elements ?? [] {
                collectNullable(item, isNullable: isNullable, into: &nullable)
            }
        case "RANGETBLREF":
            if isNullable, let index = node.integer("rtindex") { nullable.insert(index) }
        case "JOINEXPR":
            let joinType = node.integer("jointype") ?? -1
            // 0 inner, 1 left, 2 full, 3 right; anything else is treated as nullable on both sides.
            let leftNullable = isNullable || joinType == 2 || joinType == 3 || joinType > 3 || joinType < 0
            let rightNullable = isNullable || joinType == 1 || joinType == 2 || joinType > 3 || joinType < 0
            if let left = node.field("larg") { collectNullable(left, isNullable: leftNullable, into: &nullable) }
            if let right = node.field("rarg") { collectNullable(right, isNullable: rightNullable, into: &nullable) }
            if isNullable, let index = node.integer("rtindex") { nullable.insert(index) }
        default:
            break
        }
    }

    private static func resolve(_ expression: QueryTree, rangeTable: [QueryTree], nullable: Set<Int>, depth: Int) -> Origin? {
        guard depth < 32, expression.nodeName == "VAR",
              expression.integer("varlevelsup") == 0,
              let rangeIndex = expression.integer("varno"),
              let attribute = expression.integer("varattno"), attribute > 0,
              !nullable.contains(rangeIndex),
              rangeIndex >= 1, rangeIndex <= rangeTable.count
        else { return nil }
        let entry = rangeTable[rangeIndex - 1]
        // RTEKind numbers (parsenodes.h): RTE_RELATION 0, RTE_JOIN 2, RTE_GROUP 9.
        let aliases: [QueryTree]
        switch entry.integer("rtekind") {
        case 0:
            guard let relation = entry.integer("relid") else { return nil }
            return Origin(relationOID: relation, attributeNumber: attribute)
        case 2:
            aliases = entry.field("joinaliasvars")?.elements ?? []
        case 9:
            // PostgreSQL 18 points the grouped columns of a GROUP BY query at a group entry
            // whose `groupexprs` are the grouped expressions (grouping sets return earlier).
            aliases = entry.field("groupexprs")?.elements ?? []
        default:
            return nil
        }
        guard attribute <= aliases.count else { return nil }
        return resolve(aliases[attribute - 1], rangeTable: rangeTable, nullable: nullable, depth: depth + 1)
    }
}
