import Dispatch

/// Frees large values on a background thread. A 10,000-table snapshot or plan is millions of
/// small allocations; freeing them one by one took a tenth of a second on the critical path
/// of `codegen entity`, after the work was done. (clang skips freeing its AST at exit for the
/// same reason; this still frees, just not while the caller waits.)
enum BackgroundRelease {
    /// Takes `value` and drops it on a background queue. The caller must hold no other
    /// reference to its storage, or only the reference count moves.
    static func release<Value: Sendable>(_ value: consuming Value) {
        let box = Box(value)
        DispatchQueue.global(qos: .utility).async { box.drop() }
    }

    /// Carries the value to the queue; touched by the caller only before the hand-off.
    private final class Box<Value: Sendable>: @unchecked Sendable {
        private var value: Value?

        init(_ value: consuming Value) {
            self.value = value
        }

        func drop() {
            value = nil
        }
    }
}
