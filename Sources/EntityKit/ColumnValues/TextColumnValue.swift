/// A value type read only from its text form: its columns are selected with a cast to `text`
/// (the generator's read cast), because EntityKit has no reader of its binary form.
protocol TextColumnValue: ColumnValue, PGLiteralConvertible {}

extension TextColumnValue {
    /// The literal; a binary value is an error that says to select the column as text.
    public static func decode(_ cell: Cell) throws -> Self {
        guard cell.isText else {
            throw CellDecodingError("\(Self.self) is read from text: select the column with a cast to text (type OID \(cell.typeOID) is binary)")
        }
        return try Self(postgresLiteral: cell.text)
    }

    /// Text types only.
    @_spi(Generated) public static func accepts(typeOID: UInt32) -> Bool {
        TypeOID.isText(typeOID)
    }

    /// The value's literal, ``PGLiteralConvertible/postgresLiteral``.
    public var sqlLiteral: SQLLiteral { .text(postgresLiteral) }
}
