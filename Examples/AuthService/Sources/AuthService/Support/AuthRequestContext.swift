import Hummingbird

/// The context of every request: Hummingbird's basics (logger with the request's id, path
/// parameters) and a body limit that suits small JSON documents.
public struct AuthRequestContext: RequestContext {
    /// Hummingbird's per-request state.
    public var coreContext: CoreRequestContextStorage

    /// The context of a request the server (or the test client) received.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// Bodies are a few fields of JSON: anything over 64 KiB is refused with 413 before it is read.
    public var maxUploadSize: Int { 64 * 1024 }
}
