import EntityKit
import Foundation
import PostgresNIO

/// What `row.decode(E.self)` learns once per entity type and result layout, so decoding rows
/// one at a time costs about what ``EntityRowDecoder`` costs per row: the column names and
/// types of the last row that read positionally, checked. A row of the same result set has the same names (the very same
/// strings, so comparing them is a pointer check) and types, and is read without checking again.
final class RowLayoutMemory: @unchecked Sendable {
    static let shared = RowLayoutMemory()

    /// A result layout that reads an entity positionally.
    struct Layout {
        let names: [String]
        let typeOIDs: [UInt32]
    }

    private let lock = NSLock()
    private var layouts: [ObjectIdentifier: Layout] = [:]

    /// True when `row` has the layout last remembered for `E`: the same column names and types.
    func matches<E: Entity>(_ row: PostgresRow, _ type: E.Type) -> Bool {
        guard let layout = lock.withLock({ layouts[ObjectIdentifier(type)] }), row.count == layout.names.count else { return false }
        var position = 0
        for cell in row {
            guard cell.columnName == layout.names[position], cell.dataType.rawValue == layout.typeOIDs[position] else { return false }
            position += 1
        }
        return true
    }

    /// Remembers `row`'s layout for `E`, once a positional, checked read of it succeeded.
    func remember<E: Entity>(_ row: PostgresRow, _ type: E.Type) {
        var names: [String] = []
        var typeOIDs: [UInt32] = []
        names.reserveCapacity(row.count)
        typeOIDs.reserveCapacity(row.count)
        for cell in row {
            names.append(cell.columnName)
            typeOIDs.append(cell.dataType.rawValue)
        }
        let layout = Layout(names: names, typeOIDs: typeOIDs)
        lock.withLock { layouts[ObjectIdentifier(type)] = layout }
    }
}
