import NIOCore
import PostgresNIO

/// One value as it arrived: NULL, text, or binary bytes of a PostgreSQL type.
enum CellValue: Sendable {
    case null
    case text(String)
    case binary(ByteBuffer, oid: UInt32)
    /// An array, flattened in row-major order, with its dimension lengths.
    case array(dimensions: [Int], elements: [CellValue])
    /// The fields of a composite value, in attribute order.
    case record([CellValue])

    init(_ cell: PostgresCell) {
        guard let bytes = cell.bytes else {
            self = .null
            return
        }
        switch cell.format {
        case .binary: self = .binary(bytes, oid: cell.dataType.rawValue)
        case .text: self = .text(String(buffer: bytes))
        }
    }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The value as text, when it is text (or a binary value of a text type).
    var textValue: String? {
        switch self {
        case let .text(text): return text
        case let .binary(buffer, oid) where TypeOID.isText(oid): return String(buffer: buffer)
        default: return nil
        }
    }

    /// A short description for error messages.
    var summary: String {
        switch self {
        case .null: return "NULL"
        case let .text(text): return "text \"\(text.prefix(60))\""
        case let .binary(buffer, oid): return "binary \(TypeOID.name(oid)) (\(buffer.readableBytes) bytes)"
        case let .array(dimensions, _): return "array \(dimensions)"
        case let .record(fields): return "record of \(fields.count) fields"
        }
    }
}

// The OID constants are EntityKit's `TypeOID`; these are what the Codable path adds.
extension TypeOID {
    /// Built-in types with a non-text binary form; anything else (enums, extension types such
    /// as citext) sends its text.
    static let nonTextual: Set<UInt32> = [
        bool, bytea, int8, int2, int4, oid, float4, float8, money, date, time, timestamp, timestamptz,
        interval, timetz, numeric, uuid, jsonb, 600, 601, 602, 603, 604, 628, 718, 650, 869, 829, 774,
        1560, 1562, 27, 28, 29, 3220, 2970, 5038, 3614, 3615, 4072, 5069, 18,
        // Ranges and multiranges.
        3904, 3906, 3908, 3910, 3912, 3926, 4451, 4532, 4533, 4534, 4535, 4536,
    ]

    static func name(_ oid: UInt32) -> String {
        switch oid {
        case bool: "bool"
        case bytea: "bytea"
        case int2: "int2"
        case int4: "int4"
        case int8: "int8"
        case text: "text"
        case varchar: "varchar"
        case float4: "float4"
        case float8: "float8"
        case numeric: "numeric"
        case date: "date"
        case timestamp: "timestamp"
        case timestamptz: "timestamptz"
        case interval: "interval"
        case uuid: "uuid"
        case json: "json"
        case jsonb: "jsonb"
        default: "type \(oid)"
        }
    }
}
