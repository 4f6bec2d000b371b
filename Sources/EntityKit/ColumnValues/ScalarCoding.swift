// The standard scalars encode and decode themselves through the keyed containers' own
// overloads for their type, as a synthesized conformance does, instead of the generic
// `encode<T: Encodable>`: from the entity's generic coder that generic path is not specialized,
// and an encoder such as Foundation's `JSONEncoder` then checks the value's type at run time and
// goes through the value's own `encode(to:)` and a single-value container.

extension String {
    /// `container.encode(_: String, forKey:)`.
    @_spi(Generated) public func encodeColumnValue<Key: CodingKey>(to container: inout KeyedEncodingContainer<Key>, forKey key: Key) throws {
        try container.encode(self, forKey: key)
    }

    /// `container.decode(String.self, forKey:)`.
    @_spi(Generated) public static func decodeColumnValue<Key: CodingKey>(from container: KeyedDecodingContainer<Key>, forKey key: Key) throws -> String {
        try container.decode(String.self, forKey: key)
    }
}

extension Bool {
    /// `container.encode(_: Bool, forKey:)`.
    @_spi(Generated) public func encodeColumnValue<Key: CodingKey>(to container: inout KeyedEncodingContainer<Key>, forKey key: Key) throws {
        try container.encode(self, forKey: key)
    }

    /// `container.decode(Bool.self, forKey:)`.
    @_spi(Generated) public static func decodeColumnValue<Key: CodingKey>(from container: KeyedDecodingContainer<Key>, forKey key: Key) throws -> Bool {
        try container.decode(Bool.self, forKey: key)
    }
}

extension Int16 {
    /// `container.encode(_: Int16, forKey:)`.
    @_spi(Generated) public func encodeColumnValue<Key: CodingKey>(to container: inout KeyedEncodingContainer<Key>, forKey key: Key) throws {
        try container.encode(self, forKey: key)
    }

    /// `container.decode(Int16.self, forKey:)`.
    @_spi(Generated) public static func decodeColumnValue<Key: CodingKey>(from container: KeyedDecodingContainer<Key>, forKey key: Key) throws -> Int16 {
        try container.decode(Int16.self, forKey: key)
    }
}

extension Int32 {
    /// `container.encode(_: Int32, forKey:)`.
    @_spi(Generated) public func encodeColumnValue<Key: CodingKey>(to container: inout KeyedEncodingContainer<Key>, forKey key: Key) throws {
        try container.encode(self, forKey: key)
    }

    /// `container.decode(Int32.self, forKey:)`.
    @_spi(Generated) public static func decodeColumnValue<Key: CodingKey>(from container: KeyedDecodingContainer<Key>, forKey key: Key) throws -> Int32 {
        try container.decode(Int32.self, forKey: key)
    }
}

extension Int64 {
    /// `container.encode(_: Int64, forKey:)`.
    @_spi(Generated) public func encodeColumnValue<Key: CodingKey>(to container: inout KeyedEncodingContainer<Key>, forKey key: Key) throws {
        try container.encode(self, forKey: key)
    }

    /// `container.decode(Int64.self, forKey:)`.
    @_spi(Generated) public static func decodeColumnValue<Key: CodingKey>(from container: KeyedDecodingContainer<Key>, forKey key: Key) throws -> Int64 {
        try container.decode(Int64.self, forKey: key)
    }
}

extension Double {
    /// `container.encode(_: Double, forKey:)`.
    @_spi(Generated) public func encodeColumnValue<Key: CodingKey>(to container: inout KeyedEncodingContainer<Key>, forKey key: Key) throws {
        try container.encode(self, forKey: key)
    }

    /// `container.decode(Double.self, forKey:)`.
    @_spi(Generated) public static func decodeColumnValue<Key: CodingKey>(from container: KeyedDecodingContainer<Key>, forKey key: Key) throws -> Double {
        try container.decode(Double.self, forKey: key)
    }
}

extension Float {
    /// `container.encode(_: Float, forKey:)`.
    @_spi(Generated) public func encodeColumnValue<Key: CodingKey>(to container: inout KeyedEncodingContainer<Key>, forKey key: Key) throws {
        try container.encode(self, forKey: key)
    }

    /// `container.decode(Float.self, forKey:)`.
    @_spi(Generated) public static func decodeColumnValue<Key: CodingKey>(from container: KeyedDecodingContainer<Key>, forKey key: Key) throws -> Float {
        try container.decode(Float.self, forKey: key)
    }
}
