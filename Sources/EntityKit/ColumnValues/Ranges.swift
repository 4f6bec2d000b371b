// Ranges and multiranges, as rangetypes.c and multirangetypes.c send them. The binary form does
// not name the subtype: the built-in range OIDs say it, and the bound type reads its own binary
// form from a domain's or a user-defined range's database-specific OID. Other columns are
// selected as text (the generator's read cast) and parsed.

extension PGRange: ColumnValue where Bound: ColumnValue {
    /// The binary form of a built-in range, a domain over one or a user-defined range; the
    /// literal for text.
    @_spi(Generated) public static func decode(_ cell: Cell) throws -> PGRange {
        if let subtype = TypeOID.rangeSubtype(of: cell.typeOID) ?? (cell.isUserType ? cell.typeOID : nil) {
            var reader = BinaryReader(cell, "range")
            let range = try read(&reader, subtype: subtype)
            try reader.finish()
            return range
        }
        guard cell.isText else { throw cell.unexpectedType(for: PGRange.self) }
        return try PGRange(postgresLiteral: cell.text)
    }

    /// `uint8` flags, then each bound that is present (the range is not empty, the bound not
    /// infinite) as `int32` length and the subtype's binary form.
    static func read(_ reader: inout BinaryReader, subtype: UInt32) throws -> PGRange {
        let flags = try reader.read(UInt8.self)
        if flags & RangeFlags.empty != 0 { return .empty }
        func bound(present: Bool) throws -> Bound? {
            guard present else { return nil }
            return try Bound.decode(Cell(bytes: try reader.lengthPrefixed(), typeOID: subtype))
        }
        let lower = try bound(present: flags & (RangeFlags.lowerInfinite | RangeFlags.lowerNull) == 0)
        let upper = try bound(present: flags & (RangeFlags.upperInfinite | RangeFlags.upperNull) == 0)
        return PGRange(lower: lower, lowerInclusive: flags & RangeFlags.lowerInclusive != 0,
                       upper: upper, upperInclusive: flags & RangeFlags.upperInclusive != 0)
    }

    /// Built-in ranges whose subtype the bound type reads, text and user-defined types.
    @_spi(Generated) public static func accepts(typeOID: UInt32) -> Bool {
        if let subtype = TypeOID.rangeSubtype(of: typeOID) { return Bound.accepts(typeOID: subtype) }
        return TypeOID.isText(typeOID) || typeOID >= TypeOID.firstUserOID
    }

    /// The value's literal, ``PGLiteralConvertible/postgresLiteral``.
    public var sqlLiteral: SQLLiteral { .text(postgresLiteral) }
}

extension PGMultirange: ColumnValue where Bound: ColumnValue {
    /// `int32` range count, then each range as `int32` length and its binary form.
    @_spi(Generated) public static func decode(_ cell: Cell) throws -> PGMultirange {
        let builtinSubtype = TypeOID.multirangeRange(of: cell.typeOID).flatMap(TypeOID.rangeSubtype(of:))
        guard let subtype = builtinSubtype ?? (cell.isUserType ? cell.typeOID : nil) else {
            guard cell.isText else { throw cell.unexpectedType(for: PGMultirange.self) }
            return try PGMultirange(postgresLiteral: cell.text)
        }
        var reader = BinaryReader(cell, "multirange")
        let count = try reader.read(Int32.self)
        guard count >= 0 else { throw reader.malformed("a negative range count") }
        var ranges: [PGRange<Bound>] = []
        // Each range takes at least 5 bytes: a corrupt count cannot reserve more than the value holds.
        ranges.reserveCapacity(min(Int(count), reader.remaining / 5))
        for _ in 0..<count {
            var rangeReader = BinaryReader(try reader.lengthPrefixed(), "range")
            ranges.append(try PGRange<Bound>.read(&rangeReader, subtype: subtype))
            try rangeReader.finish()
        }
        try reader.finish()
        return PGMultirange(ranges)
    }

    /// Built-in multiranges whose subtype the bound type reads, text and user-defined types.
    @_spi(Generated) public static func accepts(typeOID: UInt32) -> Bool {
        if let range = TypeOID.multirangeRange(of: typeOID), let subtype = TypeOID.rangeSubtype(of: range) {
            return Bound.accepts(typeOID: subtype)
        }
        return TypeOID.isText(typeOID) || typeOID >= TypeOID.firstUserOID
    }

    /// The value's literal, ``PGLiteralConvertible/postgresLiteral``.
    public var sqlLiteral: SQLLiteral { .text(postgresLiteral) }
}

/// Flag bits of a range's binary (and on-disk) form.
private enum RangeFlags {
    static let empty: UInt8 = 0x01
    static let lowerInclusive: UInt8 = 0x02
    static let upperInclusive: UInt8 = 0x04
    static let lowerInfinite: UInt8 = 0x08
    static let upperInfinite: UInt8 = 0x10
    static let lowerNull: UInt8 = 0x20
    static let upperNull: UInt8 = 0x40
}
