@_spi(Generated) import EntityKit
import PostgresNIO

/// A page of rows, numbered from 1.
public struct Page<E: Entity>: Sendable {
    /// The page's rows, in the query's order: at most ``perPage``, none past the last page.
    public let items: [E]
    /// The page's number, from 1.
    public let number: Int
    /// The page size the paginator was made with (`paginate(_:perPage:logger:)`).
    public let perPage: Int
    /// How many rows the query selects in all.
    public let total: Int

    /// How many pages there are (0 when there are no rows).
    public var pageCount: Int { pageCountOf(total: total, perPage: perPage) }
    /// True when a page follows this one.
    public var hasNext: Bool { number < pageCount }
}

/// A query's rows, page by page: pages are numbered from 1, as people count them.
public struct Paginator<E: Entity, Runner: PostgresQueryRunner>: Sendable {
    let runner: Runner
    let query: EntityQuery<E>
    /// Rows per page.
    public let perPage: Int
    let logger: Logger

    /// How many rows the query selects.
    public func totalCount() async throws -> Int {
        try await runner.count(query, logger: logger)
    }

    /// How many pages there are.
    public func pageCount() async throws -> Int {
        pageCountOf(total: try await totalCount(), perPage: perPage)
    }

    /// Page `number` (from 1): a page past the end is empty, with the right total. Any number
    /// a request can carry is safe: below 1 is an error, and one so large that its offset
    /// would not fit a 64-bit integer is ``PaginationError/pageOutOfRange(_:perPage:)``.
    public func page(_ number: Int) async throws -> Page<E> {
        guard number >= 1 else { throw PaginationError.pageBelowOne(number) }
        let (offset, overflow) = (number - 1).multipliedReportingOverflow(by: perPage)
        guard !overflow else { throw PaginationError.pageOutOfRange(number, perPage: perPage) }
        let items = try await runner.all(query.limit(perPage).offset(offset), logger: logger)
        return Page(items: items, number: number, perPage: perPage, total: try await totalCount())
    }

}

/// `ceil(total / perPage)`, without overflow for any page size.
func pageCountOf(total: Int, perPage: Int) -> Int {
    guard perPage > 0, total > 0 else { return 0 }
    return total / perPage + (total % perPage == 0 ? 0 : 1)
}

/// A page request that cannot be met.
public enum PaginationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `page(_:)` was asked for this page number, below 1: pages are numbered from 1.
    case pageBelowOne(Int)
    /// `paginate(_:perPage:logger:)` was given this page size, below 1.
    case perPageBelowOne(Int)
    /// `page(_:)` was asked for a page so far out that its first row's position does not fit
    /// a 64-bit integer.
    case pageOutOfRange(Int, perPage: Int)

    public var description: String {
        switch self {
        case let .pageBelowOne(number): return "page \(number) does not exist: pages are numbered from 1"
        case let .perPageBelowOne(count): return "\(count) rows per page is not a page size: pass 1 or more"
        case let .pageOutOfRange(number, perPage): return "page \(number) of \(perPage) rows is out of range: ask for a smaller page number"
        }
    }
}

/// A page of a keyset pagination, with the cursor of the next page.
public struct KeysetPage<E: Entity, each Key: ColumnValue>: Sendable {
    /// The page's rows, in key order: at most the `limit` asked for.
    public let items: [E]
    /// The key of the last row: pass it as `after:` for the next page. Nil when this page is
    /// not full, so no row follows.
    public let next: (repeat each Key)?
}

extension PostgresQueryRunner {
    /// The query's rows in pages of `perPage`, numbered from 1; it must order its rows (by a
    /// unique column list) for pages to be stable.
    public func paginate<E: Entity>(_ query: EntityQuery<E>, perPage: Int, logger: Logger = .entityKitSilent) throws -> Paginator<E, Self> {
        guard perPage >= 1 else { throw PaginationError.perPageBelowOne(perPage) }
        return Paginator(runner: self, query: query, perPage: perPage, logger: logger)
    }

    /// The rows after `cursor` in key order (the first rows for nil), at most `limit`.
    public func page<E: Entity, each Key: ColumnValue>(
        _ keyset: KeysetQuery<E, repeat each Key>, after cursor: (repeat each Key)?, limit: Int, logger: Logger = .entityKitSilent
    ) async throws -> KeysetPage<E, repeat each Key> {
        var items: [E] = []
        var last: (repeat each Key)?
        var first = true
        try await forEachRow(keyset.statement(after: cursor, limit: limit), logger: logger) { row in
            var reader = PostgresRowReader(row, checking: first ? E.columnNames : nil, reading: ReadingName(E.self))
            first = false
            items.append(try E(row: &reader))
            last = (repeat try reader.next((each Key).self))
        }
        return KeysetPage(items: items, next: items.count == limit ? last : nil)
    }
}
