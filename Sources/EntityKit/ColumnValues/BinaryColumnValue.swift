// How the `PG*` value types are read and written: their binary form when the cell has the
// type's own OID, their literal when the column was selected as text (its read cast), and
// always written as their literal. Types with no binary reader are `TextColumnValue`s.

/// A value type with a binary form that EntityKit reads.
protocol BinaryColumnValue: ColumnValue, PGLiteralConvertible {
    /// Whether `oid` is a built-in type whose binary form ``decodeBinary(_:)`` reads.
    static func isOwnType(_ oid: UInt32) -> Bool

    /// Reads the binary form. The cell's OID is the type's own or a database-specific one: a
    /// domain over the type, whose values travel in the base type's binary form.
    static func decodeBinary(_ cell: Cell) throws -> Self
}

extension BinaryColumnValue {
    /// The binary form for the type's own OIDs and for user-defined ones (domains); the
    /// literal for text.
    public static func decode(_ cell: Cell) throws -> Self {
        if isOwnType(cell.typeOID) || cell.isUserType { return try decodeBinary(cell) }
        if cell.isText { return try Self(postgresLiteral: cell.text) }
        throw cell.unexpectedType(for: Self.self)
    }

    /// The type's own OIDs, text and user-defined types (domains).
    @_spi(Generated) public static func accepts(typeOID: UInt32) -> Bool {
        isOwnType(typeOID) || TypeOID.isText(typeOID) || typeOID >= TypeOID.firstUserOID
    }

    /// The value's literal, ``PGLiteralConvertible/postgresLiteral``.
    public var sqlLiteral: SQLLiteral { .text(postgresLiteral) }
}
