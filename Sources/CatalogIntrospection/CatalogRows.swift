/// The columns of one catalog query: the raw values are the aliases of its SELECT list.
protocol CatalogColumn: RawRepresentable, CaseIterable, Hashable where RawValue == String {
    /// The query's name, for errors.
    static var query: String { get }
}

/// The rows of a catalog query, read by column name.
///
/// Every column of `Column` is looked up by name once, when the rows are wrapped: a column the
/// query does not return is an error naming the query and the column, never a silent misread.
/// Reads of values the query promises (`required`, `int`, `bool`, …) throw when the value is NULL
/// or malformed, instead of turning into `""`, `0` or `false`.
struct CatalogRows<Column: CatalogColumn, Table: CatalogTable> {
    let table: Table
    /// Result positions by case tag (see ``tag(_:)``), or empty when the tags are not usable.
    private let positionsByTag: [Int]
    /// Result positions by case, for when they are not.
    private let positionsByColumn: [Column: Int]

    init(_ table: Table) throws(IntrospectionError) {
        var byName: [String: Int] = [:]
        for (position, name) in table.columnNames.enumerated() where byName[name] == nil {
            byName[name] = position
        }
        var positionsByTag: [Int] = []
        var positionsByColumn: [Column: Int] = [:]
        var tagsAreOrdinals = true
        for (ordinal, column) in Column.allCases.enumerated() {
            guard let position = byName[column.rawValue] else {
                throw .catalogColumnMissing(query: Column.query, column: column.rawValue)
            }
            positionsByTag.append(position)
            positionsByColumn[column] = position
            tagsAreOrdinals = tagsAreOrdinals && Self.tag(column) == ordinal
        }
        self.table = table
        self.positionsByTag = tagsAreOrdinals ? positionsByTag : []
        self.positionsByColumn = positionsByColumn
    }

    var count: Int { table.rowCount }

    /// The in-memory tag of a case: for an enum without payloads, one byte numbering the cases in
    /// declaration order. `init` checks that against `allCases` before relying on it. This matters
    /// because a String-backed enum compares and hashes by its raw value: looking a case up that
    /// way cost hundreds of instructions per read, at a dozen reads for each of tens of thousands
    /// of rows.
    @inline(__always)
    private static func tag(_ column: Column) -> Int? {
        withUnsafeBytes(of: column) { $0.count == 1 ? Int($0[0]) : nil }
    }

    @inline(__always)
    private func position(_ column: Column) -> Int {
        if !positionsByTag.isEmpty, let tag = Self.tag(column) { return positionsByTag[tag] }
        return positionsByColumn[column]!
    }

    private func missing(_ row: Int, _ column: Column) -> IntrospectionError {
        .catalogValueMissing(query: Column.query, column: column.rawValue, detail: "row \(row + 1)")
    }

    /// A value that may be NULL.
    func string(_ row: Int, _ column: Column) -> String? {
        table.string(row, position(column))
    }

    /// A value the query never returns as NULL.
    func required(_ row: Int, _ column: Column) throws(IntrospectionError) -> String {
        guard let value = table.string(row, position(column)) else { throw missing(row, column) }
        return value
    }

    func int(_ row: Int, _ column: Column) throws(IntrospectionError) -> Int {
        guard let value = table.integer(row, position(column)) else { throw missing(row, column) }
        return value
    }

    /// An integer that may be NULL.
    func optionalInt(_ row: Int, _ column: Column) throws(IntrospectionError) -> Int? {
        let position = position(column)
        if table.isNull(row, position) { return nil }
        guard let value = table.integer(row, position) else { throw missing(row, column) }
        return value
    }

    func bool(_ row: Int, _ column: Column) throws(IntrospectionError) -> Bool {
        switch table.firstByte(row, position(column)) {
        case UInt8(ascii: "t"): return true
        case UInt8(ascii: "f"): return false
        default: throw missing(row, column)
        }
    }

    /// A `"char"` code such as `relkind`; 0 for the empty code (`attidentity` of a plain column).
    func code(_ row: Int, _ column: Column) throws(IntrospectionError) -> UInt8 {
        guard let value = table.firstByte(row, position(column)) else { throw missing(row, column) }
        return value
    }

    /// A text array the query never returns as NULL; NULL elements are dropped.
    func strings(_ row: Int, _ column: Column) throws(IntrospectionError) -> [String] {
        try optionalStrings(row, column).compactMap { $0 }
    }

    /// A text array the query never returns as NULL, NULL elements kept as nil.
    func optionalStrings(_ row: Int, _ column: Column) throws(IntrospectionError) -> [String?] {
        PostgresArrayLiteral.parse(try required(row, column))
    }

    /// An integer array the query never returns as NULL.
    func ints(_ row: Int, _ column: Column) throws(IntrospectionError) -> [Int] {
        var values: [Int] = []
        for element in try optionalStrings(row, column) {
            guard let element, let value = Int(element) else { throw missing(row, column) }
            values.append(value)
        }
        return values
    }
}
