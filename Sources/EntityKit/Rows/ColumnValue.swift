/// A Swift type that a column holds: read from a result cell, written as a literal.
///
/// Every type the generator maps a column to conforms: the standard library's integers,
/// floating-point numbers, `Bool` and `String`, Foundation's `UUID`, `Data`, `Date` and
/// `Decimal`, the `PG*` value types, arrays and optionals of them, and generated enums,
/// composites and domains. A type override must name a conforming type; a `Codable` type kept
/// as JSON conforms by declaring ``JSONColumnValue``.
public protocol ColumnValue: Sendable {
    /// The type without optionality: what a comparison with a column of this type takes.
    associatedtype NonNull: ColumnValue = Self

    /// Reads a non-NULL cell: the type's binary form, or its text form when the cell is text.
    @_spi(Generated) static func decode(_ cell: Cell) throws -> Self

    /// The value of a NULL cell. Only optionals have one; every other type throws.
    @_spi(Generated) static func decodeNull() throws -> Self

    /// True when a result column of type `typeOID` can be read into this type. Checked once
    /// per result set, before any row is decoded.
    @_spi(Generated) static func accepts(typeOID: UInt32) -> Bool

    /// The value as a literal the server reads back exactly.
    var sqlLiteral: SQLLiteral { get }

    /// Reads an element of an array with `dimensions` more levels below it. Scalars read one
    /// element; arrays read one level of elements each. Implemented by EntityKit.
    @_spi(Generated) static func decodeArrayElement(dimensions: ArraySlice<Int>, from elements: inout ArrayElements) throws -> Self

    /// Feeds the value to `hasher` as its `Hashable` conformance does: how an entity hashes
    /// itself, column by column (see ``Entity``). Implemented by EntityKit.
    @_spi(Generated) func hashColumnValue(into hasher: inout Hasher)

    /// True when `other` equals the value, as `==` says: how an entity compares itself, column by
    /// column. Implemented by EntityKit.
    @_spi(Generated) func isEqualColumnValue(to other: Self) -> Bool

    /// Writes the value under `key` as a synthesized `Encodable` conformance writes a property
    /// (a nil optional is left out): how an entity encodes itself, column by column. Implemented
    /// by EntityKit (see `ColumnValueCoding.swift`).
    @_spi(Generated) func encodeColumnValue<Key: CodingKey>(to container: inout KeyedEncodingContainer<Key>, forKey key: Key) throws

    /// Reads the value under `key` as a synthesized `Decodable` conformance reads a property (an
    /// optional is nil when the key is missing or `null`). Implemented by EntityKit.
    @_spi(Generated) static func decodeColumnValue<Key: CodingKey>(from container: KeyedDecodingContainer<Key>, forKey key: Key) throws -> Self
}

extension ColumnValue where Self: Hashable {
    /// Combines the value into `hasher` through its `Hashable` conformance.
    @_spi(Generated) public func hashColumnValue(into hasher: inout Hasher) {
        hasher.combine(self)
    }

    /// `==`.
    @_spi(Generated) public func isEqualColumnValue(to other: Self) -> Bool {
        self == other
    }
}

extension ColumnValue {
    // For a type whose conformance cannot see that it is Hashable: through a dynamic cast, or,
    // for a type that is not Hashable at all, through the literal it is written as.

    /// Combines the value into `hasher`: through `Hashable` when the type has it, else through
    /// ``sqlLiteral``.
    @_spi(Generated) public func hashColumnValue(into hasher: inout Hasher) {
        if let hashable = self as? any Hashable {
            hasher.combine(hashable)
        } else {
            hasher.combine(sqlLiteral)
        }
    }

    /// True when both are equal: through `Hashable` when the type has it, else when their
    /// ``sqlLiteral``s are.
    @_spi(Generated) public func isEqualColumnValue(to other: Self) -> Bool {
        if let hashable = self as? any Hashable, let otherHashable = other as? any Hashable {
            return AnyHashable(hashable) == AnyHashable(otherHashable)
        }
        return sqlLiteral == other.sqlLiteral
    }
}

extension ColumnValue {
    @_spi(Generated) public static func decodeNull() throws -> Self {
        throw CellDecodingError("the value is NULL but \(Self.self) is not optional: make the Swift type optional")
    }

    @_spi(Generated) public static func decodeArrayElement(dimensions: ArraySlice<Int>, from elements: inout ArrayElements) throws -> Self {
        guard dimensions.isEmpty else {
            throw CellDecodingError("the array has more dimensions than \(Self.self) has levels")
        }
        return try elements.next(Self.self)
    }
}

/// Marks optional column types: only they have ``TypedExpression/isNull()``.
public protocol NullableColumnValue: ColumnValue {}

extension Optional: ColumnValue where Wrapped: ColumnValue {
    public typealias NonNull = Wrapped.NonNull

    @_spi(Generated) public static func decode(_ cell: Cell) throws -> Self { try Wrapped.decode(cell) }
    @_spi(Generated) public static func decodeNull() throws -> Self { nil }
    @_spi(Generated) public static func accepts(typeOID: UInt32) -> Bool { Wrapped.accepts(typeOID: typeOID) }

    public var sqlLiteral: SQLLiteral {
        switch self {
        case .none: return .null
        case let .some(value): return value.sqlLiteral
        }
    }

    /// As `Optional`'s own `Hashable` conformance hashes: a marker for nil or a value, then the
    /// wrapped value through its type's `hashColumnValue(into:)`.
    @_spi(Generated) public func hashColumnValue(into hasher: inout Hasher) {
        switch self {
        case .none:
            hasher.combine(0 as UInt8)
        case let .some(value):
            hasher.combine(1 as UInt8)
            value.hashColumnValue(into: &hasher)
        }
    }

    /// True when both are nil, or both wrap equal values.
    @_spi(Generated) public func isEqualColumnValue(to other: Self) -> Bool {
        switch (self, other) {
        case (.none, .none): return true
        case let (.some(value), .some(otherValue)): return value.isEqualColumnValue(to: otherValue)
        default: return false
        }
    }

    /// Nothing for nil (`encodeIfPresent`), else the wrapped value.
    @_spi(Generated) public func encodeColumnValue<Key: CodingKey>(to container: inout KeyedEncodingContainer<Key>, forKey key: Key) throws {
        if let value = self { try value.encodeColumnValue(to: &container, forKey: key) }
    }

    /// Nil when the key is missing or `null` (`decodeIfPresent`), else the wrapped value.
    @_spi(Generated) public static func decodeColumnValue<Key: CodingKey>(
        from container: KeyedDecodingContainer<Key>, forKey key: Key
    ) throws -> Self {
        guard container.contains(key), try !container.decodeNil(forKey: key) else { return nil }
        return try Wrapped.decodeColumnValue(from: container, forKey: key)
    }

}

extension Optional: NullableColumnValue where Wrapped: ColumnValue {}
