import EntityKit
import PostgresNIO

extension PostgresRow {
    /// Decodes the row into a generated entity (columns by name).
    ///
    /// Columns whose type has no binary form must be selected as text, as
    /// ``EntityKit/EntityColumn/selectExpression`` does; `SELECT *` works for every other table.
    public func decode<E: Entity>(_ type: E.Type) throws -> E {
        try decodeRow(type)
    }

    /// Decodes the row into any `Decodable` type whose coding keys are the column names.
    public func decodeRow<T: Decodable>(_ type: T.Type) throws -> T {
        var cells: [String: CellValue] = [:]
        cells.reserveCapacity(count)
        for cell in self where cells[cell.columnName] == nil {
            cells[cell.columnName] = CellValue(cell)
        }
        return try T(from: RowDecoder(cells: cells))
    }
}

extension Entity {
    /// The select list that reads every column decodably: `"id", "tags"::text[] AS "tags"`.
    public static func selectList(alias: String? = nil) -> String {
        Column.allCases.map { column in
            let reference = alias.map { "\($0).\(column.quotedName)" } ?? column.quotedName
            guard let cast = column.definition.readCast else { return reference }
            return "\(reference)::\(cast) AS \(column.quotedName)"
        }.joined(separator: ", ")
    }
}
