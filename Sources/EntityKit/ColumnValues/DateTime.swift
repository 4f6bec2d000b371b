// Binary forms of the date and time types (integer datetimes, the only kind since PostgreSQL 10):
// counts from PostgreSQL's epoch, 2000-01-01, which the value types store as they are.

extension PGDate: BinaryColumnValue {
    static func isOwnType(_ oid: UInt32) -> Bool { oid == TypeOID.date }

    /// `int32` days since 2000-01-01; `Int32.max` and `Int32.min` are ±infinity.
    static func decodeBinary(_ cell: Cell) throws -> PGDate {
        PGDate(daysSince2000: try cell.integer(Int32.self, "date"))
    }
}

extension PGTime: BinaryColumnValue {
    static func isOwnType(_ oid: UInt32) -> Bool { oid == TypeOID.time }

    /// `int64` microseconds since midnight.
    static func decodeBinary(_ cell: Cell) throws -> PGTime {
        PGTime(microsecondsSinceMidnight: try cell.integer(Int64.self, "time"))
    }
}

extension PGTimeWithTimeZone: BinaryColumnValue {
    static func isOwnType(_ oid: UInt32) -> Bool { oid == TypeOID.timetz }

    /// `int64` microseconds since midnight, then `int32` zone in seconds *west* of UTC.
    static func decodeBinary(_ cell: Cell) throws -> PGTimeWithTimeZone {
        var reader = BinaryReader(cell, "timetz")
        let microseconds = try reader.read(Int64.self)
        let zone = try reader.read(Int32.self)
        try reader.finish()
        guard zone != .min else { throw reader.malformed("zone \(zone)") }
        return PGTimeWithTimeZone(microsecondsSinceMidnight: microseconds, utcOffsetSeconds: -zone)
    }
}

extension PGTimestamp: BinaryColumnValue {
    /// `timestamp` too (a type override may cross them): its wall-clock time is taken as UTC.
    static func isOwnType(_ oid: UInt32) -> Bool { oid == TypeOID.timestamptz || oid == TypeOID.timestamp }

    /// `int64` microseconds since 2000-01-01 00:00:00 UTC; `Int64.max` and `Int64.min` are
    /// ±infinity.
    static func decodeBinary(_ cell: Cell) throws -> PGTimestamp {
        PGTimestamp(microsecondsSince2000: try cell.integer(Int64.self, "timestamp"))
    }
}

extension PGLocalTimestamp: BinaryColumnValue {
    /// `timestamptz` too (a type override may cross them): the instant's wall-clock time in UTC.
    static func isOwnType(_ oid: UInt32) -> Bool { oid == TypeOID.timestamp || oid == TypeOID.timestamptz }

    /// `int64` microseconds since 2000-01-01 00:00:00 on the value's wall clock.
    static func decodeBinary(_ cell: Cell) throws -> PGLocalTimestamp {
        PGLocalTimestamp(microsecondsSince2000: try cell.integer(Int64.self, "timestamp"))
    }
}

extension PGInterval: BinaryColumnValue {
    static func isOwnType(_ oid: UInt32) -> Bool { oid == TypeOID.interval }

    /// `int64 microseconds, int32 days, int32 months`.
    static func decodeBinary(_ cell: Cell) throws -> PGInterval {
        var reader = BinaryReader(cell, "interval")
        let microseconds = try reader.read(Int64.self)
        let days = try reader.read(Int32.self)
        let months = try reader.read(Int32.self)
        try reader.finish()
        return PGInterval(months: months, days: days, microseconds: microseconds)
    }
}
