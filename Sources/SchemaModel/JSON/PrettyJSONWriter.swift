import Foundation

/// Writes an `EncodedTree` byte for byte as `JSONEncoder` does with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` (swift-foundation's writer):
/// two-space indent, `"key" : value`, an empty container as `[` newline newline `]`, keys sorted
/// by their UTF-8 bytes (later duplicates replacing earlier ones), and only `"`, `\` and control
/// characters escaped.
struct PrettyJSONWriter: ~Copyable {
    static let maximumDepth = 512

    private let tree: EncodedTree
    private var output: ByteBuffer
    /// Member indices of the objects being written, innermost last, sorted in place.
    private var order: [Int32] = []

    /// The JSON text of the tree, followed by `terminator` bytes.
    static func write(_ tree: EncodedTree, root: Int, terminator: [UInt8] = []) throws -> Data {
        var writer = PrettyJSONWriter(tree: tree)
        try writer.write(root, depth: 0)
        writer.output.append(contentsOf: terminator)
        return writer.output.takeData()
    }

    private init(tree: EncodedTree) {
        self.tree = tree
        // Pretty-printed snapshots run to about 17 bytes per node.
        output = ByteBuffer(capacity: tree.nodeCount * 20 + 64)
    }

    private mutating func write(_ index: Int, depth: Int) throws {
        let node = tree.node(index)
        switch node.kind {
        case .null: append("null")
        case .false: append("false")
        case .true: append("true")
        case .number: appendRaw(node.text)
        case .string: appendString(node.text)
        case .raw: output.append(contentsOf: tree.rawBytes(node))
        case .array: try writeArray(node, depth: depth + 1)
        case .object: try writeObject(node, depth: depth + 1)
        }
    }

    private mutating func writeArray(_ node: EncodedTree.Node, depth: Int) throws {
        guard depth < Self.maximumDepth else { throw tooDeep() }
        output.append(UInt8(ascii: "["))
        output.append(UInt8(ascii: "\n"))
        var member = node.first
        var first = true
        while member >= 0 {
            if !first { append(",\n") }
            first = false
            indent(depth)
            try write(Int(tree.member(member).value), depth: depth)
            member = tree.member(member).next
        }
        output.append(UInt8(ascii: "\n"))
        indent(depth - 1)
        output.append(UInt8(ascii: "]"))
    }

    private mutating func writeObject(_ node: EncodedTree.Node, depth: Int) throws {
        guard depth < Self.maximumDepth else { throw tooDeep() }
        let start = order.count
        var member = node.first
        while member >= 0 {
            order.append(member)
            member = tree.member(member).next
        }
        sortMembers(from: start)
        output.append(UInt8(ascii: "{"))
        output.append(UInt8(ascii: "\n"))
        var first = true
        var position = start
        while position < order.count {
            let current = tree.member(order[position])
            position += 1
            // Equal keys are adjacent and in encoding order: the last one is JSONEncoder's value.
            if position < order.count, isDuplicate(tree.member(order[position]), of: current) { continue }
            if !first { append(",\n") }
            first = false
            indent(depth)
            appendString(current.key)
            append(" : ")
            try write(Int(current.value), depth: depth)
        }
        order.removeSubrange(start...)
        output.append(UInt8(ascii: "\n"))
        indent(depth - 1)
        output.append(UInt8(ascii: "}"))
    }

    /// A stable insertion sort by UTF-8 bytes: objects are small, and members usually arrive in
    /// the same (declaration) order, so this does little work.
    private mutating func sortMembers(from start: Int) {
        guard order.count - start > 1 else { return }
        for position in (start + 1)..<order.count {
            let item = order[position]
            var hole = position
            while hole > start, precedes(item, order[hole - 1]) {
                order[hole] = order[hole - 1]
                hole -= 1
            }
            order[hole] = item
        }
    }

    private func precedes(_ left: Int32, _ right: Int32) -> Bool {
        let a = tree.member(left), b = tree.member(right)
        if a.prefix != b.prefix { return a.prefix < b.prefix }
        return a.key.utf8.lexicographicallyPrecedes(b.key.utf8)
    }

    private func isDuplicate(_ member: EncodedTree.Member, of other: EncodedTree.Member) -> Bool {
        member.prefix == other.prefix && member.key.utf8.elementsEqual(other.key.utf8)
    }

    // MARK: Bytes

    private mutating func indent(_ depth: Int) { output.appendIndent(depth) }
    private mutating func append(_ text: StaticString) { output.append(text) }
    private mutating func appendRaw(_ text: String) { output.appendUTF8(text) }
    private mutating func appendString(_ text: String) { output.appendJSONString(text) }

    private func tooDeep() -> EncodingError {
        EncodingError.invalidValue("", EncodingError.Context(codingPath: [], debugDescription: "more than \(Self.maximumDepth) nested arrays and objects"))
    }
}
