import NIOCore

/// Splits array and composite values, binary or text, into their element cells.
enum StructuredValues {
    /// The elements of an array value.
    static func array(_ cell: CellValue) -> (dimensions: [Int], elements: [CellValue])? {
        switch cell {
        case let .array(dimensions, elements):
            return (dimensions, elements)
        case let .binary(buffer, oid):
            if TypeOID.isText(oid) { return textArray(String(buffer: buffer)) }
            return binaryArray(buffer)
        case let .text(text):
            return textArray(text)
        case .null, .record:
            return nil
        }
    }

    /// The fields of a composite value.
    static func record(_ cell: CellValue) -> [CellValue]? {
        switch cell {
        case let .record(fields):
            return fields
        case let .binary(buffer, oid):
            if TypeOID.isText(oid) { return textRecord(String(buffer: buffer)) }
            return binaryRecord(buffer)
        case let .text(text):
            return textRecord(text)
        case .null, .array:
            return nil
        }
    }

    /// `int32 ndim, int32 flags, uint32 element oid, (int32 length, int32 lower bound) × ndim`, then
    /// each element as `int32 length` (−1 for NULL) and its bytes.
    static func binaryArray(_ buffer: ByteBuffer) -> (dimensions: [Int], elements: [CellValue])? {
        var buffer = buffer
        guard let dimensionCount = buffer.readInteger(as: Int32.self),
              buffer.readInteger(as: Int32.self) != nil,
              let elementOID = buffer.readInteger(as: UInt32.self),
              dimensionCount >= 0, dimensionCount <= 6 else { return nil }
        var dimensions: [Int] = []
        var total = 1
        for _ in 0..<dimensionCount {
            guard let length = buffer.readInteger(as: Int32.self), buffer.readInteger(as: Int32.self) != nil, length >= 0 else { return nil }
            dimensions.append(Int(length))
            total *= Int(length)
        }
        if dimensions.isEmpty { return ([], []) }
        var elements: [CellValue] = []
        elements.reserveCapacity(total)
        for _ in 0..<total {
            guard let length = buffer.readInteger(as: Int32.self) else { return nil }
            if length < 0 {
                elements.append(.null)
            } else {
                guard let bytes = buffer.readSlice(length: Int(length)) else { return nil }
                elements.append(.binary(bytes, oid: elementOID))
            }
        }
        return (dimensions, elements)
    }

    /// `int32 count`, then per field `uint32 oid, int32 length` (−1 for NULL) and its bytes.
    static func binaryRecord(_ buffer: ByteBuffer) -> [CellValue]? {
        var buffer = buffer
        guard let count = buffer.readInteger(as: Int32.self), count >= 0 else { return nil }
        var fields: [CellValue] = []
        for _ in 0..<count {
            guard let oid = buffer.readInteger(as: UInt32.self), let length = buffer.readInteger(as: Int32.self) else { return nil }
            if length < 0 {
                fields.append(.null)
            } else {
                guard let bytes = buffer.readSlice(length: Int(length)) else { return nil }
                fields.append(.binary(bytes, oid: oid))
            }
        }
        return fields
    }

    /// An array literal such as `{1,2}`, `{{"a b",NULL},{c,d}}` or `[0:1]={x,y}`.
    static func textArray(_ text: String, delimiter: UInt8 = UInt8(ascii: ",")) -> (dimensions: [Int], elements: [CellValue])? {
        var bytes = Array(text.utf8)[...]
        if bytes.first == UInt8(ascii: "["), let equals = bytes.firstIndex(of: UInt8(ascii: "=")) {
            bytes = bytes[(equals + 1)...]
        }
        var parser = ArrayLiteralParser(bytes: Array(bytes), delimiter: delimiter)
        guard let node = parser.parseArray(), parser.isAtEnd else { return nil }
        return ArrayLiteralParser.flatten(node)
    }

    /// A record literal such as `(1,"a b",)`: an empty unquoted field is NULL, and inside quotes
    /// `""` and `\"` are quotes.
    static func textRecord(_ text: String) -> [CellValue]? {
        let bytes = Array(text.utf8)
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), comma = UInt8(ascii: ",")
        guard bytes.count >= 2, bytes.first == UInt8(ascii: "("), bytes.last == UInt8(ascii: ")") else { return nil }
        let end = bytes.count - 1
        var fields: [CellValue] = []
        var index = 1
        while true {
            var value: [UInt8] = []
            var quoted = false
            while index < end {
                let byte = bytes[index]
                if byte == quote {
                    quoted = true
                    index += 1
                    while index < end {
                        let inner = bytes[index]
                        if inner == quote {
                            if index + 1 < end, bytes[index + 1] == quote {
                                value.append(quote)
                                index += 2
                                continue
                            }
                            index += 1
                            break
                        }
                        if inner == backslash, index + 1 < end {
                            value.append(bytes[index + 1])
                            index += 2
                            continue
                        }
                        value.append(inner)
                        index += 1
                    }
                    continue
                }
                if byte == comma { break }
                if byte == backslash, index + 1 < end {
                    value.append(bytes[index + 1])
                    index += 2
                    continue
                }
                value.append(byte)
                index += 1
            }
            fields.append(value.isEmpty && !quoted ? .null : .text(String(decoding: value, as: UTF8.self)))
            if index >= end { break }
            index += 1
        }
        return fields
    }
}

/// A recursive-descent parser of PostgreSQL array literals.
struct ArrayLiteralParser {
    indirect enum Node {
        case element(CellValue)
        case array([Node])
    }

    let bytes: [UInt8]
    let delimiter: UInt8
    var position = 0

    var isAtEnd: Bool {
        var index = position
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        return index >= bytes.count
    }

    private mutating func skipSpaces() {
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") { position += 1 }
    }

    mutating func parseArray() -> Node? {
        skipSpaces()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "{") else { return nil }
        position += 1
        var items: [Node] = []
        skipSpaces()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .array([])
        }
        while position < bytes.count {
            skipSpaces()
            if bytes[position] == UInt8(ascii: "{") {
                guard let nested = parseArray() else { return nil }
                items.append(nested)
            } else {
                guard let element = parseElement() else { return nil }
                items.append(.element(element))
            }
            skipSpaces()
            guard position < bytes.count else { return nil }
            if bytes[position] == delimiter {
                position += 1
            } else if bytes[position] == UInt8(ascii: "}") {
                position += 1
                return .array(items)
            } else {
                return nil
            }
        }
        return nil
    }

    private mutating func parseElement() -> CellValue? {
        var value: [UInt8] = []
        if bytes[position] == UInt8(ascii: "\"") {
            position += 1
            while position < bytes.count, bytes[position] != UInt8(ascii: "\"") {
                if bytes[position] == UInt8(ascii: "\\"), position + 1 < bytes.count { position += 1 }
                value.append(bytes[position])
                position += 1
            }
            guard position < bytes.count else { return nil }
            position += 1
            return .text(String(decoding: value, as: UTF8.self))
        }
        while position < bytes.count, bytes[position] != delimiter, bytes[position] != UInt8(ascii: "}") {
            if bytes[position] == UInt8(ascii: "\\"), position + 1 < bytes.count { position += 1 }
            value.append(bytes[position])
            position += 1
        }
        while value.last == UInt8(ascii: " ") { value.removeLast() }
        let text = String(decoding: value, as: UTF8.self)
        return text.uppercased() == "NULL" ? .null : .text(text)
    }

    /// Row-major elements and dimension lengths; nil when sub-arrays differ in length.
    static func flatten(_ node: Node) -> (dimensions: [Int], elements: [CellValue])? {
        guard case let .array(items) = node else { return nil }
        if items.isEmpty { return ([], []) }
        var elements: [CellValue] = []
        var innerDimensions: [Int]?
        for item in items {
            switch item {
            case let .element(value):
                guard innerDimensions == nil || innerDimensions == [] else { return nil }
                innerDimensions = []
                elements.append(value)
            case .array:
                guard let (dimensions, inner) = flatten(item), innerDimensions == nil || innerDimensions == dimensions else { return nil }
                innerDimensions = dimensions
                elements.append(contentsOf: inner)
            }
        }
        return ([items.count] + (innerDimensions ?? []), elements)
    }
}
