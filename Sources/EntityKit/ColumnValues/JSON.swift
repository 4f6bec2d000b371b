import Foundation

// `json` and `jsonb` columns: kept as their text (`PGJSON`), or decoded into your own `Codable`
// type (`JSONColumnValue`).

extension PGJSON: BinaryColumnValue {
    static func isOwnType(_ oid: UInt32) -> Bool { oid == TypeOID.json || oid == TypeOID.jsonb }

    /// The server's JSON text, unchecked: it validated the value when it stored it.
    static func decodeBinary(_ cell: Cell) throws -> PGJSON {
        PGJSON(unchecked: String(decoding: try jsonBytes(of: cell), as: UTF8.self))
    }
}

/// The JSON text of a `json` or `jsonb` cell, or of a domain over either: `json` sends its
/// text, `jsonb` a version byte (1) and its text. A domain's OID does not say which, so its
/// first byte does: JSON text never starts with byte 1.
func jsonBytes(of cell: Cell) throws -> UnsafeRawBufferPointer {
    let isBinaryJSON = cell.typeOID == TypeOID.jsonb || (cell.typeOID != TypeOID.json && cell.bytes.first == 1)
    guard isBinaryJSON else { return cell.bytes }
    guard cell.bytes.first == 1 else {
        throw CellDecodingError("unknown jsonb format version \(cell.bytes.first.map(String.init) ?? "(none)")")
    }
    return UnsafeRawBufferPointer(rebasing: cell.bytes.dropFirst())
}

/// A `Codable` type stored in a `json` or `jsonb` column: read with `JSONDecoder`, written as
/// its `JSONEncoder` text.
///
/// This is how a JSON column maps to a type of your own. Declare the conformance, which needs no
/// code, and name the type in an override: `--column-override public.orders.details=OrderDetails`
/// for one column, `--type-override` for every column of a type (a domain over `jsonb`), or the
/// same in `codegen.json`; `--import` the module that declares it.
///
/// ```swift
/// struct OrderDetails: JSONColumnValue {
///     var items: [String]
///     var giftWrap: Bool
/// }
/// ```
///
/// Keep ``PGJSON`` where the exact text matters: `json` keeps whitespace, key order and repeated
/// keys, which a round trip through a Swift type does not.
public protocol JSONColumnValue: ColumnValue, Codable {}

extension JSONColumnValue {
    /// Decodes the JSON text of a `json`, `jsonb` or text cell (or of a domain over `json` or
    /// `jsonb`).
    @_spi(Generated) public static func decode(_ cell: Cell) throws -> Self {
        guard cell.typeOID == TypeOID.json || cell.typeOID == TypeOID.jsonb || cell.isText || cell.isUserType else {
            throw cell.unexpectedType(for: Self.self)
        }
        let text = cell.isText ? cell.bytes : try jsonBytes(of: cell)
        do {
            return try JSONDecoder().decode(Self.self, from: Data(text))
        } catch {
            throw CellDecodingError("the JSON does not decode as \(Self.self): \(error)")
        }
    }

    /// `json`, `jsonb`, text and user-defined types (domains).
    @_spi(Generated) public static func accepts(typeOID: UInt32) -> Bool {
        typeOID == TypeOID.json || typeOID == TypeOID.jsonb || TypeOID.isText(typeOID) || typeOID >= TypeOID.firstUserOID
    }

    /// The `JSONEncoder` text, keys sorted so that a value always writes the same statement.
    ///
    /// A value that does not encode (an encoder that throws, a non-finite `Double`) cannot be
    /// dropped or replaced silently and this property cannot throw, so its literal is the
    /// error's description, which is not JSON: the statement that writes it fails, and the
    /// server's error quotes the text.
    public var sqlLiteral: SQLLiteral {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        do {
            return .text(String(decoding: try encoder.encode(self), as: UTF8.self))
        } catch {
            return .text("\(Self.self) does not encode as JSON: \(error)")
        }
    }
}
