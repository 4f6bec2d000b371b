/// Values being encoded, in one arena for the whole document.
///
/// A container's members are a linked list through `members`, so a container can grow while
/// another is being filled (the `Encoder` protocol allows interleaving) with no array per object.
/// Members are kept in the order they were encoded; the writer sorts keys.
final class EncodedTree {
    struct Node {
        enum Kind: UInt8 {
            case null, `false`, `true`, number, string, array, object
        }

        var kind: Kind
        /// The text of a number, or the value of a string (unescaped).
        var text: String = ""
        var first: Int32 = -1
        var last: Int32 = -1
        var count: Int32 = 0
    }

    struct Member {
        /// The key (empty for array elements).
        var key: String
        /// The key's first eight UTF-8 bytes, big-endian, zero-padded: compares like the bytes, so
        /// most comparisons while sorting are one integer comparison.
        var prefix: UInt64
        var value: Int32
        var next: Int32 = -1
    }

    var nodes: [Node] = []
    var members: [Member] = []

    init() {
        nodes.reserveCapacity(1024)
        members.reserveCapacity(1024)
    }

    /// A new node; an encoder that is asked for nothing leaves `{}`, as JSONEncoder does.
    func addNode(_ kind: Node.Kind = .object, text: String = "") -> Int {
        nodes.append(Node(kind: kind, text: text))
        return nodes.count - 1
    }

    func set(_ index: Int, _ kind: Node.Kind, text: String = "") {
        nodes[index] = Node(kind: kind, text: text)
    }

    /// Makes `index` an empty container of `kind` unless it already is one, so that asking an
    /// encoder for its container twice keeps what the first container wrote.
    func makeContainer(_ index: Int, _ kind: Node.Kind) {
        if nodes[index].kind != kind { set(index, kind) }
    }

    func append(to container: Int, key: String, value: Int) {
        let member = Int32(members.count)
        members.append(Member(key: key, prefix: key.isEmpty ? 0 : Self.prefix(of: key), value: Int32(value)))
        let last = nodes[container].last
        if last < 0 {
            nodes[container].first = member
        } else {
            members[Int(last)].next = member
        }
        nodes[container].last = member
        nodes[container].count += 1
    }

    static func prefix(of key: String) -> UInt64 {
        var prefix: UInt64 = 0
        var shift: UInt64 = 56
        for byte in key.utf8 {
            prefix |= UInt64(byte) << shift
            if shift == 0 { break }
            shift -= 8
        }
        return prefix
    }
}
