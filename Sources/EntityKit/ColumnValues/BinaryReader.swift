/// Reads the fields of a binary value in order, as PostgreSQL's send functions write them
/// (integers and floats big-endian). Every read checks the length, so a value shorter than its
/// layout fails with an error naming the type instead of reading past the cell.
struct BinaryReader {
    let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0
    /// The PostgreSQL type, for error messages.
    let typeName: StaticString

    init(_ cell: Cell, _ typeName: StaticString) {
        bytes = cell.bytes
        self.typeName = typeName
    }

    init(_ bytes: UnsafeRawBufferPointer, _ typeName: StaticString) {
        self.bytes = bytes
        self.typeName = typeName
    }

    /// The bytes not read yet.
    var remaining: Int { bytes.count - offset }

    /// The error for bytes that do not follow the type's layout.
    func malformed(_ detail: String) -> CellDecodingError {
        CellDecodingError("malformed binary \(typeName) (\(bytes.count) bytes): \(detail)")
    }

    mutating func read<Integer: FixedWidthInteger>(_ type: Integer.Type = Integer.self) throws -> Integer {
        let size = MemoryLayout<Integer>.size
        guard size <= remaining else { throw malformed("it ends early") }
        let value = Integer(bigEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Integer.self))
        offset += size
        return value
    }

    /// `pq_sendfloat8`: the IEEE 754 bits as a big-endian 64-bit integer.
    mutating func float8() throws -> Double {
        Double(bitPattern: try read(UInt64.self))
    }

    mutating func point() throws -> PGPoint {
        let x = try float8()
        return PGPoint(x: x, y: try float8())
    }

    /// The bytes not read yet.
    var rest: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[offset...]) }

    /// The next `count` bytes.
    mutating func take(_ count: Int) throws -> UnsafeRawBufferPointer {
        guard count >= 0, count <= remaining else { throw malformed("it ends early") }
        let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)])
        offset += count
        return slice
    }

    /// An `int32` length followed by that many bytes (a range bound, a multirange's range).
    mutating func lengthPrefixed() throws -> UnsafeRawBufferPointer {
        let length = try read(Int32.self)
        guard length >= 0 else { throw malformed("a negative length") }
        return try take(Int(length))
    }

    /// Throws unless every byte was read.
    func finish() throws {
        guard remaining == 0 else { throw malformed("\(remaining) bytes left over") }
    }
}

extension Cell {
    /// The error for a cell of a type `swiftType` does not read.
    func unexpectedType(for swiftType: Any.Type) -> CellDecodingError {
        CellDecodingError("cannot read \(swiftType) from a value of type OID \(typeOID)")
    }

    /// The cell as a big-endian integer of exactly its width.
    func integer<Integer: FixedWidthInteger>(_ type: Integer.Type, _ typeName: StaticString) throws -> Integer {
        let size = MemoryLayout<Integer>.size
        guard bytes.count == size else { throw CellDecodingError.length(bytes.count, expected: "\(size)", for: "\(typeName)") }
        return Integer(bigEndian: bytes.loadUnaligned(as: Integer.self))
    }
}
