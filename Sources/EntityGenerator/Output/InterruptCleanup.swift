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

    /// Identifies work registered with ``onInterrupt(_:)``.
    public struct CleanupToken: Hashable, Sendable {
        let id: UInt64
    }

    /// Registers work to do before a signal ends the run, such as stopping a server the run
    /// started; it runs on a background thread, after staging is removed. Returns a token for
    /// ``remove(_:)``. Registering installs the handlers: a command that starts something which
    /// outlives it must clean up on a signal whether or not it writes files.
    public static func onInterrupt(_ cleanup: @escaping @Sendable () -> Void) -> CleanupToken {
        installHandlers()
        return state.addCleanup(cleanup)
    }

    /// Unregisters work that is done (or no longer needed).
    public static func remove(_ token: CleanupToken) {
        state.removeCleanup(token)
    }

    /// True once a signal has started ending the run.
    public static var isInterrupted: Bool { state.isInterrupted }

    /// Parks the calling thread when a signal is ending the run, so that work which failed
    /// because of the signal (a child process it killed) does not report that failure and exit
    /// first; the cleanup exits the process. Returns at once otherwise.
    public static func yieldIfInterrupted() {
        guard state.isInterrupted else { return }
        while true { sleep(60) }
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
        state.markInterrupted()
        // Never released: once the staging is gone no other thread may start a commit.
        state.commitLock.lock()
        state.withRegistry { registry in
            for entry in registry.values { entry.value?.removeStagingForInterrupt() }
        }
        for cleanup in state.takeCleanups() { cleanup() }
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
        private var interrupted = false
        private var cleanups: [UInt64: @Sendable () -> Void] = [:]

        var isInterrupted: Bool {
            lock.lock()
            defer { lock.unlock() }
            return interrupted
        }

        func markInterrupted() {
            lock.lock()
            defer { lock.unlock() }
            interrupted = true
        }
        private var nextCleanup: UInt64 = 0

        func addCleanup(_ cleanup: @escaping @Sendable () -> Void) -> CleanupToken {
            lock.lock()
            defer { lock.unlock() }
            nextCleanup += 1
            cleanups[nextCleanup] = cleanup
            return CleanupToken(id: nextCleanup)
        }

        func removeCleanup(_ token: CleanupToken) {
            lock.lock()
            defer { lock.unlock() }
            cleanups[token.id] = nil
        }

        /// The registered cleanups, newest first (what started last stops first); none remain.
        func takeCleanups() -> [@Sendable () -> Void] {
            lock.lock()
            defer { lock.unlock() }
            let taken = cleanups.sorted { $0.key > $1.key }.map(\.value)
            cleanups = [:]
            return taken
        }

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
