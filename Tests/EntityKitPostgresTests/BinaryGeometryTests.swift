import EntityKit
@testable import EntityKitPostgres
import NIOCore
import Testing

/// Binary forms as PostgreSQL 15's send functions write them; the hex strings are what
/// `point_send(…)`, `box_send(…)` etc. return on a real server.
@Suite("Binary geometry, network and system values")
struct BinaryGeometryTests {
    static func buffer(hex: String) -> ByteBuffer {
        let digits = Array(hex.utf8).filter { $0 != UInt8(ascii: " ") }
        var buffer = ByteBuffer()
        var index = 0
        while index + 1 < digits.count {
            buffer.writeInteger(UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16)!)
            index += 2
        }
        return buffer
    }

    static func buffer(floats: [Double], prefix: (inout ByteBuffer) -> Void = { _ in }) -> ByteBuffer {
        var buffer = ByteBuffer()
        prefix(&buffer)
        for value in floats { buffer.writeInteger(value.bitPattern) }
        return buffer
    }

    @Test func point() throws {
        let buffer = Self.buffer(hex: "3ff0000000000000 4000000000000000")
        #expect(try PGPoint.decodeBinary(buffer, oid: TypeOID.point) == PGPoint(x: 1, y: 2))
        #expect(try PGPoint.decodeBinary(buffer, oid: TypeOID.lseg) == nil)
        let odd = try #require(try PGPoint.decodeBinary(Self.buffer(floats: [-0.0, .nan]), oid: 600))
        #expect(odd.x.sign == .minus && odd.y.isNaN)
        #expect(try ScalarDecoding.decode(PGPoint.self, from: .binary(buffer, oid: 600)) == PGPoint(x: 1, y: 2))
        #expect(throws: ScalarProblem.self) { try PGPoint.decodeBinary(Self.buffer(hex: "3ff0000000000000"), oid: 600) }
        #expect(throws: ScalarProblem.self) { try PGPoint.decodeBinary(Self.buffer(floats: [1, 2, 3]), oid: 600) }
    }

    @Test func line() throws {
        let buffer = Self.buffer(hex: "3ff0000000000000 4000000000000000 4008000000000000")
        #expect(try PGLine.decodeBinary(buffer, oid: TypeOID.line) == PGLine(a: 1, b: 2, c: 3))
        #expect(try PGLine.decodeBinary(buffer, oid: TypeOID.circle) == nil)
        #expect(throws: ScalarProblem.self) { try PGLine.decodeBinary(Self.buffer(floats: [1, 2]), oid: 628) }
    }

    @Test func lineSegment() throws {
        let buffer = Self.buffer(hex: "3ff0000000000000 4000000000000000 4008000000000000 4010000000000000")
        let expected = PGLineSegment(start: PGPoint(x: 1, y: 2), end: PGPoint(x: 3, y: 4))
        #expect(try PGLineSegment.decodeBinary(buffer, oid: TypeOID.lseg) == expected)
        #expect(try PGLineSegment.decodeBinary(buffer, oid: TypeOID.box) == nil)
        #expect(throws: ScalarProblem.self) { try PGLineSegment.decodeBinary(Self.buffer(floats: [1, 2, 3]), oid: 601) }
    }

    @Test func box() throws {
        // box_send('(1,2),(3,4)'): high corner (3,4) first.
        let buffer = Self.buffer(hex: "4008000000000000 4010000000000000 3ff0000000000000 4000000000000000")
        let box = try #require(try PGBox.decodeBinary(buffer, oid: TypeOID.box))
        #expect(box.high == PGPoint(x: 3, y: 4))
        #expect(box.low == PGPoint(x: 1, y: 2))
        #expect(box.postgresLiteral == "(3,4),(1,2)")
        #expect(try PGBox.decodeBinary(buffer, oid: TypeOID.lseg) == nil)
        #expect(throws: ScalarProblem.self) { try PGBox.decodeBinary(Self.buffer(floats: [1, 2, 3]), oid: 603) }
    }

    @Test func path() throws {
        let points = "3ff0000000000000 4000000000000000 4008000000000000 4010000000000000"
        let open = try #require(try PGPath.decodeBinary(Self.buffer(hex: "00 00000002 " + points), oid: TypeOID.path))
        #expect(open == PGPath(points: [PGPoint(x: 1, y: 2), PGPoint(x: 3, y: 4)], isClosed: false))
        let closed = try #require(try PGPath.decodeBinary(Self.buffer(hex: "01 00000002 " + points), oid: TypeOID.path))
        #expect(closed.isClosed)
        #expect(closed.postgresLiteral == "((1,2),(3,4))")
        #expect(try PGPath.decodeBinary(Self.buffer(hex: "00 00000002 " + points), oid: TypeOID.polygon) == nil)
        #expect(throws: ScalarProblem.self) { try PGPath.decodeBinary(Self.buffer(hex: "00 00000003 " + points), oid: 602) }
        #expect(throws: ScalarProblem.self) { try PGPath.decodeBinary(Self.buffer(hex: "00 ffffffff"), oid: 602) }
        #expect(throws: ScalarProblem.self) { try PGPath.decodeBinary(Self.buffer(hex: "00 0000"), oid: 602) }
    }

    @Test func polygon() throws {
        let buffer = Self.buffer(hex: "00000002 3ff0000000000000 4000000000000000 4008000000000000 4010000000000000")
        #expect(try PGPolygon.decodeBinary(buffer, oid: TypeOID.polygon) == PGPolygon(points: [PGPoint(x: 1, y: 2), PGPoint(x: 3, y: 4)]))
        #expect(try PGPolygon.decodeBinary(buffer, oid: TypeOID.path) == nil)
        let many = Self.buffer(floats: [0, 0, 1, 0, 0, 1]) { $0.writeInteger(Int32(3)) }
        #expect(try PGPolygon.decodeBinary(many, oid: 604)?.postgresLiteral == "((0,0),(1,0),(0,1))")
        #expect(throws: ScalarProblem.self) { try PGPolygon.decodeBinary(Self.buffer(hex: "00000002 3ff0000000000000"), oid: 604) }
    }

    @Test func circle() throws {
        let buffer = Self.buffer(hex: "3ff0000000000000 4000000000000000 4008000000000000")
        #expect(try PGCircle.decodeBinary(buffer, oid: TypeOID.circle) == PGCircle(center: PGPoint(x: 1, y: 2), radius: 3))
        #expect(try PGCircle.decodeBinary(buffer, oid: TypeOID.line) == nil)
        #expect(throws: ScalarProblem.self) { try PGCircle.decodeBinary(Self.buffer(floats: [1, 2]), oid: 718) }
    }

    @Test func inet() throws {
        let host = try #require(try PGInet.decodeBinary(Self.buffer(hex: "02 20 00 04 01020304"), oid: TypeOID.inet))
        #expect(host.postgresLiteral == "1.2.3.4")
        let network = try #require(try PGInet.decodeBinary(Self.buffer(hex: "02 18 00 04 01020304"), oid: TypeOID.inet))
        #expect(network.postgresLiteral == "1.2.3.4/24")
        let cidr = try #require(try PGInet.decodeBinary(Self.buffer(hex: "02 08 01 04 0a000000"), oid: TypeOID.cidr))
        #expect(cidr.postgresLiteral == "10.0.0.0/8")
        #expect(cidr.address == [10, 0, 0, 0] && cidr.prefixLength == 8)
        let loopback = try #require(try PGInet.decodeBinary(Self.buffer(hex: "03 80 00 10 00000000000000000000000000000001"), oid: 869))
        #expect(loopback.isIPv6)
        #expect(loopback.postgresLiteral == "::1")
        #expect(try PGInet.decodeBinary(Self.buffer(hex: "02 20 00 04 01020304"), oid: TypeOID.macaddr) == nil)
        #expect(throws: ScalarProblem.self) { try PGInet.decodeBinary(Self.buffer(hex: "02 20 00 10 01020304"), oid: 869) }
        #expect(throws: ScalarProblem.self) { try PGInet.decodeBinary(Self.buffer(hex: "02 21 00 04 01020304"), oid: 869) }
        #expect(throws: ScalarProblem.self) { try PGInet.decodeBinary(Self.buffer(hex: "02 20 00 04 010203"), oid: 869) }
        #expect(throws: ScalarProblem.self) { try PGInet.decodeBinary(Self.buffer(hex: "01 20 00 04 01020304"), oid: 650) }
    }

    @Test func macAddress() throws {
        #expect(try PGMacAddress.decodeBinary(Self.buffer(hex: "08002b010203"), oid: TypeOID.macaddr)?.postgresLiteral == "08:00:2b:01:02:03")
        #expect(try PGMacAddress.decodeBinary(Self.buffer(hex: "08002b0102030405"), oid: TypeOID.macaddr8)?.postgresLiteral
            == "08:00:2b:01:02:03:04:05")
        #expect(try PGMacAddress.decodeBinary(Self.buffer(hex: "08002b010203"), oid: TypeOID.inet) == nil)
        #expect(throws: ScalarProblem.self) { try PGMacAddress.decodeBinary(Self.buffer(hex: "08002b010203"), oid: 774) }
        #expect(throws: ScalarProblem.self) { try PGMacAddress.decodeBinary(Self.buffer(hex: "08002b0102030405"), oid: 829) }
    }

    @Test func bitString() throws {
        #expect(try PGBitString.decodeBinary(Self.buffer(hex: "00000004 50"), oid: TypeOID.varbit)?.postgresLiteral == "0101")
        #expect(try PGBitString.decodeBinary(Self.buffer(hex: "00000009 b080"), oid: TypeOID.bit)?.postgresLiteral == "101100001")
        #expect(try PGBitString.decodeBinary(Self.buffer(hex: "00000008 ff"), oid: 1562)?.bits == Array(repeating: true, count: 8))
        let empty = try #require(try PGBitString.decodeBinary(Self.buffer(hex: "00000000"), oid: 1562))
        #expect(empty.bitCount == 0 && empty.postgresLiteral == "")
        #expect(try PGBitString.decodeBinary(Self.buffer(hex: "00000004 50"), oid: TypeOID.bytea) == nil)
        #expect(throws: ScalarProblem.self) { try PGBitString.decodeBinary(Self.buffer(hex: "00000009 b0"), oid: 1560) }
        #expect(throws: ScalarProblem.self) { try PGBitString.decodeBinary(Self.buffer(hex: "00000004 5000"), oid: 1560) }
        #expect(throws: ScalarProblem.self) { try PGBitString.decodeBinary(Self.buffer(hex: "ffffffff"), oid: 1560) }
    }

    @Test func money() throws {
        #expect(try PGMoney.decodeBinary(Self.buffer(hex: "fffffffffffe1dc0"), oid: TypeOID.money) == PGMoney(minorUnits: -123_456))
        #expect(try PGMoney.decodeBinary(Self.buffer(hex: "0000000000000064"), oid: TypeOID.money)?.postgresLiteral == "1.00")
        #expect(try PGMoney.decodeBinary(Self.buffer(hex: "0000000000000064"), oid: TypeOID.int8) == nil)
        #expect(throws: ScalarProblem.self) { try PGMoney.decodeBinary(Self.buffer(hex: "00000064"), oid: 790) }
    }

    @Test func char() throws {
        #expect(try PGChar.decodeBinary(Self.buffer(hex: "61"), oid: TypeOID.char) == PGChar(byte: 0x61))
        #expect(try PGChar.decodeBinary(Self.buffer(hex: "ff"), oid: TypeOID.char)?.postgresLiteral == "\\377")
        #expect(try PGChar.decodeBinary(Self.buffer(hex: "00"), oid: TypeOID.char) == PGChar(byte: 0))
        #expect(try PGChar.decodeBinary(Self.buffer(hex: ""), oid: TypeOID.char) == PGChar(byte: 0))
        #expect(try PGChar.decodeBinary(Self.buffer(hex: "61"), oid: TypeOID.text) == nil)
        #expect(throws: ScalarProblem.self) { try PGChar.decodeBinary(Self.buffer(hex: "6162"), oid: 18) }
    }

    @Test func lsn() throws {
        #expect(try PGLSN.decodeBinary(Self.buffer(hex: "00000016b374d848"), oid: TypeOID.pgLSN)?.postgresLiteral == "16/B374D848")
        #expect(try PGLSN.decodeBinary(Self.buffer(hex: "ffffffffffffffff"), oid: 3220) == PGLSN(value: .max))
        #expect(try PGLSN.decodeBinary(Self.buffer(hex: "00000016b374d848"), oid: TypeOID.int8) == nil)
        #expect(throws: ScalarProblem.self) { try PGLSN.decodeBinary(Self.buffer(hex: "b374d848"), oid: 3220) }
    }

    @Test func tupleID() throws {
        #expect(try PGTupleID.decodeBinary(Self.buffer(hex: "ffffffff ffff"), oid: TypeOID.tid) == PGTupleID(block: .max, offset: .max))
        #expect(try PGTupleID.decodeBinary(Self.buffer(hex: "00000001 0002"), oid: TypeOID.tid)?.postgresLiteral == "(1,2)")
        #expect(try PGTupleID.decodeBinary(Self.buffer(hex: "00000001 0002"), oid: TypeOID.int4) == nil)
        #expect(throws: ScalarProblem.self) { try PGTupleID.decodeBinary(Self.buffer(hex: "00000001 00"), oid: 27) }
    }

    @Test func snapshot() throws {
        let hex = "00000003 000000000000000a 0000000000000014 000000000000000a 000000000000000e 000000000000000f"
        let expected = PGSnapshot(xmin: 10, xmax: 20, inProgress: [10, 14, 15])
        #expect(try PGSnapshot.decodeBinary(Self.buffer(hex: hex), oid: TypeOID.txidSnapshot) == expected)
        #expect(try PGSnapshot.decodeBinary(Self.buffer(hex: hex), oid: TypeOID.pgSnapshot) == expected)
        let empty = Self.buffer(hex: "00000000 000000000000000a 0000000000000014")
        #expect(try PGSnapshot.decodeBinary(empty, oid: 5038)?.postgresLiteral == "10:20:")
        #expect(try PGSnapshot.decodeBinary(empty, oid: TypeOID.int8) == nil)
        #expect(throws: ScalarProblem.self) {
            try PGSnapshot.decodeBinary(Self.buffer(hex: "00000002 000000000000000a 0000000000000014 000000000000000a"), oid: 5038)
        }
        #expect(throws: ScalarProblem.self) { try PGSnapshot.decodeBinary(Self.buffer(hex: "00000000 000000000000000a"), oid: 2970) }
    }

    /// A binary value of another type falls through to text decoding only for textual types.
    @Test func scalarDecodingUsesTheseReaders() throws {
        let lsn = Self.buffer(hex: "00000016b374d848")
        #expect(try ScalarDecoding.decode(PGLSN.self, from: .binary(lsn, oid: TypeOID.pgLSN)) == PGLSN(value: 0x16_B374_D848))
        var text = ByteBuffer()
        text.writeString("(3,4),(1,2)")
        #expect(try ScalarDecoding.decode(PGBox.self, from: .binary(text, oid: TypeOID.text))?.high == PGPoint(x: 3, y: 4))
        #expect(try ScalarDecoding.decode(PGInet.self, from: .text("::1"))?.isIPv6 == true)
    }
}
