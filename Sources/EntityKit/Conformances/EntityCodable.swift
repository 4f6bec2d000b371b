/// `Codable` for every entity, through the positional `init(row:)` and
/// `write(to:)` that generated code already has, keyed by the entity's `Column`
/// (its raw values are the column names).
///
/// The JSON is what the compiler's synthesized conformance wrote for the same struct with
/// `CodingKeys = Column`: every column under its name, a nil optional left out when encoding and
/// read as nil when missing or `null`. Implementing it once here, generically, instead of having
/// the compiler synthesize it in every generated file, removes about a tenth of a model module's
/// code: a 1,000-table module compiles that much faster.
extension Entity {
    /// Reads the entity from a keyed container whose keys are the column names.
    public init(from decoder: any Decoder) throws {
        var reader = KeyedColumnReader<Column>(container: try decoder.container(keyedBy: Column.self))
        try self.init(row: &reader)
    }

    /// Writes every column under its name; nil optionals are left out.
    public func encode(to encoder: any Encoder) throws {
        var writer = KeyedColumnWriter<Column>(container: encoder.container(keyedBy: Column.self))
        write(to: &writer)
        if let error = writer.firstError { throw error }
    }
}

/// Reads the cells of a row from a keyed decoding container, one column after another in
/// `Column` order, which is the order in which `init(row:)` reads.
struct KeyedColumnReader<Key: EntityColumn>: RowReader {
    let container: KeyedDecodingContainer<Key>
    private let columns = Array(Key.allCases)
    private var position = 0

    init(container: KeyedDecodingContainer<Key>) {
        self.container = container
    }

    mutating func next<Value: ColumnValue>(_ type: Value.Type) throws -> Value {
        guard position < columns.count else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: container.codingPath,
                debugDescription: "the entity reads more values than \(Key.self) has columns"))
        }
        let key = columns[position]
        position += 1
        return try Value.decodeColumnValue(from: container, forKey: key)
    }
}

/// Writes the values of a row into a keyed encoding container under their column names, in
/// `Column` order, which is the order in which `write(to:)` writes.
struct KeyedColumnWriter<Key: EntityColumn>: RowWriter {
    var container: KeyedEncodingContainer<Key>
    private let columns = Array(Key.allCases)
    private var position = 0
    /// `RowWriter` does not throw: the first failure is kept and thrown after the row.
    private(set) var firstError: (any Error)?

    init(container: KeyedEncodingContainer<Key>) {
        self.container = container
    }

    mutating func write<Value: ColumnValue>(_ value: Value) {
        guard firstError == nil else { return }
        guard position < columns.count else {
            firstError = EncodingError.invalidValue(value, .init(
                codingPath: container.codingPath,
                debugDescription: "the entity writes more values than \(Key.self) has columns"))
            return
        }
        let key = columns[position]
        position += 1
        do {
            try value.encodeColumnValue(to: &container, forKey: key)
        } catch {
            firstError = error
        }
    }

    /// Entities write every column; only drafts leave one to the database.
    mutating func writeDefault() {
        position += 1
    }
}
