@_spi(Generated) import EntityKit
import Testing

@Suite("Network address and system columns")
struct NetworkAndSystemColumnValueTests {
    /// `inet_send` / `cidr_send` output, its type and the text the server prints.
    static let addresses: [(String, UInt32, String)] = [
        ("02180004c0a80001", TypeOID.inet, "192.168.0.1/24"),
        ("020801040a000000", TypeOID.cidr, "10.0.0.0/8"),
        ("021001040a010000", TypeOID.cidr, "10.1.0.0/16"),
        ("0380001000000000000000000000ffff01020304", TypeOID.inet, "::ffff:1.2.3.4"),
        ("0380001000000000000000000000000000000000", TypeOID.inet, "::"),
        ("0340001020010db8000000000000000000000001", TypeOID.inet, "2001:db8::1/64"),
        ("0320011020010db8000000000000000000000000", TypeOID.cidr, "2001:db8::/32"),
    ]

    @Test("reads inet_send's form", arguments: addresses)
    func readsAddresses(hex: String, oid: UInt32, printed: String) throws {
        let value = try decode(PGInet.self, hex: hex, oid: oid)
        #expect(value == (try PGInet(postgresLiteral: printed)))
        #expect(try decode(PGInet.self, text: printed) == value)
        #expect(try decode(PGInet.self, hex: hex, oid: userTypeOID) == value)
        #expect(literalText(value) == value.postgresLiteral)
    }

    @Test func rejectsMalformedAddresses() {
        for hex in ["02200004c0a800", "02210004c0a80001", "02200010c0a80001", "04200004c0a80001", "02200004c0a8000100"] {
            #expect(throws: CellDecodingError.self, "\(hex)") { try decode(PGInet.self, hex: hex, oid: TypeOID.inet) }
        }
    }

    @Test func readsMacAddresses() throws {
        let six = try decode(PGMacAddress.self, hex: "08002b010203", oid: TypeOID.macaddr)
        #expect(six.bytes == [0x08, 0x00, 0x2B, 0x01, 0x02, 0x03])
        #expect(literalText(six) == "08:00:2b:01:02:03")
        let eight = try decode(PGMacAddress.self, hex: "08002b0102030405", oid: TypeOID.macaddr8)
        #expect(literalText(eight) == "08:00:2b:01:02:03:04:05")
        #expect(try decode(PGMacAddress.self, text: "08:00:2b:01:02:03:04:05") == eight)
        // A domain over either is told by its length.
        #expect(try decode(PGMacAddress.self, hex: "08002b010203", oid: userTypeOID) == six)
        #expect(try decode(PGMacAddress.self, hex: "08002b0102030405", oid: userTypeOID) == eight)
        #expect(throws: CellDecodingError.self) { try decode(PGMacAddress.self, hex: "08002b0102030405", oid: TypeOID.macaddr) }
        #expect(throws: CellDecodingError.self) { try decode(PGMacAddress.self, hex: "08002b010203", oid: TypeOID.macaddr8) }
        #expect(throws: CellDecodingError.self) { try decode(PGMacAddress.self, hex: "08002b01020304", oid: userTypeOID) }
    }

    @Test func readsLogPositionsAndTupleIDs() throws {
        let position = try decode(PGLSN.self, hex: "00000016b374d848", oid: TypeOID.pgLSN)
        #expect(position == PGLSN(value: 0x16_B374_D848))
        #expect(literalText(position) == "16/B374D848")
        #expect(try decode(PGLSN.self, hex: "ffffffffffffffff", oid: TypeOID.pgLSN) == PGLSN(value: .max))
        #expect(try decode(PGLSN.self, text: "FFFFFFFF/FFFFFFFF") == PGLSN(value: .max))
        #expect(throws: CellDecodingError.self) { try decode(PGLSN.self, hex: "00000016b374d8", oid: TypeOID.pgLSN) }

        let tuple = try decode(PGTupleID.self, hex: "000000000001", oid: TypeOID.tid)
        #expect(tuple == PGTupleID(block: 0, offset: 1))
        #expect(literalText(tuple) == "(0,1)")
        #expect(try decode(PGTupleID.self, hex: "ffffffffffff", oid: TypeOID.tid) == PGTupleID(block: .max, offset: .max))
        #expect(try decode(PGTupleID.self, text: "(4294967295,65535)") == PGTupleID(block: .max, offset: .max))
        #expect(throws: CellDecodingError.self) { try decode(PGTupleID.self, hex: "0000000000", oid: TypeOID.tid) }
    }

    @Test func readsSnapshots() throws {
        let snapshot = try decode(
            PGSnapshot.self, hex: "00000003000000000000000a0000000000000014000000000000000a000000000000000e000000000000000f", oid: TypeOID.txidSnapshot)
        #expect(snapshot == PGSnapshot(xmin: 10, xmax: 20, inProgress: [10, 14, 15]))
        #expect(literalText(snapshot) == "10:20:10,14,15")
        #expect(try decode(PGSnapshot.self, text: "10:20:10,14,15") == snapshot)
        let empty = try decode(PGSnapshot.self, hex: "0000000000000000000000640000000000000064", oid: TypeOID.pgSnapshot)
        #expect(literalText(empty) == "100:100:")
        #expect(try decode(PGSnapshot.self, hex: "0000000000000000000000640000000000000064", oid: userTypeOID) == empty)
        // More in-progress IDs than the count, or fewer.
        #expect(throws: CellDecodingError.self) {
            try decode(PGSnapshot.self, hex: "000000000000000000000064000000000000006400000000000000ff", oid: TypeOID.pgSnapshot)
        }
        #expect(throws: CellDecodingError.self) {
            try decode(PGSnapshot.self, hex: "7fffffff0000000000000064000000000000006400000000000000ff", oid: TypeOID.pgSnapshot)
        }
        #expect(PGSnapshot.accepts(typeOID: TypeOID.txidSnapshot) && PGSnapshot.accepts(typeOID: TypeOID.pgSnapshot))
    }
}
