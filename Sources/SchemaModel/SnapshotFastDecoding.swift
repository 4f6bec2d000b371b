import Foundation

/// Hand-written decoding of columns and qualified names straight from the tape (keys and
/// foreign keys: `SnapshotFastDecoding+Constraints.swift`).
///
/// They are nine objects in ten of a large snapshot, and going through `Decoder` costs a container
/// box, metadata lookups and a key search per field. Everything else — and these types too, when
/// the fast path declines — goes through the synthesized `Decodable` conformances, so this is an
/// optimization that can never change a result:
/// - it returns nil (and the generic path decodes the object, with its errors) for anything it
///   does not expect: an unknown, escaped, repeated or missing key, or a value of another type;
/// - it switches itself off when the type gains a stored property it does not know (checked once
///   per process with `Mirror`), so a field added to `Column` is decoded correctly, only slower,
///   and `SnapshotFastDecodingTests` fails until the field is added here.
enum SnapshotFastDecoding {
    /// `Column`'s stored properties, in declaration order, as this file decodes them.
    static let columnProperties = ["name", "type", "sqlType", "isNullable", "defaultExpression", "identity",
                                   "generatedExpression", "isVirtual", "notNullNotValid", "dimensions", "comment", "origin"]
    static let qualifiedNameProperties = ["schema", "name"]
    static let columnReferenceProperties = ["relation", "column"]

    static let isEnabled: Bool = {
        let name = QualifiedName(schema: "", name: "")
        return propertyNames(Column(name: "", type: name, sqlType: "", isNullable: false)) == columnProperties
            && propertyNames(name) == qualifiedNameProperties
            && propertyNames(ColumnReference(relation: name, column: "")) == columnReferenceProperties
    }()

    static func propertyNames(_ value: Any) -> [String] {
        Mirror(reflecting: value).children.compactMap(\.label)
    }

    /// The value at `index` when `T` is a type with a fast path and the fast path accepts it.
    @inline(__always)
    static func decode<T>(_ type: T.Type, _ tape: JSONTape, _ index: Int) -> T? {
        if T.self == [Column].self { return columns(tape, index).map { unsafeBitCast($0, to: T.self) } }
        if T.self == QualifiedName.self { return qualifiedName(tape, index).map { unsafeBitCast($0, to: T.self) } }
        if T.self == Column.self { return column(tape, index).map { unsafeBitCast($0, to: T.self) } }
        if T.self == [KeyConstraint].self { return array(tape, index, keyConstraint).map { unsafeBitCast($0, to: T.self) } }
        if T.self == KeyConstraint.self { return keyConstraint(tape, index).map { unsafeBitCast($0, to: T.self) } }
        if T.self == [ForeignKey].self { return array(tape, index, foreignKey).map { unsafeBitCast($0, to: T.self) } }
        return nil
    }

    static func columns(_ tape: JSONTape, _ index: Int) -> [Column]? {
        guard isEnabled, tape.nodes[index].kind == .array else { return nil }
        var columns: [Column] = []
        columns.reserveCapacity(Int(tape.nodes[index].length))
        var element = index + 1
        let end = tape.next(after: index)
        while element < end {
            guard let column = column(tape, element) else { return nil }
            columns.append(column)
            element = tape.next(after: element)
        }
        return columns
    }

    static func column(_ tape: JSONTape, _ index: Int) -> Column? {
        guard isEnabled, tape.nodes[index].kind == .object else { return nil }
        var name: String?, type: QualifiedName?, sqlType: String?, isNullable: Bool?, dimensions: Int?
        var defaultExpression: String??, identity: IdentityKind??, generatedExpression: String??, comment: String??, origin: ColumnReference??
        var isVirtual: Bool??, notNullNotValid: Bool??
        var members = Members(tape: tape, object: index)
        while let (key, value) = members.next() {
            switch key {
            case "name": guard name == nil, let text = tape.plainString(value) else { return nil }; name = text
            case "type": guard type == nil, let decoded = qualifiedName(tape, value) else { return nil }; type = decoded
            case "sqlType": guard sqlType == nil, let text = tape.plainString(value) else { return nil }; sqlType = text
            case "isNullable": guard isNullable == nil, let flag = tape.bool(value) else { return nil }; isNullable = flag
            case "dimensions": guard dimensions == nil, let number = tape.int(value) else { return nil }; dimensions = number
            case "defaultExpression":
                guard defaultExpression == nil, let text = tape.optional(value, tape.plainString) else { return nil }; defaultExpression = text
            case "generatedExpression":
                guard generatedExpression == nil, let text = tape.optional(value, tape.plainString) else { return nil }; generatedExpression = text
            case "comment": guard comment == nil, let text = tape.optional(value, tape.plainString) else { return nil }; comment = text
            case "isVirtual": guard isVirtual == nil, let flag = tape.optional(value, tape.bool) else { return nil }; isVirtual = flag
            case "notNullNotValid": guard notNullNotValid == nil, let flag = tape.optional(value, tape.bool) else { return nil }; notNullNotValid = flag
            case "identity":
                guard identity == nil, let kind = tape.optional(value, { tape.plainString($0).flatMap(IdentityKind.init(rawValue:)) }) else { return nil }
                identity = kind
            case "origin":
                guard origin == nil, let reference = tape.optional(value, { columnReference(tape, $0) }) else { return nil }
                origin = reference
            default: return nil
            }
        }
        guard let name, let type, let sqlType, let isNullable, let dimensions else { return nil }
        return Column(name: name, type: type, sqlType: sqlType, isNullable: isNullable, defaultExpression: defaultExpression ?? nil,
                      identity: identity ?? nil, generatedExpression: generatedExpression ?? nil,
                      isVirtual: isVirtual ?? nil, notNullNotValid: notNullNotValid ?? nil, dimensions: dimensions,
                      comment: comment ?? nil, origin: origin ?? nil)
    }

    static func qualifiedName(_ tape: JSONTape, _ index: Int) -> QualifiedName? {
        guard isEnabled, tape.nodes[index].kind == .object, tape.nodes[index].length == 2 else { return nil }
        var schema: String?, name: String?
        var members = Members(tape: tape, object: index)
        while let (key, value) = members.next() {
            switch key {
            case "schema": guard schema == nil, let text = tape.plainString(value) else { return nil }; schema = text
            case "name": guard name == nil, let text = tape.plainString(value) else { return nil }; name = text
            default: return nil
            }
        }
        guard let schema, let name else { return nil }
        return QualifiedName(schema: schema, name: name)
    }

    static func columnReference(_ tape: JSONTape, _ index: Int) -> ColumnReference? {
        guard tape.nodes[index].kind == .object, tape.nodes[index].length == 2 else { return nil }
        var relation: QualifiedName?, column: String?
        var members = Members(tape: tape, object: index)
        while let (key, value) = members.next() {
            switch key {
            case "relation": guard relation == nil, let decoded = qualifiedName(tape, value) else { return nil }; relation = decoded
            case "column": guard column == nil, let text = tape.plainString(value) else { return nil }; column = text
            default: return nil
            }
        }
        guard let relation, let column else { return nil }
        return ColumnReference(relation: relation, column: column)
    }

    /// An object's members as (key, value index), the key as a `StaticKey` for matching.
    struct Members {
        let tape: JSONTape
        var member: Int
        let end: Int

        init(tape: JSONTape, object: Int) {
            self.tape = tape
            self.member = object + 1
            self.end = tape.next(after: object)
        }

        mutating func next() -> (StaticKey, Int)? {
            guard member < end else { return nil }
            let key = StaticKey(tape: tape, node: member)
            let value = member + 1
            member = tape.next(after: value)
            return (key, value)
        }
    }

    /// A key on the tape that `switch` matches against string literals by bytes; an escaped or
    /// non-ASCII key matches nothing, which sends the object to the generic path.
    struct StaticKey: ExpressibleByStringLiteral {
        let bytes: UnsafeBufferPointer<UInt8>

        init(tape: JSONTape, node: Int) {
            bytes = tape.nodes[node].flags == 0 ? tape.rawBytes(node) : UnsafeBufferPointer(start: nil, count: 0)
        }

        init(stringLiteral value: StaticString) {
            bytes = UnsafeBufferPointer(start: value.utf8Start, count: value.utf8CodeUnitCount)
        }

        @inline(__always)
        static func ~= (pattern: StaticKey, key: StaticKey) -> Bool {
            guard pattern.bytes.count == key.bytes.count, let keyBytes = key.bytes.baseAddress else { return false }
            return memcmp(pattern.bytes.baseAddress!, keyBytes, key.bytes.count) == 0
        }
    }
}

extension JSONTape {
    /// A string value, or nil for any other kind.
    @inline(__always)
    func plainString(_ index: Int) -> String? {
        nodes[index].kind == .string ? string(index) : nil
    }

    @inline(__always)
    func bool(_ index: Int) -> Bool? {
        switch nodes[index].kind {
        case .true: true
        case .false: false
        default: nil
        }
    }

    /// An integer written as one (no fraction or exponent) that fits in `Int`.
    @inline(__always)
    func int(_ index: Int) -> Int? {
        guard nodes[index].kind == .number, nodes[index].flags & TapeNode.isInteger != 0 else { return nil }
        return JSONNumbers.integer(Int.self, rawBytes(index))
    }

    /// `.some(nil)` for `null`, `.some(value)` when `read` accepts the value, nil otherwise.
    @inline(__always)
    func optional<Value>(_ index: Int, _ read: (Int) -> Value?) -> Value?? {
        if nodes[index].kind == .null { return .some(nil) }
        return read(index).map { .some($0) }
    }
}
