/// One non-NULL value of a result row, as the database sent it: its bytes and the object
/// identifier (OID) of its PostgreSQL type.
///
/// Values arrive in PostgreSQL's binary format. Columns of types without a binary form that
/// EntityKit reads are selected with a cast to `text` (their `ColumnDefinition/readCast`),
/// so their bytes are the UTF-8 text form; ``isText`` tells.
///
/// A cell borrows the bytes of the row it belongs to: it is valid only inside the
/// `decode(_:)` call that receives it.
@_spi(Generated)
public struct Cell {
    /// The value's bytes.
    public let bytes: UnsafeRawBufferPointer
    /// The OID of the value's type (of the column, or of an array element or record field).
    public let typeOID: UInt32

    /// A cell over `bytes`, which must stay valid while the cell is used: how a row reader
    /// hands a column's value to `decode(_:)`, and how tests decode bytes of
    /// their own.
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

    /// An error whose description says what is wrong with the value and how to fix it (the
    /// row reader prefixes the column).
    public init(_ description: String) {
        self.description = description
    }

    /// The bytes have the wrong length for the type.
    public static func length(_ count: Int, expected: String, for type: String) -> CellDecodingError {
        CellDecodingError("\(count) bytes are not a binary \(type) (expected \(expected))")
    }
}

/// OIDs of the built-in types EntityKit reads. They are fixed by PostgreSQL for every database.
@_spi(Generated)
public enum TypeOID {
    /// The OID of `boolean`.
    public static let bool: UInt32 = 16
    /// The OID of `bytea`.
    public static let bytea: UInt32 = 17
    /// The OID of `"char"`, the one-byte internal type (``PGChar``).
    public static let char: UInt32 = 18
    /// The OID of `name`, the 63-byte identifier type of the catalogs.
    public static let name: UInt32 = 19
    /// The OID of `bigint`.
    public static let int8: UInt32 = 20
    /// The OID of `smallint`.
    public static let int2: UInt32 = 21
    /// The OID of `integer`.
    public static let int4: UInt32 = 23
    /// The OID of `text`.
    public static let text: UInt32 = 25
    /// The OID of `oid`.
    public static let oid: UInt32 = 26
    /// The OID of `tid`, a row's physical location (``PGTupleID``).
    public static let tid: UInt32 = 27
    /// The OID of `xid`, a 32-bit transaction ID.
    public static let xid: UInt32 = 28
    /// The OID of `cid`, a command ID within a transaction.
    public static let cid: UInt32 = 29
    /// The OID of `json`.
    public static let json: UInt32 = 114
    /// The OID of `xml`.
    public static let xml: UInt32 = 142
    /// The OID of `point`.
    public static let point: UInt32 = 600
    /// The OID of `lseg`.
    public static let lseg: UInt32 = 601
    /// The OID of `path`.
    public static let path: UInt32 = 602
    /// The OID of `box`.
    public static let box: UInt32 = 603
    /// The OID of `polygon`.
    public static let polygon: UInt32 = 604
    /// The OID of `line`.
    public static let line: UInt32 = 628
    /// The OID of `cidr`.
    public static let cidr: UInt32 = 650
    /// The OID of `real`.
    public static let float4: UInt32 = 700
    /// The OID of `double precision`.
    public static let float8: UInt32 = 701
    /// The OID of `unknown`, the type of an untyped literal (a text cell).
    public static let unknown: UInt32 = 705
    /// The OID of `circle`.
    public static let circle: UInt32 = 718
    /// The OID of `macaddr8`.
    public static let macaddr8: UInt32 = 774
    /// The OID of `money`.
    public static let money: UInt32 = 790
    /// The OID of `macaddr`.
    public static let macaddr: UInt32 = 829
    /// The OID of `inet`.
    public static let inet: UInt32 = 869
    /// The OID of `character(n)` (blank-padded).
    public static let bpchar: UInt32 = 1042
    /// The OID of `character varying(n)`.
    public static let varchar: UInt32 = 1043
    /// The OID of `date`.
    public static let date: UInt32 = 1082
    /// The OID of `time without time zone`.
    public static let time: UInt32 = 1083
    /// The OID of `timestamp without time zone`.
    public static let timestamp: UInt32 = 1114
    /// The OID of `timestamp with time zone`.
    public static let timestamptz: UInt32 = 1184
    /// The OID of `interval`.
    public static let interval: UInt32 = 1186
    /// The OID of `time with time zone`.
    public static let timetz: UInt32 = 1266
    /// The OID of `bit(n)`.
    public static let bit: UInt32 = 1560
    /// The OID of `bit varying(n)`.
    public static let varbit: UInt32 = 1562
    /// The OID of `numeric`.
    public static let numeric: UInt32 = 1700
    /// The OID of `record`, an anonymous row such as `ROW(1, 'a')` (composite values arrive as their own type's OID).
    public static let record: UInt32 = 2249
    /// The OID of `uuid`.
    public static let uuid: UInt32 = 2950
    /// The OID of `txid_snapshot`, the pre-13 spelling of ``pgSnapshot``.
    public static let txidSnapshot: UInt32 = 2970
    /// The OID of `pg_lsn`.
    public static let pgLSN: UInt32 = 3220
    /// The OID of `tsvector`.
    public static let tsvector: UInt32 = 3614
    /// The OID of `tsquery`.
    public static let tsquery: UInt32 = 3615
    /// The OID of `jsonb`.
    public static let jsonb: UInt32 = 3802
    /// The OID of `int4range`.
    public static let int4range: UInt32 = 3904
    /// The OID of `numrange`.
    public static let numrange: UInt32 = 3906
    /// The OID of `tsrange`.
    public static let tsrange: UInt32 = 3908
    /// The OID of `tstzrange`.
    public static let tstzrange: UInt32 = 3910
    /// The OID of `daterange`.
    public static let daterange: UInt32 = 3912
    /// The OID of `int8range`.
    public static let int8range: UInt32 = 3926
    /// The OID of `xid8`, a 64-bit transaction ID.
    public static let xid8: UInt32 = 5069
    /// The OID of `pg_snapshot`.
    public static let pgSnapshot: UInt32 = 5038
    /// The OID of `int4multirange`.
    public static let int4multirange: UInt32 = 4451
    /// The OID of `nummultirange`.
    public static let nummultirange: UInt32 = 4532
    /// The OID of `tsmultirange`.
    public static let tsmultirange: UInt32 = 4533
    /// The OID of `tstzmultirange`.
    public static let tstzmultirange: UInt32 = 4534
    /// The OID of `datemultirange`.
    public static let datemultirange: UInt32 = 4535
    /// The OID of `int8multirange`.
    public static let int8multirange: UInt32 = 4536
    /// The first OID the server assigns to objects created in a database.
    public static let firstUserOID: UInt32 = 16384

    /// Types whose binary form is their UTF-8 text.
    public static func isText(_ oid: UInt32) -> Bool {
        oid == text || oid == varchar || oid == bpchar || oid == name || oid == unknown
    }
}
