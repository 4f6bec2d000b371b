/// One non-NULL value of a result row, as the database sent it: its bytes and the object
/// identifier (OID) of its PostgreSQL type.
///
/// Values arrive in PostgreSQL's binary format. Columns of types without a binary form that
/// EntityKit reads are selected with a cast to `text` (their ``ColumnDefinition/readCast``),
/// so their bytes are the UTF-8 text form; ``isText`` tells.
///
/// A cell borrows the bytes of the row it belongs to: it is valid only inside the
/// ``ColumnValue/decode(_:)`` call that receives it.
public struct Cell {
    /// The value's bytes.
    public let bytes: UnsafeRawBufferPointer
    /// The OID of the value's type (of the column, or of an array element or record field).
    public let typeOID: UInt32

    public init(bytes: UnsafeRawBufferPointer, typeOID: UInt32) {
        self.bytes = bytes
        self.typeOID = typeOID
    }

    /// True when the bytes are text: the value of a `text`, `varchar`, `bpchar`, `name` or
    /// `unknown` column, such as a column read through a cast to `text`.
    public var isText: Bool { TypeOID.isText(typeOID) }

    /// True for a type created in the database (OID 16384 and above): an enum, a composite, a
    /// domain or an extension's type, whose OID differs from one database to the next. A value
    /// type reads such a cell as its own binary form, because the generator mapped the column
    /// to it knowing the type.
    public var isUserType: Bool { typeOID >= TypeOID.firstUserOID }

    /// The bytes as UTF-8 text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// A cell whose bytes are not a valid value of the Swift type it is read into. The reader adds
/// which column it was.
public struct CellDecodingError: Error, CustomStringConvertible, Hashable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }

    /// The bytes have the wrong length for the type.
    public static func length(_ count: Int, expected: String, for type: String) -> CellDecodingError {
        CellDecodingError("\(count) bytes are not a binary \(type) (expected \(expected))")
    }
}

/// OIDs of the built-in types EntityKit reads. They are fixed by PostgreSQL for every database.
public enum TypeOID {
    public static let bool: UInt32 = 16
    public static let bytea: UInt32 = 17
    public static let char: UInt32 = 18
    public static let name: UInt32 = 19
    public static let int8: UInt32 = 20
    public static let int2: UInt32 = 21
    public static let int4: UInt32 = 23
    public static let text: UInt32 = 25
    public static let oid: UInt32 = 26
    public static let tid: UInt32 = 27
    public static let xid: UInt32 = 28
    public static let cid: UInt32 = 29
    public static let json: UInt32 = 114
    public static let xml: UInt32 = 142
    public static let point: UInt32 = 600
    public static let lseg: UInt32 = 601
    public static let path: UInt32 = 602
    public static let box: UInt32 = 603
    public static let polygon: UInt32 = 604
    public static let line: UInt32 = 628
    public static let cidr: UInt32 = 650
    public static let float4: UInt32 = 700
    public static let float8: UInt32 = 701
    public static let unknown: UInt32 = 705
    public static let circle: UInt32 = 718
    public static let macaddr8: UInt32 = 774
    public static let money: UInt32 = 790
    public static let macaddr: UInt32 = 829
    public static let inet: UInt32 = 869
    public static let bpchar: UInt32 = 1042
    public static let varchar: UInt32 = 1043
    public static let date: UInt32 = 1082
    public static let time: UInt32 = 1083
    public static let timestamp: UInt32 = 1114
    public static let timestamptz: UInt32 = 1184
    public static let interval: UInt32 = 1186
    public static let timetz: UInt32 = 1266
    public static let bit: UInt32 = 1560
    public static let varbit: UInt32 = 1562
    public static let numeric: UInt32 = 1700
    public static let record: UInt32 = 2249
    public static let uuid: UInt32 = 2950
    public static let txidSnapshot: UInt32 = 2970
    public static let pgLSN: UInt32 = 3220
    public static let tsvector: UInt32 = 3614
    public static let tsquery: UInt32 = 3615
    public static let jsonb: UInt32 = 3802
    public static let int4range: UInt32 = 3904
    public static let numrange: UInt32 = 3906
    public static let tsrange: UInt32 = 3908
    public static let tstzrange: UInt32 = 3910
    public static let daterange: UInt32 = 3912
    public static let int8range: UInt32 = 3926
    public static let xid8: UInt32 = 5069
    public static let pgSnapshot: UInt32 = 5038
    public static let int4multirange: UInt32 = 4451
    public static let nummultirange: UInt32 = 4532
    public static let tsmultirange: UInt32 = 4533
    public static let tstzmultirange: UInt32 = 4534
    public static let datemultirange: UInt32 = 4535
    public static let int8multirange: UInt32 = 4536
    /// The first OID the server assigns to objects created in a database.
    public static let firstUserOID: UInt32 = 16384

    /// Types whose binary form is their UTF-8 text.
    public static func isText(_ oid: UInt32) -> Bool {
        oid == text || oid == varchar || oid == bpchar || oid == name || oid == unknown
    }
}
