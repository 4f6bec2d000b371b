/// A value with PostgreSQL's text representation: what the server accepts as input and what
/// EntityKit reads back when a column is selected as text.
///
/// `postgresLiteral` never depends on session settings (dates are ISO 8601, intervals are spelled
/// in exact units), and `init(postgresLiteral:)` accepts what the server prints for it.
public protocol PGLiteralConvertible: Sendable {
    /// Parses the server's text form; throws ``PGLiteralError`` when it is not valid.
    init(postgresLiteral: String) throws
    /// The value as a literal the server reads back exactly.
    var postgresLiteral: String { get }
}

/// A text form that is not a valid value of the expected type.
public struct PGLiteralError: Error, CustomStringConvertible, Hashable {
    /// The PostgreSQL type the text was read as, such as `interval` or `tstzrange`.
    public let typeName: String
    /// The offending text, cut to its first 200 characters.
    public let literal: String

    /// An error for `literal`, which is not valid `typeName` text.
    public init(_ typeName: String, _ literal: String) {
        self.typeName = typeName
        self.literal = String(literal.prefix(200))
    }

    public var description: String { "\"\(literal)\" is not a valid \(typeName) value" }
}

/// A Swift enum generated from a PostgreSQL enum type; raw values are the labels.
public protocol PGEnum: ColumnValue, RawRepresentable, CaseIterable, Codable, Hashable where RawValue == String {
    /// The schema that holds the enum type.
    static var schemaName: String { get }
    /// The enum type's name.
    static var typeName: String { get }
}

/// A Swift struct generated from a PostgreSQL composite type.
public protocol PGComposite: ColumnValue, Codable, Hashable {
    /// The schema that holds the composite type.
    static var schemaName: String { get }
    /// The composite type's name.
    static var typeName: String { get }
    /// Attribute names in declaration order: composite values carry fields by position.
    static var attributeNames: [String] { get }

    /// Reads the fields in attribute order.
    @_spi(Generated) init(row: inout some RowReader) throws
    /// Writes the fields in attribute order.
    @_spi(Generated) func write(to writer: inout some RowWriter)
}

// The JSON form of every PG value type is its literal (ISO 8601 dates, exact numerals, …), so a
// model serialized with `JSONEncoder` loses nothing. Types with another form declare their own.
extension PGLiteralConvertible where Self: Decodable {
    /// Decodes the value from its literal, a JSON string (`"2024-01-15"`, `"[1,5)"`), as
    /// ``PGLiteralConvertible/encode(to:)`` writes it.
    public init(from decoder: Decoder) throws {
        try self.init(postgresLiteral: try decoder.singleValueContainer().decode(String.self))
    }
}

extension PGLiteralConvertible where Self: Encodable {
    /// Encodes the value as its ``PGLiteralConvertible/postgresLiteral`` string, so a model
    /// serialized with `JSONEncoder` keeps the exact value.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(postgresLiteral)
    }
}
