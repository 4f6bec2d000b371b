/// Chosen columns or expressions of a query, read into typed tuples (or, by name, into a
/// `Decodable` type of your own): `User.all().group { $0.role }.select { ($0.role, $0.id.count) }`
/// reads `(UserRole, Int64)` rows.
public struct Projection<each Value: ColumnValue>: Sendable {
    /// The SELECT statement.
    public let statement: SQLStatement
    /// The result's column names, in order (aliases where given).
    public let columnNames: [String]
}

/// A select list item with a name: `$0.id.count.as("count")`, for decoding by name.
public struct NamedExpression<Base: TypedExpression>: TypedExpression {
    /// The named expression's values are the expression's.
    public typealias Value = Base.Value
    let base: Base
    let name: String

    public var expression: SQLFragment { base.expression }
    public var readExpression: SQLFragment { base.readExpression }
    public var selectItem: SQLFragment { base.readExpression + " AS \(unsafeRaw: SQLIdentifier.quote(name))" }
}

// `readExpression` and `selectItem` are requirements of `TypedExpression`, so that a select list
// built from a parameter pack (`select { ($0.a, $0.b.as("n")) }`) gets each term's own: as
// extension members only, the pack's generic code would use these defaults for every term,
// dropping names and read casts.
extension TypedExpression {
    /// The expression itself: most expressions are read as they are.
    public var readExpression: SQLFragment { expression }

    /// The expression as it is read, unnamed.
    public var selectItem: SQLFragment { readExpression }

    /// The expression named `name` in the result, for decoding by name into your own type.
    public func `as`(_ name: String) -> NamedExpression<Self> {
        NamedExpression(base: self, name: name)
    }
}

extension TableColumn {
    /// The column, cast as its reading needs.
    public var readExpression: SQLFragment {
        guard let cast = column.definition.readCast else { return expression }
        return "\(self)::\(unsafeRaw: cast)"
    }

    /// The column, cast as its reading needs and then named as the column.
    public var selectItem: SQLFragment {
        guard column.definition.readCast != nil else { return expression }
        return readExpression + " AS \(unsafeRaw: column.quotedName)"
    }
}

extension EntityQuery {
    /// Groups the rows: `.group { $0.role }` or `.group { ($0.tenantID, $0.role) }`.
    public func group<each Term: TypedExpression>(_ build: (E.TableColumns) -> (repeat each Term)) -> Self {
        var copy = self
        let terms = build(E.columns)
        for term in repeat each terms { copy.grouping.append(term.expression) }
        return copy
    }

    /// Keeps the groups where `build` holds: `.having { $0.id.count > 5 }`.
    public func having(_ build: (E.TableColumns) -> some SQLPredicate) -> Self {
        var copy = self
        let added = build(E.columns).condition
        copy.havingCondition = havingCondition.map { $0 && added } ?? added
        return copy
    }

    /// ` GROUP BY … HAVING …`, as far as set.
    var groupClause: SQLFragment {
        var fragment = SQLFragment(sql: "")
        if !grouping.isEmpty {
            fragment.append(sql: " GROUP BY ")
            fragment.append(.joined(grouping, separator: ", "))
        }
        if let havingCondition { fragment.append(" HAVING " + havingCondition.fragment) }
        return fragment
    }

    /// Selects the values `build` names instead of whole rows.
    public func select<each Term: TypedExpression>(_ build: (E.TableColumns) -> (repeat each Term)) -> Projection<repeat (each Term).Value> {
        let terms = build(E.columns)
        var items: [SQLFragment] = []
        var names: [String] = []
        for term in repeat each terms {
            items.append(term.selectItem)
            names.append(Self.resultName(of: term))
        }
        var fragment = SQLFragment(sql: "SELECT ")
        fragment.append(.joined(items, separator: ", "))
        fragment.append(sql: " FROM \(E.qualifiedTableName)")
        fragment.append(whereClause)
        fragment.append(groupClause)
        fragment.append(orderAndLimitClause)
        if let lock { fragment.append(sql: lock.sql) }
        return Projection(statement: fragment.statement(), columnNames: names)
    }

    private static func resultName<Term: TypedExpression>(of term: Term) -> String {
        if let named = term as? any NamedResult { return named.resultName }
        return ""
    }
}

/// What a select list item is called in the result, when known.
protocol NamedResult {
    var resultName: String { get }
}

extension NamedExpression: NamedResult {
    var resultName: String { name }
}

extension TableColumn: NamedResult {
    var resultName: String { column.rawValue }
}
