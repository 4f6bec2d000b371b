/// Array literals (`{1,2}`, `{{"a b",NULL},{c,d}}`, `[0:1]={x,y}`), as arrays inside a
/// composite value read as text arrive. They are rewritten into the binary array form with
/// text elements, so that one reader serves both forms; the text form is the rare one.
enum ArrayLiteralText {
    /// The binary array of `literal`'s elements, each a text element (or NULL).
    static func binaryArray(of literal: UnsafeRawBufferPointer) throws -> [UInt8] {
        var bytes = Array(literal)[...]
        // Explicit bounds (`[0:1]={x,y}`): Swift arrays start at 0 whatever they say.
        if bytes.first == UInt8(ascii: "["), let equals = bytes.firstIndex(of: UInt8(ascii: "=")) {
            bytes = bytes[(equals + 1)...]
        }
        var parser = Parser(bytes: Array(bytes))
        guard let root = parser.array(), parser.isAtEnd, let (dimensions, elements) = flatten(root),
              elements.count == dimensions.reduce(1, *) || dimensions.isEmpty else {
            throw CellDecodingError("\"\(String(decoding: literal.prefix(100), as: UTF8.self))\" is not an array literal")
        }
        var binary: [UInt8] = []
        binary.reserveCapacity(12 + 8 * dimensions.count + elements.reduce(0) { $0 + 4 + ($1?.count ?? 0) })
        func append<Integer: FixedWidthInteger>(_ value: Integer) {
            withUnsafeBytes(of: value.bigEndian) { binary.append(contentsOf: $0) }
        }
        append(Int32(dimensions.count))
        append(Int32(elements.contains { $0 == nil } ? 1 : 0))
        append(TypeOID.text)
        for length in dimensions {
            append(Int32(length))
            append(Int32(1))
        }
        for element in elements {
            if let element {
                append(Int32(element.count))
                binary.append(contentsOf: element)
            } else {
                append(Int32(-1))
            }
        }
        return binary
    }

    indirect enum Node {
        /// An element's unescaped bytes; nil for NULL.
        case element([UInt8]?)
        case array([Node])
    }

    /// Dimension lengths and the elements in storage order; nil when sub-arrays differ in
    /// length or elements stand beside sub-arrays. `{}` has no dimensions.
    static func flatten(_ node: Node) -> (dimensions: [Int], elements: [[UInt8]?])? {
        guard case let .array(items) = node else { return nil }
        if items.isEmpty { return ([], []) }
        var elements: [[UInt8]?] = []
        var inner: [Int]?
        for item in items {
            switch item {
            case let .element(value):
                guard inner == nil || inner == [] else { return nil }
                inner = []
                elements.append(value)
            case .array:
                guard let (dimensions, nested) = flatten(item), !dimensions.isEmpty, inner == nil || inner == dimensions else { return nil }
                inner = dimensions
                elements.append(contentsOf: nested)
            }
        }
        return ([items.count] + (inner ?? []), elements)
    }

    /// A recursive-descent parser of `array_out`'s syntax: braces, `,` between items, elements
    /// double-quoted (with `\` escapes) or bare (trailing spaces dropped; `NULL` in any case is
    /// NULL).
    struct Parser {
        let bytes: [UInt8]
        var position = 0

        /// Only spaces remain.
        var isAtEnd: Bool {
            bytes[position...].allSatisfy { $0 == UInt8(ascii: " ") }
        }

        private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

        private mutating func skipSpaces() {
            while current == UInt8(ascii: " ") { position += 1 }
        }

        mutating func array() -> Node? {
            skipSpaces()
            guard current == UInt8(ascii: "{") else { return nil }
            position += 1
            skipSpaces()
            if current == UInt8(ascii: "}") {
                position += 1
                return .array([])
            }
            var items: [Node] = []
            while true {
                skipSpaces()
                guard let byte = current else { return nil }
                if byte == UInt8(ascii: "{") {
                    guard let nested = array() else { return nil }
                    items.append(nested)
                } else {
                    guard let value = element() else { return nil }
                    items.append(.element(value))
                }
                skipSpaces()
                switch current {
                case UInt8(ascii: ","): position += 1
                case UInt8(ascii: "}"):
                    position += 1
                    return .array(items)
                default: return nil
                }
            }
        }

        /// An element: its bytes, or `.some(nil)` for NULL; nil when the text is malformed.
        private mutating func element() -> [UInt8]?? {
            var value: [UInt8] = []
            let backslash = UInt8(ascii: "\\"), quote = UInt8(ascii: "\"")
            if current == quote {
                position += 1
                while let byte = current, byte != quote {
                    if byte == backslash, position + 1 < bytes.count { position += 1 }
                    value.append(bytes[position])
                    position += 1
                }
                guard current == quote else { return nil }
                position += 1
                return .some(value)
            }
            while let byte = current, byte != UInt8(ascii: ","), byte != UInt8(ascii: "}") {
                if byte == backslash, position + 1 < bytes.count { position += 1 }
                value.append(bytes[position])
                position += 1
            }
            while value.last == UInt8(ascii: " ") { value.removeLast() }
            let isNull = value.count == 4 && value.map { $0 & 0xDF } == Array("NULL".utf8)
            return isNull ? .some(nil) : .some(value)
        }
    }
}
