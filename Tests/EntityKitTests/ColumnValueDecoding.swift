@_spi(Generated) import EntityKit

// Cells built by hand for the ColumnValue tests. Binary fixtures are what the server's send
// functions return (`SELECT encode(numeric_send('1.5'), 'hex')`), so the tests check the
// decoders against PostgreSQL's own layouts.

/// A type OID the server would assign to a domain (or an extension's type).
let userTypeOID: UInt32 = 16_385

/// The bytes of hex digits (spaces ignored).
func hexBytes(_ hex: String) -> [UInt8] {
    let digits = Array(hex.utf8.filter { $0 != UInt8(ascii: " ") })
    precondition(digits.count % 2 == 0, "odd number of hex digits")
    return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0...$0 + 1], as: UTF8.self), radix: 16)! }
}

/// Reads `hex` as the binary form of a value of type `oid`.
func decode<Value: ColumnValue>(_ type: Value.Type, hex: String, oid: UInt32) throws -> Value {
    try hexBytes(hex).withUnsafeBytes { try Value.decode(Cell(bytes: $0, typeOID: oid)) }
}

/// Reads `text` as a cell of a text type, as a column selected with a cast to text arrives.
func decode<Value: ColumnValue>(_ type: Value.Type, text: String, oid: UInt32 = TypeOID.text) throws -> Value {
    try Array(text.utf8).withUnsafeBytes { try Value.decode(Cell(bytes: $0, typeOID: oid)) }
}

/// The top-level spelling of a value's literal.
func literalText<Value: ColumnValue>(_ value: Value) -> String? {
    value.sqlLiteral.text
}
