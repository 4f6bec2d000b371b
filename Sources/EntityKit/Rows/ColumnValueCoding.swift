/// How entities encode and decode their columns with `Codable` (``Entity``'s `encode(to:)` and
/// `init(from:)`): statically, through the column type's own `Encodable` and `Decodable`, when
/// the conformance can see them, which is every scalar, `PG*` type, generated enum and
/// composite. The entity's coder then makes no dynamic cast per column, which made entity JSON
/// about 1.5 times as slow as a synthesized conformance's.
extension ColumnValue where Self: Encodable {
    /// `container.encode(self, forKey: key)`.
    @_spi(Generated) public func encodeColumnValue<Key: CodingKey>(to container: inout KeyedEncodingContainer<Key>, forKey key: Key) throws {
        try container.encode(self, forKey: key)
    }
}

extension ColumnValue where Self: Decodable {
    /// `container.decode(Self.self, forKey: key)`.
    @_spi(Generated) public static func decodeColumnValue<Key: CodingKey>(
        from container: KeyedDecodingContainer<Key>, forKey key: Key
    ) throws -> Self {
        try container.decode(Self.self, forKey: key)
    }
}

extension ColumnValue {
    // For a type whose conformance cannot see that it is Codable (arrays, whose elements are
    // only known to be column values): through a dynamic cast.

    /// Encodes the value through its dynamic `Encodable` conformance; a type without one is an
    /// `EncodingError` that says to add it.
    @_spi(Generated) public func encodeColumnValue<Key: CodingKey>(to container: inout KeyedEncodingContainer<Key>, forKey key: Key) throws {
        guard let encodable = self as? any Encodable else {
            throw EncodingError.invalidValue(self, .init(
                codingPath: container.codingPath + [key],
                debugDescription: "\(Self.self) is not Encodable: make it conform to Encodable to encode the entity"))
        }
        try container.encode(encodable, forKey: key)
    }

    /// Decodes the value through its dynamic `Decodable` conformance; a type without one is a
    /// `DecodingError` that says to add it.
    @_spi(Generated) public static func decodeColumnValue<Key: CodingKey>(
        from container: KeyedDecodingContainer<Key>, forKey key: Key
    ) throws -> Self {
        guard let decodable = Self.self as? any Decodable.Type else {
            throw DecodingError.typeMismatch(Self.self, .init(
                codingPath: container.codingPath + [key],
                debugDescription: "\(Self.self) is not Decodable: make it conform to Decodable to decode the entity"))
        }
        return try decode(decodable, from: container, forKey: key) as! Self
    }

    private static func decode<Decoded: Decodable, Key: CodingKey>(
        _ type: Decoded.Type, from container: KeyedDecodingContainer<Key>, forKey key: Key
    ) throws -> Decoded {
        try container.decode(type, forKey: key)
    }
}
