/// Reads the fields of a composite value in attribute order.
struct RecordReader: RowReader {
    private enum Storage {
        /// The binary record: fields start after the count.
        case binary(UnsafeRawBufferPointer, offset: Int)
        /// The fields of a text record literal; nil for NULL.
        case text([String?], index: Int)
    }

    private var storage: Storage
    private var remaining: Int

    /// A binary record: `int32` field count, then per field its type OID, `int32` length (-1 for
    /// NULL) and bytes.
    init(binary bytes: UnsafeRawBufferPointer) throws {
        guard bytes.count >= 4 else { throw CellDecodingError.length(bytes.count, expected: "at least 4", for: "record") }
        remaining = Int(Int32(bigEndian: bytes.loadUnaligned(as: Int32.self)))
        storage = .binary(bytes, offset: 4)
    }

    /// A text record literal such as `(1,"two words",)`.
    init(text: String, fieldCount: Int) throws {
        let fields = try Self.fields(of: text)
        remaining = fields.count
        storage = .text(fields, index: 0)
    }

    mutating func next<Value: ColumnValue>(_ type: Value.Type) throws -> Value {
        guard remaining > 0 else { throw CellDecodingError("the record has fewer fields than the composite type") }
        remaining -= 1
        switch storage {
        case let .binary(bytes, offset):
            guard offset + 8 <= bytes.count else { throw CellDecodingError("a record field runs past the value") }
            let oid = UInt32(bigEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            let length = Int(Int32(bigEndian: bytes.loadUnaligned(fromByteOffset: offset + 4, as: Int32.self)))
            guard length >= 0 else {
                storage = .binary(bytes, offset: offset + 8)
                return try Value.decodeNull()
            }
            let end = offset + 8 + length
            guard end <= bytes.count else { throw CellDecodingError("a record field runs past the value") }
            storage = .binary(bytes, offset: end)
            return try Value.decode(Cell(bytes: UnsafeRawBufferPointer(rebasing: bytes[(offset + 8)..<end]), typeOID: oid))
        case let .text(fields, index):
            storage = .text(fields, index: index + 1)
            guard var field = fields[index] else { return try Value.decodeNull() }
            return try field.withUTF8 { try Value.decode(Cell(bytes: UnsafeRawBufferPointer($0), typeOID: TypeOID.text)) }
        }
    }

    /// The fields of `(a,"b""c",,d)`: an unquoted empty field is NULL; quotes and backslashes
    /// escape.
    static func fields(of literal: String) throws -> [String?] {
        var characters = literal.unicodeScalars[...]
        guard characters.first == "(", characters.last == ")" else {
            throw CellDecodingError("\"\(literal.prefix(100))\" is not a record literal")
        }
        characters = characters.dropFirst().dropLast()
        var fields: [String?] = []
        var current = String.UnicodeScalarView()
        var quotedOrNonEmpty = false
        var inQuotes = false
        var iterator = characters.makeIterator()
        while let scalar = iterator.next() {
            if inQuotes {
                if scalar == "\\" {
                    if let escaped = iterator.next() { current.append(escaped) }
                } else if scalar == "\"" {
                    // A doubled quote inside quotes is one quote.
                    var lookahead = iterator
                    if lookahead.next() == "\"" {
                        current.append("\"")
                        iterator = lookahead
                    } else {
                        inQuotes = false
                    }
                } else {
                    current.append(scalar)
                }
            } else if scalar == "," {
                fields.append(quotedOrNonEmpty ? String(current) : nil)
                current = String.UnicodeScalarView()
                quotedOrNonEmpty = false
            } else if scalar == "\"" {
                inQuotes = true
                quotedOrNonEmpty = true
            } else if scalar == "\\" {
                if let escaped = iterator.next() { current.append(escaped) }
                quotedOrNonEmpty = true
            } else {
                current.append(scalar)
                quotedOrNonEmpty = true
            }
        }
        fields.append(quotedOrNonEmpty ? String(current) : nil)
        return fields
    }
}
