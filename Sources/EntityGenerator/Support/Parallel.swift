import Foundation

/// Data-parallel loops for the per-entity stages, which are pure and independent.
enum Parallel {
    /// `items.map(transform)`, on all cores when the work is large enough to be worth it.
    /// The result's order is the input's.
    static func map<Item: Sendable, Result: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Result) -> [Result] {
        map(items, state: {}, { item, _ in transform(item) })
    }

    /// `items.map(transform)`, where the items of one worker's chunk share a `State` made once
    /// per chunk by `makeState`: buffers reused from item to item rather than allocated per item.
    static func map<Item: Sendable, State, Result: Sendable>(
        _ items: [Item], state makeState: @Sendable () -> State, _ transform: @Sendable (Item, inout State) -> Result
    ) -> [Result] {
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, 16)
        guard workers > 1, items.count >= 64 else {
            var state = makeState()
            return items.map { transform($0, &state) }
        }
        let slots = Slots<Result>(count: items.count)
        let chunk = (items.count + workers * 4 - 1) / (workers * 4)
        let chunks = (items.count + chunk - 1) / chunk
        DispatchQueue.concurrentPerform(iterations: chunks) { chunkIndex in
            var state = makeState()
            for index in (chunkIndex * chunk)..<min(items.count, (chunkIndex + 1) * chunk) {
                slots.set(index, transform(items[index], &state))
            }
        }
        return slots.values()
    }

    /// One slot per result, in raw memory: each index is written by exactly one worker, and
    /// all are read after the workers finish.
    private final class Slots<Value>: @unchecked Sendable {
        private let pointer: UnsafeMutablePointer<Value?>
        private let count: Int

        init(count: Int) {
            self.count = count
            pointer = .allocate(capacity: count)
            pointer.initialize(repeating: nil, count: count)
        }

        deinit {
            pointer.deinitialize(count: count)
            pointer.deallocate()
        }

        func set(_ index: Int, _ value: Value) {
            pointer[index] = value
        }

        func values() -> [Value] {
            (0..<count).map { pointer[$0]! }
        }
    }
}
