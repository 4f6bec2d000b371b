import EntityKit
import PostgresNIO

extension PostgresRow {
    /// Decodes the row into any `Decodable` type whose coding keys are the column names: for
    /// types you write yourself. Generated entities decode faster with ``decode(_:)``.
    public func decodeRow<T: Decodable>(_ type: T.Type) throws -> T {
        var cells: [String: CellValue] = [:]
        cells.reserveCapacity(count)
        for cell in self where cells[cell.columnName] == nil {
            cells[cell.columnName] = CellValue(cell)
        }
        return try T(from: RowDecoder(cells: cells))
    }
}
