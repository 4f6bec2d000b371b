// Unsigned integers: object identifiers (`oid`, `xid`, `cid`, the `reg*` types) are 4-byte
// unsigned values on the wire, `xid8` an 8-byte one. A `reg*` column is read as the OID itself,
// because its text (a name) depends on the reader's search_path.

extension UInt32: ColumnValue {
    /// A 4-byte unsigned value (an OID, or a domain over one), or its decimal text.
    @_spi(Generated) public static func decode(_ cell: Cell) throws -> UInt32 {
        if cell.isText {
            guard let value = UInt32(cell.text) else { throw CellDecodingError("\"\(cell.text.prefix(40))\" is not a UInt32") }
            return value
        }
        return try cell.integer(UInt32.self, "oid")
    }

    /// `oid`, `xid`, `cid`, the `reg*` types, text and user-defined types (domains).
    @_spi(Generated) public static func accepts(typeOID: UInt32) -> Bool {
        TypeOID.isObjectIdentifier(typeOID) || TypeOID.isText(typeOID) || typeOID >= TypeOID.firstUserOID
    }

    /// The decimal number.
    public var sqlLiteral: SQLLiteral { .text(String(self)) }
}

extension UInt64: ColumnValue {
    /// `xid8`, or a non-negative `bigint`.
    @_spi(Generated) public static func decode(_ cell: Cell) throws -> UInt64 {
        if cell.isText {
            guard let value = UInt64(cell.text) else { throw CellDecodingError("\"\(cell.text.prefix(40))\" is not a UInt64") }
            return value
        }
        let value = try cell.integer(UInt64.self, "xid8")
        if cell.typeOID == TypeOID.int8, Int64(bitPattern: value) < 0 {
            throw CellDecodingError("the bigint \(Int64(bitPattern: value)) is negative: it does not fit in UInt64")
        }
        return value
    }

    /// `xid8`, `bigint`, text and user-defined types (domains).
    @_spi(Generated) public static func accepts(typeOID: UInt32) -> Bool {
        typeOID == TypeOID.xid8 || typeOID == TypeOID.int8 || TypeOID.isText(typeOID) || typeOID >= TypeOID.firstUserOID
    }

    /// The decimal number.
    public var sqlLiteral: SQLLiteral { .text(String(self)) }
}
