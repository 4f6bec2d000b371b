// Arrays, as array_send writes them: `int32` dimension count, `int32` has-NULLs flag, `uint32`
// element OID, then per dimension `int32` length and `int32` lower bound, then the elements in
// storage order (the last dimension varies fastest), each an `int32` length (-1 for NULL) and
// the element type's binary form. One level of Swift array per dimension: `[[Int32]]` reads a
// two-dimensional `integer[]`.

extension Array: ColumnValue where Element: ColumnValue {
    /// As `Array`'s own `Hashable` conformance hashes: the count, then every element.
    @_spi(Generated) public func hashColumnValue(into hasher: inout Hasher) {
        hasher.combine(count)
        for element in self { element.hashColumnValue(into: &hasher) }
    }

    /// True when both have the same elements in the same order.
    @_spi(Generated) public func isEqualColumnValue(to other: [Element]) -> Bool {
        count == other.count && zip(self, other).allSatisfy { $0.isEqualColumnValue(to: $1) }
    }

    /// The binary form; or the text form (`{1,2,NULL}`) when the array is a field of a composite
    /// value read as text, whose elements are then parsed as text.
    @_spi(Generated) public static func decode(_ cell: Cell) throws -> [Element] {
        guard cell.isText else { return try decodeBinary(cell.bytes) }
        let binary = try ArrayLiteralText.binaryArray(of: cell.bytes)
        return try binary.withUnsafeBytes { try decodeBinary($0) }
    }

    private static func decodeBinary(_ bytes: UnsafeRawBufferPointer) throws -> [Element] {
        var reader = BinaryReader(bytes, "array")
        let dimensionCount = try reader.read(Int32.self)
        _ = try reader.read(Int32.self)  // the has-NULLs flag: each element says
        let elementOID = try reader.read(UInt32.self)
        // PostgreSQL's MAXDIM is 6; zero dimensions is the empty array.
        guard (0...6).contains(dimensionCount) else { throw reader.malformed("\(dimensionCount) dimensions") }
        if dimensionCount == 0 { return [] }
        var total = 1
        var first = 0
        var dimensions: [Int] = []
        if dimensionCount > 1 { dimensions.reserveCapacity(Int(dimensionCount)) }
        for index in 0..<Int(dimensionCount) {
            let length = Int(try reader.read(Int32.self))
            _ = try reader.read(Int32.self)  // the lower bound: Swift arrays start at 0
            guard length >= 0 else { throw reader.malformed("a dimension of length \(length)") }
            if index == 0 { first = length }
            if dimensionCount > 1 { dimensions.append(length) }
            let (product, overflow) = total.multipliedReportingOverflow(by: length)
            guard !overflow else { throw reader.malformed("its dimensions overflow") }
            total = product
        }
        // Every element takes at least its 4-byte length, so a corrupt header cannot promise
        // more elements than the value holds (nor overflow the count).
        guard total <= reader.remaining / 4 else {
            throw reader.malformed("its dimensions promise more elements than \(reader.remaining) bytes hold")
        }
        var elements = ArrayElements(bytes: bytes, offset: reader.offset, elementOID: elementOID, count: total)
        guard dimensionCount > 1 else {
            // One dimension, the usual case: no dimension list to allocate.
            return try decodeLevel(count: first, inner: ArraySlice(), from: &elements)
        }
        return try decodeLevel(count: first, inner: dimensions.dropFirst(), from: &elements)
    }

    private static func decodeLevel(count: Int, inner: ArraySlice<Int>, from elements: inout ArrayElements) throws -> [Element] {
        var result: [Element] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
            result.append(try Element.decodeArrayElement(dimensions: inner, from: &elements))
        }
        return result
    }

    /// One level of a multi-dimensional array. With no dimension left, the element is a whole
    /// array value of its own: an array of a domain over an array type (such elements have the
    /// domain's database-specific OID, or text through a `text[]` cast).
    @_spi(Generated) public static func decodeArrayElement(dimensions: ArraySlice<Int>, from elements: inout ArrayElements) throws -> [Element] {
        guard let count = dimensions.first else {
            guard elements.elementOID >= TypeOID.firstUserOID || TypeOID.isText(elements.elementOID) else {
                throw CellDecodingError("the array has fewer dimensions than \(Self.self) has levels")
            }
            return try elements.next(Self.self)
        }
        return try decodeLevel(count: count, inner: dimensions.dropFirst(), from: &elements)
    }

    /// Built-in array types of an element type the elements read (one array type serves every
    /// number of dimensions), arrays of user-defined types, and text (`{…}` literals).
    @_spi(Generated) public static func accepts(typeOID: UInt32) -> Bool {
        if typeOID >= TypeOID.firstUserOID || TypeOID.isText(typeOID) { return true }
        guard let element = TypeOID.arrayElement(of: typeOID) else { return false }
        return acceptsElement(typeOID: element)
    }

    /// The elements' literals, nested one level per dimension.
    public var sqlLiteral: SQLLiteral { .array(map(\.sqlLiteral)) }
}

/// Arrays, so that an array of arrays checks its innermost element type: PostgreSQL has no
/// array-of-array types, only more dimensions.
protocol ArrayColumnValue {
    static func acceptsElement(typeOID: UInt32) -> Bool
}

extension Array: ArrayColumnValue where Element: ColumnValue {
    static func acceptsElement(typeOID: UInt32) -> Bool {
        if let nested = Element.self as? any ArrayColumnValue.Type { return nested.acceptsElement(typeOID: typeOID) }
        return Element.accepts(typeOID: typeOID)
    }
}
