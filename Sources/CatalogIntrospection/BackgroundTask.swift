import Dispatch
import Foundation

/// Work started on a background thread now, whose result (or error) is collected later.
final class BackgroundTask<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the worker before `done` is signalled, read after waiting on it.
    private var result: Result<Value, IntrospectionError>?

    init(_ work: @escaping @Sendable () throws(IntrospectionError) -> Value) {
        DispatchQueue.global(qos: .userInitiated).async {
            do throws(IntrospectionError) {
                self.result = .success(try work())
            } catch {
                self.result = .failure(error)
            }
            self.done.signal()
        }
    }

    /// Waits for the work and returns its value, or throws its error. Call it once.
    func value() throws(IntrospectionError) -> Value {
        done.wait()
        return try result!.get()
    }
}
