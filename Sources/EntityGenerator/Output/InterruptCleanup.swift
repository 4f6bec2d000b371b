import Dispatch
import Foundation

/// What happens on SIGINT, SIGTERM or SIGHUP while files are being written: a run that is still
/// staging deletes its staging and exits; a run that is committing finishes the commit first,
/// so a Ctrl-C or a cancelled build never leaves litter or a half-applied commit behind.
///
/// Only commands that write files install the handlers: a handled signal stays ignored in
/// child processes, which commands that run other programs must not impose on them.
public enum InterruptCleanup {
    /// Routes SIGINT, SIGTERM and SIGHUP through the cleanup; the process then exits with
    /// status 128 + the signal's number, as a shell reports a signal.
    public static func installHandlers() {
        state.installOnce {
            [SIGINT, SIGTERM, SIGHUP].map { number in
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { interrupted(by: number) }
                source.resume()
                return source
            }
        }
    }

    static func register(_ transaction: FileTransaction) {
        state.withRegistry { $0[ObjectIdentifier(transaction)] = WeakTransaction(value: transaction) }
    }

    static func unregister(_ transaction: FileTransaction) {
        state.withRegistry { $0[ObjectIdentifier(transaction)] = nil }
    }

    /// Runs `body` with interrupts held off until it returns.
    static func whileCommitting(_ body: () throws(OutputError) -> Void) throws(OutputError) {
        state.commitLock.lock()
        defer { state.commitLock.unlock() }
        try body()
    }

    private static func interrupted(by number: Int32) {
        // Never released: once the staging is gone no other thread may start a commit.
        state.commitLock.lock()
        state.withRegistry { registry in
            for entry in registry.values { entry.value?.removeStagingForInterrupt() }
        }
        _exit(128 + number)
    }

    private struct WeakTransaction {
        weak var value: FileTransaction?
    }

    private static let state = State()

    private final class State: @unchecked Sendable {
        let commitLock = NSLock()
        private let lock = NSLock()
        private var registry: [ObjectIdentifier: WeakTransaction] = [:]
        private var sources: [any DispatchSourceSignal]?

        func withRegistry(_ body: (inout [ObjectIdentifier: WeakTransaction]) -> Void) {
            lock.lock()
            defer { lock.unlock() }
            body(&registry)
        }

        func installOnce(_ make: () -> [any DispatchSourceSignal]) {
            lock.lock()
            defer { lock.unlock() }
            if sources == nil { sources = make() }
        }
    }
}
