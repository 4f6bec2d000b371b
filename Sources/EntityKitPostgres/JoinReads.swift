@_spi(Generated) import EntityKit
import PostgresNIO

extension PostgresQueryRunner {
    /// The pairs an inner join selects.
    public func all<Left: Entity, Right: Entity>(_ join: JoinQuery<Left, Right, InnerJoin>, logger: Logger = .entityKitSilent) async throws -> [(Left, Right)] {
        var result: [(Left, Right)] = []
        let names = Left.columnNames + Right.columnNames
        var first = true
        try await forEachRow(join.selectStatement, logger: logger) { row in
            var reader = PostgresRowReader(row, checking: first ? names : nil, reading: ReadingName(Left.self, and: Right.self))
            first = false
            result.append((try Left(row: &reader), try Right(row: &reader)))
        }
        return result
    }

    /// The rows a left join selects: the right side is nil where nothing matched.
    public func all<Left: Entity, Right: Entity>(_ join: JoinQuery<Left, Right, LeftJoin>, logger: Logger = .entityKitSilent) async throws -> [(Left, Right?)] {
        var result: [(Left, Right?)] = []
        let names = Left.columnNames + Right.columnNames
        let rightCount = Right.columnNames.count
        var first = true
        try await forEachRow(join.selectStatement, logger: logger) { row in
            var reader = PostgresRowReader(row, checking: first ? names : nil, reading: ReadingName(Left.self, and: Right.self))
            first = false
            let left = try Left(row: &reader)
            let right: Right? = reader.nextCellsAreNull(rightCount) ? nil : try Right(row: &reader)
            result.append((left, right))
        }
        return result
    }

    /// The whole rows a selection selects.
    public func all<E: Entity>(_ selection: EntitySelection<E>, logger: Logger = .entityKitSilent) async throws -> [E] {
        try await rows(selection.statement, as: E.self, logger: logger)
    }
}
