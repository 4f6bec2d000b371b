/// The rows of one catalog query in text format: libpq's result (``ResultTable``) or rows
/// recorded for tests (``RecordedTable``). Cells are addressed by position; ``CatalogRows``
/// resolves the positions from the column names once per result.
protocol CatalogTable {
    var rowCount: Int { get }
    /// The names of the result's columns (the SELECT list's aliases), in order.
    var columnNames: [String] { get }
    func isNull(_ row: Int, _ column: Int) -> Bool
    /// The cell's text, or nil for NULL.
    func string(_ row: Int, _ column: Int) -> String?
    /// The cell as a base-10 integer, or nil for NULL or anything else.
    func integer(_ row: Int, _ column: Int) -> Int?
    /// The first byte of the cell's text (`t`/`f` of a boolean, a `"char"` code), or nil for NULL.
    func firstByte(_ row: Int, _ column: Int) -> UInt8?
}

/// Rows recorded as text, for assembling snapshots without a database.
struct RecordedTable: CatalogTable {
    var columnNames: [String]
    var rows: [[String?]]

    init(columns: [String], rows: [[String?]]) {
        self.columnNames = columns
        self.rows = rows
    }

    var rowCount: Int { rows.count }

    func isNull(_ row: Int, _ column: Int) -> Bool {
        string(row, column) == nil
    }

    func string(_ row: Int, _ column: Int) -> String? {
        column < rows[row].count ? rows[row][column] : nil
    }

    func integer(_ row: Int, _ column: Int) -> Int? {
        string(row, column).flatMap { Int($0) }
    }

    func firstByte(_ row: Int, _ column: Int) -> UInt8? {
        string(row, column).map { $0.utf8.first ?? 0 }
    }
}
