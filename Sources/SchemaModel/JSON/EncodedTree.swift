/// Values being encoded, in one arena for the whole document.
///
/// A container's members are a linked list through `members`, so a container can grow while
/// another is being filled (the `Encoder` protocol allows interleaving) with no array per object.
/// Members are kept in the order they were encoded; the writer sorts keys.
final class EncodedTree {
    struct Node {
        enum Kind: UInt8 {
            case null, `false`, `true`, number, string, array, object
            /// JSON text written by a hand-written encoder: `first` is its offset in the raw
            /// bytes and `count` its length.
            case raw
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

    /// The arrays live behind a pointer rather than in stored properties: every encoded value
    /// appends to them, and a class's stored `var`s pay a dynamic exclusivity check per access.
    private struct Storage {
        var nodes: [Node] = []
        var members: [Member] = []
    }

    private let storage: UnsafeMutablePointer<Storage>
    private let raw: UnsafeMutablePointer<ByteBuffer>

    init() {
        storage = .allocate(capacity: 1)
        storage.initialize(to: Storage())
        raw = .allocate(capacity: 1)
        raw.initialize(to: ByteBuffer(capacity: 4096))
        storage.pointee.nodes.reserveCapacity(1024)
        storage.pointee.members.reserveCapacity(1024)
    }

    deinit {
        storage.deinitialize(count: 1)
        storage.deallocate()
        raw.deinitialize(count: 1)
        raw.deallocate()
    }

    /// Makes `index` a raw node holding what `render` writes.
    func setRaw(_ index: Int, _ render: (inout ByteBuffer) -> Void) {
        let start = raw.pointee.count
        render(&raw.pointee)
        var node = Node(kind: .raw)
        node.first = Int32(start)
        node.count = Int32(raw.pointee.count - start)
        storage.pointee.nodes[index] = node
    }

    func rawBytes(_ node: Node) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: raw.pointee.bytes[Int(node.first)..<Int(node.first) + Int(node.count)])
    }

    var nodeCount: Int { storage.pointee.nodes.count }

    @inline(__always)
    func node(_ index: Int) -> Node { storage.pointee.nodes[index] }

    @inline(__always)
    func member(_ index: Int32) -> Member { storage.pointee.members[Int(index)] }

    /// A new node; an encoder that is asked for nothing leaves `{}`, as JSONEncoder does.
    @discardableResult
    func addNode(_ kind: Node.Kind = .object, text: String = "") -> Int {
        storage.pointee.nodes.append(Node(kind: kind, text: text))
        return storage.pointee.nodes.count - 1
    }

    func set(_ index: Int, _ kind: Node.Kind, text: String = "") {
        storage.pointee.nodes[index] = Node(kind: kind, text: text)
    }

    /// Makes `index` an empty container of `kind` unless it already is one, so that asking an
    /// encoder for its container twice keeps what the first container wrote.
    func makeContainer(_ index: Int, _ kind: Node.Kind) {
        if storage.pointee.nodes[index].kind != kind { set(index, kind) }
    }

    /// Adds a member (or element, with an empty key) to a container.
    func append(to container: Int, key: String, value: Int) {
        let member = Int32(storage.pointee.members.count)
        storage.pointee.members.append(Member(key: key, prefix: key.isEmpty ? 0 : Self.prefix(of: key), value: Int32(value)))
        let last = storage.pointee.nodes[container].last
        if last < 0 {
            storage.pointee.nodes[container].first = member
        } else {
            storage.pointee.members[Int(last)].next = member
        }
        storage.pointee.nodes[container].last = member
        storage.pointee.nodes[container].count += 1
    }

    /// Adds a new scalar member; for the hand-written encoders.
    @inline(__always)
    func append(to container: Int, key: String, _ kind: Node.Kind, text: String = "") {
        append(to: container, key: key, value: addNode(kind, text: text))
    }

    /// Adds a new empty container member and returns it.
    @inline(__always)
    func appendContainer(to container: Int, key: String, _ kind: Node.Kind) -> Int {
        let node = addNode(kind)
        append(to: container, key: key, value: node)
        return node
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
