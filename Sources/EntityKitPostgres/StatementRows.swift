import PostgresNIO

/// How a statement's rows reach the code that reads them.
public enum RowDelivery: Sendable, Hashable {
    /// The driver reads every row as it arrives, before the reader starts: what every operation
    /// that returns all its rows uses. It never pauses the connection for a slow reader, which
    /// keeps PostgresNIO out of its back-pressure state, where a connection the server drops
    /// mid-result traps the process (PostgresNIO 1.33, see the Reliability article).
    case collected
    /// Rows arrive as the reader asks for them, with back-pressure: constant memory for any
    /// number of rows (``PostgresQueryRunner/stream(_:logger:)``).
    case streamed
}

/// The rows of a statement: collected, streamed unnamed, or streamed from a prepared statement.
public struct StatementRows: AsyncSequence, Sendable {
    public typealias Element = PostgresRow

    enum Source: Sendable {
        case collected([PostgresRow])
        case unnamed(PostgresRowSequence)
        case prepared(AsyncThrowingMapSequence<PostgresRowSequence, PostgresRow>)
    }

    let source: Source
    /// Counts the rows read, for a statement that is observed.
    var counter: RowCounter?

    /// Rows already read.
    public init(collected rows: [PostgresRow]) {
        source = .collected(rows)
    }

    /// The rows of an unnamed statement, as `PostgresConnection.query` streams them.
    public init(_ rows: PostgresRowSequence) {
        source = .unnamed(rows)
    }

    /// The rows of a prepared statement, as PostgresNIO's `execute` returns them.
    public init(_ rows: AsyncThrowingMapSequence<PostgresRowSequence, PostgresRow>) {
        source = .prepared(rows)
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        enum Source {
            case collected([PostgresRow], Int)
            case unnamed(PostgresRowSequence.AsyncIterator)
            case prepared(AsyncThrowingMapSequence<PostgresRowSequence, PostgresRow>.AsyncIterator)
        }

        var source: Source
        let counter: RowCounter?

        public mutating func next() async throws -> PostgresRow? {
            let row = try await nextRow()
            if let counter, row != nil { counter.count += 1 }
            return row
        }

        private mutating func nextRow() async throws -> PostgresRow? {
            switch source {
            case let .collected(rows, position):
                guard position < rows.count else { return nil }
                source = .collected(rows, position + 1)
                return rows[position]
            case var .unnamed(iterator):
                let row = try await iterator.next()
                source = .unnamed(iterator)
                return row
            case var .prepared(iterator):
                let row = try await iterator.next()
                source = .prepared(iterator)
                return row
            }
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        switch source {
        case let .collected(rows): AsyncIterator(source: .collected(rows, 0), counter: counter)
        case let .unnamed(rows): AsyncIterator(source: .unnamed(rows.makeAsyncIterator()), counter: counter)
        case let .prepared(rows): AsyncIterator(source: .prepared(rows.makeAsyncIterator()), counter: counter)
        }
    }

    /// These rows, counted into `counter` as they are read (unchanged when it is nil).
    func counted(by counter: RowCounter?) -> StatementRows {
        var rows = self
        rows.counter = counter
        return rows
    }
}
