import Hummingbird

/// A value sent as JSON through the request context's encoder, as the example service sends
/// its models: Hummingbird's default `JSONEncoder` (dates as ISO 8601) for all three stacks.
///
/// A wrapper rather than `ResponseEncodable` conformances: the generated `User` belongs to
/// another module, and the same wrapper then serves every stack.
struct JSONResponse<Value: Encodable & Sendable>: ResponseGenerator {
    var value: Value

    func response(from request: Request, context: some RequestContext) throws -> Response {
        try context.responseEncoder.encode(value, from: request, context: context)
    }
}
