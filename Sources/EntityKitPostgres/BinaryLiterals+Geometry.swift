import EntityKit
import NIOCore

// Binary forms of the geometric types, as PostgreSQL's send functions write them (geo_ops.c),
// and the reader shared with BinaryLiterals+Network.swift and BinaryLiterals+System.swift. All
// integers and floats are big-endian.

/// Reads the fixed-layout parts of these binary forms, failing with a ``ScalarProblem`` that
/// names the type when the value is shorter (or longer) than its layout.
struct PGSendReader {
    var buffer: ByteBuffer
    let typeName: String

    init(_ buffer: ByteBuffer, _ typeName: String) {
        self.buffer = buffer
        self.typeName = typeName
    }

    var malformed: ScalarProblem { ScalarProblem(message: "malformed \(typeName)") }

    mutating func integer<I: FixedWidthInteger>(_ type: I.Type = I.self) throws(ScalarProblem) -> I {
        guard let value = buffer.readInteger(as: I.self) else { throw malformed }
        return value
    }

    /// `pq_sendfloat8`: the IEEE 754 bits as a big-endian int8.
    mutating func float8() throws(ScalarProblem) -> Double {
        Double(bitPattern: try integer(UInt64.self))
    }

    mutating func point() throws(ScalarProblem) -> PGPoint {
        let x = try float8()
        return PGPoint(x: x, y: try float8())
    }

    /// `count` points, after checking that the rest of the value holds exactly that many.
    mutating func points(_ count: Int32) throws(ScalarProblem) -> [PGPoint] {
        guard count >= 0, buffer.readableBytes == Int(count) * 16 else { throw malformed }
        var points: [PGPoint] = []
        points.reserveCapacity(Int(count))
        for _ in 0..<count { points.append(try point()) }
        return points
    }

    mutating func bytes(_ count: Int) throws(ScalarProblem) -> [UInt8] {
        guard count >= 0, let bytes = buffer.readBytes(length: count) else { throw malformed }
        return bytes
    }

    /// Throws unless every byte was read.
    func finish() throws(ScalarProblem) {
        guard buffer.readableBytes == 0 else { throw malformed }
    }
}

extension PGPoint: BinaryDecodableLiteral {
    /// `float8 x, float8 y`.
    static func decodeBinary(_ buffer: ByteBuffer, oid: UInt32) throws(ScalarProblem) -> PGPoint? {
        guard oid == TypeOID.point else { return nil }
        var reader = PGSendReader(buffer, "point")
        let point = try reader.point()
        try reader.finish()
        return point
    }
}

extension PGLine: BinaryDecodableLiteral {
    /// `float8 A, float8 B, float8 C`.
    static func decodeBinary(_ buffer: ByteBuffer, oid: UInt32) throws(ScalarProblem) -> PGLine? {
        guard oid == TypeOID.line else { return nil }
        var reader = PGSendReader(buffer, "line")
        let a = try reader.float8()
        let b = try reader.float8()
        let line = PGLine(a: a, b: b, c: try reader.float8())
        try reader.finish()
        return line
    }
}

extension PGLineSegment: BinaryDecodableLiteral {
    /// `float8 x1, y1, x2, y2`.
    static func decodeBinary(_ buffer: ByteBuffer, oid: UInt32) throws(ScalarProblem) -> PGLineSegment? {
        guard oid == TypeOID.lseg else { return nil }
        var reader = PGSendReader(buffer, "lseg")
        let start = try reader.point()
        let segment = PGLineSegment(start: start, end: try reader.point())
        try reader.finish()
        return segment
    }
}

extension PGBox: BinaryDecodableLiteral {
    /// `float8 high.x, high.y, low.x, low.y`.
    static func decodeBinary(_ buffer: ByteBuffer, oid: UInt32) throws(ScalarProblem) -> PGBox? {
        guard oid == TypeOID.box else { return nil }
        var reader = PGSendReader(buffer, "box")
        let high = try reader.point()
        let box = PGBox(high: high, low: try reader.point())
        try reader.finish()
        return box
    }
}

extension PGPath: BinaryDecodableLiteral {
    /// `int8 closed` (one byte, 1 or 0), `int32 npts`, then `npts` × (`float8 x, float8 y`).
    static func decodeBinary(_ buffer: ByteBuffer, oid: UInt32) throws(ScalarProblem) -> PGPath? {
        guard oid == TypeOID.path else { return nil }
        var reader = PGSendReader(buffer, "path")
        let closed = try reader.integer(UInt8.self)
        let count = try reader.integer(Int32.self)
        return PGPath(points: try reader.points(count), isClosed: closed != 0)
    }
}

extension PGPolygon: BinaryDecodableLiteral {
    /// `int32 npts`, then `npts` × (`float8 x, float8 y`).
    static func decodeBinary(_ buffer: ByteBuffer, oid: UInt32) throws(ScalarProblem) -> PGPolygon? {
        guard oid == TypeOID.polygon else { return nil }
        var reader = PGSendReader(buffer, "polygon")
        let count = try reader.integer(Int32.self)
        return PGPolygon(points: try reader.points(count))
    }
}

extension PGCircle: BinaryDecodableLiteral {
    /// `float8 center.x, center.y, radius`.
    static func decodeBinary(_ buffer: ByteBuffer, oid: UInt32) throws(ScalarProblem) -> PGCircle? {
        guard oid == TypeOID.circle else { return nil }
        var reader = PGSendReader(buffer, "circle")
        let center = try reader.point()
        let circle = PGCircle(center: center, radius: try reader.float8())
        try reader.finish()
        return circle
    }
}
