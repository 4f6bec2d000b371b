// The geometric types' binary forms, as geo_ops.c's send functions write them: coordinates are
// float8s, each the IEEE 754 bits as a big-endian 64-bit integer.

extension PGPoint: BinaryColumnValue {
    static func isOwnType(_ oid: UInt32) -> Bool { oid == TypeOID.point }

    /// `float8 x, float8 y`.
    static func decodeBinary(_ cell: Cell) throws -> PGPoint {
        var reader = BinaryReader(cell, "point")
        let point = try reader.point()
        try reader.finish()
        return point
    }
}

extension PGLine: BinaryColumnValue {
    static func isOwnType(_ oid: UInt32) -> Bool { oid == TypeOID.line }

    /// `float8 A, float8 B, float8 C` of `Ax + By + C = 0`.
    static func decodeBinary(_ cell: Cell) throws -> PGLine {
        var reader = BinaryReader(cell, "line")
        let a = try reader.float8()
        let b = try reader.float8()
        let line = PGLine(a: a, b: b, c: try reader.float8())
        try reader.finish()
        return line
    }
}

extension PGLineSegment: BinaryColumnValue {
    static func isOwnType(_ oid: UInt32) -> Bool { oid == TypeOID.lseg }

    /// Two points: start, end.
    static func decodeBinary(_ cell: Cell) throws -> PGLineSegment {
        var reader = BinaryReader(cell, "lseg")
        let start = try reader.point()
        let segment = PGLineSegment(start: start, end: try reader.point())
        try reader.finish()
        return segment
    }
}

extension PGBox: BinaryColumnValue {
    static func isOwnType(_ oid: UInt32) -> Bool { oid == TypeOID.box }

    /// Two points: the upper right corner, then the lower left.
    static func decodeBinary(_ cell: Cell) throws -> PGBox {
        var reader = BinaryReader(cell, "box")
        let high = try reader.point()
        let box = PGBox(high: high, low: try reader.point())
        try reader.finish()
        return box
    }
}

extension PGPath: BinaryColumnValue {
    static func isOwnType(_ oid: UInt32) -> Bool { oid == TypeOID.path }

    /// `int8 closed` (one byte), `int32 npts`, then the points.
    static func decodeBinary(_ cell: Cell) throws -> PGPath {
        var reader = BinaryReader(cell, "path")
        let closed = try reader.read(UInt8.self)
        let count = try reader.read(Int32.self)
        return PGPath(points: try readPoints(count, from: &reader), isClosed: closed != 0)
    }
}

extension PGPolygon: BinaryColumnValue {
    static func isOwnType(_ oid: UInt32) -> Bool { oid == TypeOID.polygon }

    /// `int32 npts`, then the points.
    static func decodeBinary(_ cell: Cell) throws -> PGPolygon {
        var reader = BinaryReader(cell, "polygon")
        let count = try reader.read(Int32.self)
        return PGPolygon(points: try readPoints(count, from: &reader))
    }
}

extension PGCircle: BinaryColumnValue {
    static func isOwnType(_ oid: UInt32) -> Bool { oid == TypeOID.circle }

    /// The center, then `float8 radius`.
    static func decodeBinary(_ cell: Cell) throws -> PGCircle {
        var reader = BinaryReader(cell, "circle")
        let center = try reader.point()
        let circle = PGCircle(center: center, radius: try reader.float8())
        try reader.finish()
        return circle
    }
}

/// The rest of a path or polygon: exactly `count` points. The count is checked against the
/// length before anything is allocated, so a corrupt count cannot reserve gigabytes.
private func readPoints(_ count: Int32, from reader: inout BinaryReader) throws -> [PGPoint] {
    guard count >= 0, reader.remaining == Int(count) * 16 else {
        throw reader.malformed("\(count) points do not fill the remaining \(reader.remaining) bytes")
    }
    var points: [PGPoint] = []
    points.reserveCapacity(Int(count))
    for _ in 0..<count { points.append(try reader.point()) }
    return points
}
