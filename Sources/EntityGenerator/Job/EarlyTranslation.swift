import Dispatch
import Foundation
import SchemaModel

/// The first half of translation (``Translator/translateColumns()``), run on the snapshot of
/// relations and columns a live source hands over before it reads keys.
final class EarlyTranslation: @unchecked Sendable {
    /// What the early half produced, and how long it took on its own thread.
    struct Outcome: Sendable {
        var translation: ColumnTranslation
        var duration: Duration
    }

    private let options: GeneratorOptions
    private let finished = DispatchGroup()
    private let lock = NSLock()
    // Set by `start`, under the lock; written by the worker before it leaves `finished`.
    private var started = false
    private var outcome: Outcome?

    init(options: GeneratorOptions) {
        self.options = options
    }

    /// Translates `partial`'s columns on a background thread. Only the first call counts.
    func start(_ partial: SchemaSnapshot) {
        lock.lock()
        defer { lock.unlock() }
        guard !started else { return }
        started = true
        finished.enter()
        let options = options
        DispatchQueue.global(qos: .userInitiated).async {
            let clock = ContinuousClock()
            let start = clock.now
            let translation = Translator(snapshot: partial, options: options).translateColumns()
            let outcome = Outcome(translation: translation, duration: clock.now - start)
            self.lock.lock()
            self.outcome = outcome
            self.lock.unlock()
            self.finished.leave()
        }
    }

    /// Waits for the early half, if it was started; nil when it never was.
    func wait() -> Outcome? {
        finished.wait()
        lock.lock()
        defer { lock.unlock() }
        return outcome
    }
}
