/// The elements of a binary array value, in storage order (the last dimension varies
/// fastest), read one at a time.
@_spi(Generated)
public struct ArrayElements {
    private let bytes: UnsafeRawBufferPointer
    private var offset: Int
    /// The elements' type OID.
    public let elementOID: UInt32
    /// How many elements are left.
    public private(set) var remaining: Int

    /// Elements starting at `offset` in `bytes`.
    public init(bytes: UnsafeRawBufferPointer, offset: Int, elementOID: UInt32, count: Int) {
        self.bytes = bytes
        self.offset = offset
        self.elementOID = elementOID
        self.remaining = count
    }

    /// Reads the next element: its length (-1 for NULL), then its bytes.
    public mutating func next<Value: ColumnValue>(_ type: Value.Type) throws -> Value {
        guard remaining > 0, offset + 4 <= bytes.count else {
            throw CellDecodingError("the array has fewer elements than its dimensions say")
        }
        remaining -= 1
        let length = Int(Int32(bigEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)))
        offset += 4
        guard length >= 0 else { return try Value.decodeNull() }
        guard offset + length <= bytes.count else { throw CellDecodingError("an array element runs past the value") }
        let element = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)])
        offset += length
        return try Value.decode(Cell(bytes: element, typeOID: elementOID))
    }
}
