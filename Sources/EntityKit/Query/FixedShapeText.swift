import Foundation

/// The SQL text of the statements whose text depends only on the entity type (find and delete
/// by primary key), built once per type: building it (the quoted select list, the table, the key
/// columns) allocates more than sending the statement, and these are the calls an app makes most.
enum FixedShapeText {
    enum Shape: Hashable {
        case find
        case delete
    }

    private struct Key: Hashable {
        let type: ObjectIdentifier
        let shape: Shape
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var texts: [Key: String] = [:]

    /// The text of `shape` for `type`, built by `build` the first time.
    static func text(for type: Any.Type, _ shape: Shape, build: () -> String) -> String {
        let key = Key(type: ObjectIdentifier(type), shape: shape)
        if let text = lock.withLock({ texts[key] }) { return text }
        let text = build()
        lock.withLock { texts[key] = text }
        return text
    }
}
